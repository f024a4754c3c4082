"""Benchmark: one form through the printing engine vs raw ReportLab; 1,000 certificates vs a raw canvas.

Budgets (printing brief): the engine renders a form in ≤ 2× the time raw ReportLab takes to lay
out and write the same content (same font, same text, same A4 page: a hand-written platypus
story with a Table of Paragraphs, as one would write without the engine); a batch of 1,000
appointment certificates (one PDF) in ≤ 10 s, shown beside raw ReportLab drawing the same text on
a canvas page by page. Fonts are registered and both sides warmed before timing (once per
process in the program too); engine and raw runs are interleaved, medians with min–max.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

from sfs_desktop.core.printing import font_set, format_serial, render  # noqa: E402
from sfs_desktop.core.printing.render import render_many as render_batch  # noqa: E402
from tests.printing.sample import REGISTRATION, context  # noqa: E402

RUNS = 15
FORM_BUDGET = 2.0
BATCH_N = 1000
BATCH_BUDGET = 10.0
SERIAL = "（2024）桃示人调字第12号"


def raw_form(out: Path, font: str) -> None:
    """The registration form's content written straight with platypus (no engine)."""
    def style(size, leading, align=0, indent=0, color=colors.black):
        return ParagraphStyle("s", fontName=font, fontSize=size, leading=leading, alignment=align,
                              firstLineIndent=indent, textColor=color, wordWrap="CJK")

    cell, label, body, plain = style(10.5, 15), style(10.5, 15, 1), style(12, 22, 4, 24), style(12, 22)
    p = lambda text, s=cell: Paragraph(text, s)  # noqa: E731
    person = lambda n, b, ph, a: [  # noqa: E731
        [p(n[0], label), p("姓名", label), p(n[1]), p("性别", label), p(n[2]), p("民族", label), p("汉族")],
        ["", p("出生日期", label), p(b), p("职业或职务", label), p("农民"), p("联系方式", label), p(ph)],
        ["", p("单位或住址", label), p(a), "", "", "", ""],
    ]
    data = person(("申<br/>请<br/>人", "甲某某", "男"), "1968年3月5日", "13800000001", "桃江县示例镇东湾村3组")
    data += person(("被<br/>申<br/>请<br/>人", "乙某某", "女"), "1975年9月30日", "13900000002", "桃江县示例镇西岭村3组")
    data += [
        [p("纠纷类型", label), "", p("宅基地纠纷"), p("涉及金额", label), p("¥10,050.00（壹万零伍拾元整）"), "", ""],
        [p("登记日期", label), "", p("2024年11月28日"), p("案件来源", label), p("□当事人申请　□调委会主动调解"), "", ""],
        [p("纠纷简要情况", label), "", p(context()["facts"]), "", "", "", ""],
        [p("备注", label), "", p(""), "", "", "", ""],
    ]
    spans = [("SPAN", (0, 0), (0, 2)), ("SPAN", (0, 3), (0, 5)), ("SPAN", (2, 2), (6, 2)), ("SPAN", (2, 5), (6, 5))]
    spans += [("SPAN", (0, r), (1, r)) for r in (6, 7, 8, 9)]
    spans += [("SPAN", (4, 6), (6, 6)), ("SPAN", (4, 7), (6, 7)), ("SPAN", (2, 8), (6, 8)), ("SPAN", (2, 9), (6, 9))]
    grid = Table(data, colWidths=[9 * mm] + [22 * mm, 28.33 * mm] * 3, minRowHeights=[0] * 8 + [90, 0],
                 style=TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BOX", (0, 0), (-1, -1), 1, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                                   *spans]))
    signatures = Table([[p("申请人（签名或盖章、按指印）：", plain), "", p("年　月　日", plain)],
                        [p("登记人（签名）：", plain), "", p("年　月　日", plain)]],
                       colWidths=[None, 45 * mm, 45 * mm],
                       style=TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                                         ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black)]))
    right = style(12, 22, 2)
    story = [
        p("桃江县示例镇人民调解委员会", style(26, 34, 1, color=colors.red)),
        p("人民调解受理登记表", style(22, 30, 1)), p(SERIAL, right), grid, Spacer(1, 4 * mm),
        p("经双方当事人同意，本委员会受理甲某某与乙某某之间的纠纷，于二〇二四年十一月二十八日登记。", body),
        p("申请事项", style(14, 24)),
        p("1．请求被申请人拆除占用排水沟的围墙。", plain),
        p("2．请求恢复排水沟原走向，费用由被申请人承担。", plain),
        signatures, Spacer(1, 30), p("桃江县示例镇人民调解委员会（盖章）", right), p("二〇二四年十一月二十八日", right),
    ]

    def footer(canv, doc):
        canv.setFont(font, 10.5)
        canv.drawCentredString(A4[0] / 2, 13 * mm, f"第 {doc.page} 页 共 1 页")

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=25 * mm, invariant=1, initialFontName=font)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    out.write_bytes(buf.getvalue())


def raw_certificates(out: Path, font: str, contexts: list[dict], serials: list[str]) -> int:
    """The same certificates drawn straight on a ReportLab canvas (A4 landscape, same text and font)."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.pdfgen import canvas

    w, h = landscape(A4)
    c = canvas.Canvas(str(out), pagesize=(w, h), invariant=1)
    for ctx, serial in zip(contexts, serials):
        c.setFont(font, 44)
        c.drawCentredString(w / 2, h - 50 * mm, "聘书")
        c.setFont(font, 14)
        c.drawRightString(w - 30 * mm, h - 30 * mm, serial)
        c.setFont(font, 20)
        c.drawString(40 * mm, h - 80 * mm, f"{ctx['name']}同志：")
        c.drawString(50 * mm, h - 95 * mm, f"兹聘任您为{ctx['committee']}人民调解员，")
        c.drawString(40 * mm, h - 108 * mm, f"聘期自{ctx['term_start']:%Y年%m月%d日}至{ctx['term_end']:%Y年%m月%d日}。")
        c.drawString(50 * mm, h - 121 * mm, "特发此聘书。")
        c.drawRightString(w - 40 * mm, 50 * mm, ctx["issuer"])
        c.drawRightString(w - 40 * mm, 40 * mm, f"{ctx['issued_on']:%Y年%m月%d日}")
        c.showPage()
    c.save()
    return len(contexts)


def main() -> int:
    args = common.parse_args(__doc__.splitlines()[0])
    runs = args.fast_runs if args.quick else RUNS
    batch_n = 50 if args.quick else BATCH_N
    fonts = font_set()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        values = context()
        render(REGISTRATION, values, tmp / "warm.pdf", serial=SERIAL)  # imports, caches, fonts: both warm
        raw_form(tmp / "warm-raw.pdf", fonts.song)

        def ours() -> float:
            t = common.timer()
            render(REGISTRATION, values, tmp / "engine.pdf", serial=SERIAL)
            return t() * 1000

        def base() -> float:
            t = common.timer()
            raw_form(tmp / "raw.pdf", fonts.song)
            return t() * 1000

        form_o, form_b = common.interleaved(ours, base, runs)

        base_ctx = {"committee": "桃江县示例镇东湾村人民调解委员会", "term_start": date(2024, 1, 1),
                    "term_end": date(2026, 12, 31), "issuer": "桃江县示例镇人民调解委员会", "issued_on": date(2024, 1, 1)}
        contexts = [{**base_ctx, "name": f"调解员{i:04d}"} for i in range(batch_n)]
        serials = [format_serial(2024, "桃示", "聘", i + 1) for i in range(batch_n)]
        render_batch("certificate.mediator_appointment", contexts[:5], tmp / "warm-batch.pdf", serials=serials[:5])
        raw_certificates(tmp / "warm-raw-batch.pdf", fonts.song, contexts[:5], serials[:5])
        pages = {}

        def ours_batch() -> float:
            t = common.timer()
            pages["n"] = render_batch("certificate.mediator_appointment", contexts, tmp / "batch.pdf",
                                      serials=serials).pages
            return t()

        def base_batch() -> float:
            t = common.timer()
            raw_certificates(tmp / "raw-batch.pdf", fonts.song, contexts, serials)
            return t()

        batch_o, batch_b = common.interleaved(ours_batch, base_batch, args.runs)
    rows = [
        common.row("print_form", "one form rendered (人民调解受理登记表)", form_o, "ms",
                   "raw ReportLab platypus story of the same content, same font and page", form_b,
                   budget_ratio=FORM_BUDGET),
        common.row("print_batch", f"{batch_n:,} certificates in one PDF ({pages['n']} pages)", batch_o, "s",
                   "raw ReportLab canvas drawing the same text per page, same font", batch_b,
                   budget_abs=round(BATCH_BUDGET * batch_n / BATCH_N, 2),
                   note="" if batch_n == BATCH_N else "budget scaled to the batch size"),
    ]
    return common.emit(args, rows)


if __name__ == "__main__":
    raise SystemExit(main())
