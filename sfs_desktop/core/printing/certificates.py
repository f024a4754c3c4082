"""Certificates the station prints, and the staff work card.

A certificate is a template on a :class:`CertificatePage`: a red double border with corner
ornaments, the heading in large type, a short body in 楷体, and the issuer and date held at the
foot of the sheet under a faint circle where the seal goes. The work card (工作证) prints front
and back at card size (85.6 × 54 mm) on one A4 sheet, with cut marks.

The fields here are declared locally until the staff and person models exist; their labels
and sensitivity follow domain.md §2 and §13.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer, Table

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Mask, Sensitivity, Widget
from sfs_desktop.core.printing.fill import Fill, placeholders
from sfs_desktop.core.printing.fonts import FontSet
from sfs_desktop.core.printing.formats import BLANK_DATE, official_date, plain_date
from sfs_desktop.core.printing.layout import (
    RED, AtBottom, Title, blank, draw_text, signature_lines, table_style, text_width,
)
from sfs_desktop.core.printing.styles import SIZE_5, SIZE_S4
from sfs_desktop.core.printing.templates import Grid, Template, Text, register, spec_map

SEAL_DIAMETER = 42 * mm  # a township organ's round seal


# --- the certificate frame -----------------------------------------------------------------

class CertificatePage:
    """A4 (landscape unless told) with the decorative border, heading and seal area."""

    numbered = False

    def __init__(self, heading: str, *, portrait: bool = False, heading_size: float = 48):
        self.heading = heading
        self.heading_size = heading_size
        self.size = A4 if portrait else landscape(A4)
        self.margin_x = 30 * mm if portrait else 40 * mm
        self.margin_y = 26 * mm

    def page_templates(self, fonts: FontSet) -> list[PageTemplate]:
        w, h = self.size
        frame = Frame(
            self.margin_x, self.margin_y, w - 2 * self.margin_x, h - 2 * self.margin_y,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )
        return [PageTemplate(id="certificate", frames=[frame], onPage=self._decorate, pagesize=self.size)]

    def canvasmaker(self, fonts: FontSet):
        return Canvas

    def header(self, fill: Fill) -> list[Flowable]:
        fonts = fill.fonts
        out: list[Flowable] = [
            Title(self.heading, fonts, size=self.heading_size, color=RED,
                  char_space=self.heading_size * 0.3, space_after=14),
        ]
        if fill.template.numbered:
            serial = fill.serial or fill.template.blank_serial()
            style = fill.styles.right.clone("cert_serial", fontSize=SIZE_S4, leading=18, spaceAfter=10)
            out.append(Paragraph(fonts.markup(f"编号：{serial}", fonts.song), style))
        return out

    def _decorate(self, canv: Canvas, doc) -> None:
        w, h = self.size
        canv.saveState()
        canv.setStrokeColor(RED)
        canv.setFillColor(RED)
        outer, inner = 10 * mm, 14 * mm
        canv.setLineWidth(3)
        canv.rect(outer, outer, w - 2 * outer, h - 2 * outer)
        canv.setLineWidth(0.8)
        canv.rect(inner, inner, w - 2 * inner, h - 2 * inner)
        for cx, cy, sx, sy in ((inner, inner, 1, 1), (w - inner, inner, -1, 1),
                               (inner, h - inner, 1, -1), (w - inner, h - inner, -1, -1)):
            _corner(canv, cx, cy, sx, sy)
        # where the seal goes: over the issuer and date held at the foot of the frame
        canv.setStrokeColor(colors.Color(0.78, 0.09, 0.11, alpha=0.35))
        canv.setDash(3, 3)
        canv.circle(w - self.margin_x - SEAL_DIAMETER * 0.75, self.margin_y + SEAL_DIAMETER * 0.4, SEAL_DIAMETER / 2)
        canv.restoreState()


def _corner(canv: Canvas, x: float, y: float, sx: int, sy: int) -> None:
    """A 回-pattern ornament in one corner, drawn inward from the inner border."""
    u = 2.2 * mm
    canv.setLineWidth(1.2)
    for k in (1, 3):
        p = canv.beginPath()
        p.moveTo(x + sx * k * u, y + sy * 7 * u)
        p.lineTo(x + sx * k * u, y + sy * k * u)
        p.lineTo(x + sx * 7 * u, y + sy * k * u)
        canv.drawPath(p, stroke=1, fill=0)
    canv.rect(x + sx * 5 * u - (u if sx < 0 else 0), y + sy * 5 * u - (u if sy < 0 else 0), u, u, stroke=0, fill=1)


@dataclass(frozen=True)
class Issuer:
    """Issuer and date (二〇二四年…), right-aligned at the foot of the certificate, with any
    signature lines just above them."""

    issuer: str  # pattern, e.g. "{issuer}"
    date: str  # ref of the issue date
    signers: tuple[str, ...] = ()

    def refs(self) -> list[str]:
        return placeholders(self.issuer) + [self.date]

    def flowables(self, fill: Fill) -> list[Flowable]:
        style = fill.styles.cert_right
        content: list[Flowable] = []
        if self.signers:
            content += [signature_lines([(s, True) for s in self.signers], fill.styles), Spacer(1, 8 * mm)]
        content += [
            Paragraph(fill.format(self.issuer, style.fontName), style),
            Paragraph(fill.markup(official_date(fill.value(self.date)), style.fontName), style),
            Spacer(1, 6 * mm),
        ]
        return [AtBottom(content)]


# --- 人民调解员聘书 and 法律明白人证书 --------------------------------------------------------

_CERTIFICATE = {
    "name": FieldSpec("姓名"),
    "issuer": FieldSpec("发证单位"),
    "issued_on": FieldSpec("发证日期", widget=Widget.DATE),
}

MEDIATOR_APPOINTMENT = register(Template(
    id="certificate.mediator_appointment",
    title="人民调解员聘书",
    specs=spec_map(_CERTIFICATE, {
        "committee": FieldSpec("人民调解委员会"),
        "term_start": FieldSpec("聘期起始日期", widget=Widget.DATE),
        "term_end": FieldSpec("聘期终止日期", widget=Widget.DATE),
    }),
    page=CertificatePage("聘书"),
    serial_kind="聘",
    sections=[
        Text("{name}同志：", style="cert_plain"),
        Text("兹聘任您为{committee}人民调解员，聘期自{term_start:official}至{term_end:official}。", style="cert"),
        Text("特发此聘书。", style="cert"),
        Issuer("{issuer}", "issued_on"),
    ],
))

LEGAL_UNDERSTANDER = register(Template(
    id="certificate.legal_understander",
    title="法律明白人证书",
    specs=spec_map(_CERTIFICATE, {"village": FieldSpec("所在村（社区）")}),
    page=CertificatePage("法律明白人证书", heading_size=40),
    serial_kind="法明",
    sections=[
        Text("{name}同志：", style="cert_plain"),
        Text("经培训考核合格，确认您为{village}“法律明白人”。望认真学法用法，带头遵法守法，"
             "积极宣传法律、化解矛盾纠纷，为建设法治乡村贡献力量。", style="cert"),
        Text("特发此证。", style="cert"),
        Issuer("{issuer}", "issued_on"),
    ],
))


# --- 站点设置证书 --------------------------------------------------------------------------

def key_groups(key: str, size: int = 4) -> list[str]:
    """The recovery key in groups to read aloud and type: kept as given if already grouped."""
    parts = [p for p in re.split(r"[\s\-]+", key.strip()) if p]
    if len(parts) > 1:
        return parts
    compact = parts[0] if parts else ""
    return [compact[i : i + size] for i in range(0, len(compact), size)]


@dataclass(frozen=True)
class KeyGroups:
    """The recovery key printed large, one boxed group per cell, to be copied without error."""

    ref: str
    per_row: int = 5

    def refs(self) -> list[str]:
        return [self.ref]

    def flowables(self, fill: Fill) -> list[Flowable]:
        groups = key_groups(fill.text(self.ref))
        if not groups:
            raise UserError("没有恢复密钥，不能打印站点设置证书")
        fonts = fill.fonts
        style = fill.styles.cell.clone("key", fontName=fonts.hei, fontSize=20, leading=24, alignment=1)
        rows = [groups[i : i + self.per_row] for i in range(0, len(groups), self.per_row)]
        data = [[Paragraph(fonts.markup(g, fonts.hei), style) for g in row] + [""] * (self.per_row - len(row)) for row in rows]
        cmds = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
        cmds += [("BOX", (c, r), (c, r), 1.0, colors.black) for r, row in enumerate(rows) for c in range(len(row))]
        table = Table(data, colWidths=[29 * mm] * self.per_row, style=table_style(fonts, cmds), spaceBefore=4, spaceAfter=8)
        return [table]


_STATION = {
    "station_name": FieldSpec("站点名称"),
    "station_code": FieldSpec("站点代码"),
    "issued_on": FieldSpec("设置日期", widget=Widget.DATE),
    "recovery_key": FieldSpec("恢复密钥", sensitivity=Sensitivity.S3),
    "fingerprint": FieldSpec("数据库密钥指纹"),
}

_SAFEKEEPING = (
    "本证书上的恢复密钥是全部账户密码遗失时打开本站数据的唯一凭据，证书遗失且密码遗失时，数据将无法恢复。",
    "请将本证书装入信封密封，由所长存放于保险柜或上锁的档案柜；不得拍照、复印、扫描，不得存入电脑、手机或网盘。",
    "任何人（包括县司法局和软件维护人员）均无权索要恢复密钥；使用恢复密钥时须由所长在场。",
    "如怀疑恢复密钥已经泄露，应立即报告所长并更换恢复密钥，重新打印本证书，旧证书当场销毁。",
    "核对“数据库密钥指纹”即可确认本证书与本站数据相符，无需输入恢复密钥。",
)

STATION_SETUP = register(Template(
    id="certificate.station_setup",
    title="站点设置证书",
    specs=spec_map(_STATION),
    sensitive=frozenset({"recovery_key"}),
    page=CertificatePage("站点设置证书", portrait=True, heading_size=30),
    sections=[
        Text("本证书记载本站数据的恢复密钥，请妥善保管。", style="note"),
        Grid([["station_name"], ["station_code", "issued_on"], ["fingerprint"]], pairs=2),
        Text("恢复密钥", style="heading"),
        KeyGroups("recovery_key"),
        Text("妥善保管须知", style="heading"),
        *[Text(f"{i}．{line}", style="note") for i, line in enumerate(_SAFEKEEPING, 1)],
        Issuer("{station_name}", "issued_on", signers=("设置人（签名）", "所长（签名）")),
    ],
))


# --- 工作证 ---------------------------------------------------------------------------------

CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, the size of a bank card
PHOTO_W, PHOTO_H = 22 * mm, 30 * mm


class CardSheetPage:
    """A plain A4 sheet; the card section draws everything at fixed positions."""

    size = A4
    numbered = False

    def page_templates(self, fonts: FontSet) -> list[PageTemplate]:
        w, h = self.size
        frame = Frame(0, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [PageTemplate(id="sheet", frames=[frame], pagesize=self.size)]

    def canvasmaker(self, fonts: FontSet):
        return Canvas

    def header(self, fill: Fill) -> list[Flowable]:
        return []


def _cut_marks(canv: Canvas, x: float, y: float, w: float, h: float) -> None:
    gap, length = 2 * mm, 6 * mm
    canv.saveState()
    canv.setLineWidth(0.4)
    canv.setStrokeColor(colors.black)
    for cx in (x, x + w):
        for cy in (y, y + h):
            dx = -1 if cx == x else 1
            dy = -1 if cy == y else 1
            canv.line(cx + dx * gap, cy, cx + dx * (gap + length), cy)
            canv.line(cx, cy + dy * gap, cx, cy + dy * (gap + length))
    canv.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
    canv.setLineWidth(0.3)
    canv.roundRect(x, y, w, h, 3 * mm)
    canv.restoreState()


def _photo_image(value) -> ImageReader:
    if isinstance(value, (bytes, bytearray)):
        return ImageReader(io.BytesIO(value))
    return ImageReader(str(Path(value)))


@dataclass(frozen=True)
class WorkCard:
    """Front and back of the work card on one sheet, to cut out, glue back to back, laminate."""

    def refs(self) -> list[str]:
        return ["name", "unit", "post", "issuer", "issued_on", "valid_until", "photo"]

    def flowables(self, fill: Fill) -> list[Flowable]:
        return [_CardSheet(fill)]


_NOTICE = (
    "本证是持证人在桃江县司法行政系统工作的身份证明，仅限本人使用，不得转借。",
    "持证人执行公务时应主动出示本证。",
    "本证如有遗失，应及时报告发证机关。",
    "持证人调离或退休时，本证由发证机关收回。",
)


class _CardSheet(Flowable):
    def __init__(self, fill: Fill):
        super().__init__()
        self.fill = fill
        self.values = {r: fill.text(r) for r in ("name", "unit", "post", "issuer")}
        self.issued_on = fill.value("issued_on")
        self.valid_until = fill.value("valid_until")
        self.photo = fill.value("photo")

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def draw(self):
        c, fonts = self.canv, self.fill.fonts
        w, h = A4
        x = (w - CARD_W) / 2
        front_y, back_y = h - 40 * mm - CARD_H, h - 40 * mm - 2 * CARD_H - 30 * mm
        grey = colors.Color(0.45, 0.45, 0.45)
        for y, caption in ((front_y, "正面"), (back_y, "背面")):
            draw_text(c, x, y + CARD_H + 10 * mm, caption, fonts, fonts.song, SIZE_5, color=grey)
        note = "沿四角裁切线裁下正面、背面，背对背粘合后过塑。"
        draw_text(c, (w - text_width(note, fonts, fonts.song, SIZE_5)) / 2, back_y - 20 * mm, note, fonts,
                  fonts.song, SIZE_5, color=grey)
        self._front(c, fonts, x, front_y)
        self._back(c, fonts, x, back_y)
        _cut_marks(c, x, front_y, CARD_W, CARD_H)
        _cut_marks(c, x, back_y, CARD_W, CARD_H)

    def _front(self, c: Canvas, fonts: FontSet, x: float, y: float) -> None:
        band = 13 * mm
        c.saveState()
        p = c.beginPath()
        p.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
        c.clipPath(p, stroke=0, fill=0)
        c.setFillColor(RED)
        c.rect(x, y + CARD_H - band, CARD_W, band, stroke=0, fill=1)
        c.restoreState()
        title = "工作证"
        size, space = 17.0, 10.0
        tw = text_width(title, fonts, fonts.hei, size, space)
        draw_text(c, x + (CARD_W - tw) / 2, y + CARD_H - band + 4.2 * mm, title, fonts, fonts.hei, size,
                  char_space=space, bold=True, color=colors.white)
        # photo
        px, py = x + 5 * mm, y + 5 * mm
        if self.photo:
            c.drawImage(_photo_image(self.photo), px, py, PHOTO_W, PHOTO_H, preserveAspectRatio=True, anchor="c")
        else:
            c.saveState()
            c.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
            c.setDash(2, 2)
            c.setLineWidth(0.5)
            c.rect(px, py, PHOTO_W, PHOTO_H)
            c.restoreState()
            label = "照片"
            draw_text(c, px + (PHOTO_W - text_width(label, fonts, fonts.song, 8)) / 2, py + PHOTO_H / 2, label,
                      fonts, fonts.song, 8, color=colors.Color(0.5, 0.5, 0.5))
        # fields
        style = self.fill.styles.cell.clone("card", fontSize=8.5, leading=11.5)
        fx = px + PHOTO_W + 5 * mm
        width = x + CARD_W - 4 * mm - fx
        top = y + CARD_H - band - 4 * mm
        for label, ref in (("姓　　名", "name"), ("工作单位", "unit"), ("职　　务", "post"), ("证件编号", None)):
            text = (self.fill.serial or "") if ref is None else self.values[ref]
            para = Paragraph(fonts.markup(f"{label}：", fonts.song) + (fonts.markup(text, fonts.song) or blank()), style)
            _, ph = para.wrap(width, CARD_H)
            top -= ph + 1.2 * mm
            para.drawOn(c, fx, top)

    def _back(self, c: Canvas, fonts: FontSet, x: float, y: float) -> None:
        title = "持证须知"
        draw_text(c, x + (CARD_W - text_width(title, fonts, fonts.hei, 10, 4)) / 2, y + CARD_H - 8 * mm, title, fonts,
                  fonts.hei, 10, char_space=4, bold=True)
        style = self.fill.styles.cell.clone("card_notice", fontSize=7, leading=9.5, leftIndent=7, firstLineIndent=-7)
        top = y + CARD_H - 11 * mm
        for i, line in enumerate(_NOTICE, 1):
            para = Paragraph(fonts.markup(f"{i}．{line}", fonts.song), style)
            _, ph = para.wrap(CARD_W - 10 * mm, CARD_H)
            top -= ph + 0.6 * mm
            para.drawOn(c, x + 5 * mm, top)
        foot = self.fill.styles.cell.clone("card_foot", fontSize=7.5, leading=10)
        lines = [
            f"发证机关：{self.values['issuer']}（盖章）",
            f"发证日期：{plain_date(self.issued_on) or BLANK_DATE}　　"
            f"有效期至：{plain_date(self.valid_until) or BLANK_DATE}",
        ]
        fy = y + 4 * mm
        for line in reversed(lines):
            para = Paragraph(fonts.markup(line, fonts.song), foot)
            _, ph = para.wrap(CARD_W - 10 * mm, CARD_H)
            para.drawOn(c, x + 5 * mm, fy)
            fy += ph + 0.5 * mm


WORK_CARD = register(Template(
    id="certificate.work_card",
    title="工作证",
    specs=spec_map(_CERTIFICATE, {
        "unit": FieldSpec("工作单位"),
        "post": FieldSpec("职务"),
        "valid_until": FieldSpec("有效期至", widget=Widget.DATE),
        "photo": FieldSpec("照片", sensitivity=Sensitivity.S2, mask=Mask.ALL),
    }),
    sensitive=frozenset({"photo"}),
    page=CardSheetPage(),
    serial_kind="工",
    sections=[WorkCard()],
))
