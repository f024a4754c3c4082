"""Which CJK TrueType fonts the printed forms use, registered once per process with ReportLab.

Four roles, as Chinese official documents use them: ``song`` (宋体, body and forms), ``fangsong``
(仿宋), ``hei`` (黑体) and ``kai`` (楷体, certificates).

Policy (``SFS_PRINT_FONT_POLICY`` or the ``policy`` argument):

- ``shipped`` (default): every role uses the font shipped in ``resources/fonts``, so the same
  document looks the same on every PC (line breaks and page breaks included) whatever fonts
  the PC has. If the shipped font is missing or broken, the system fonts are used instead.
- ``system``: the official Windows fonts (simsun.ttc, simfang.ttf, simhei.ttf, simkai.ttf) when
  present, else CJK TrueType fonts found on the system (fc-list, known paths), else the shipped
  font. For a station that must match a paper template set in those fonts; layout may then
  differ from PC to PC.

Only TrueType-outline fonts are used (see :mod:`.sfnt`); ReportLab embeds them as subsets,
so the PDF carries its glyphs and its text stays extractable. A character missing from the
chosen font is taken from another usable font on the PC; if none has it, printing stops with a
:class:`UserError` naming the character: a printed box in place of a name is never acceptable.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing import sfnt
from sfs_desktop.resources import resource

log = logging.getLogger(__name__)

POLICY_ENV = "SFS_PRINT_FONT_POLICY"
# Where to look for the PC's own fonts instead of the usual places (folders separated by
# os.pathsep; set but empty: nowhere). Lets a test, or a frozen build's smoke run, print as on a
# PC with no Chinese font installed.
FONT_DIRS_ENV = "SFS_SYSTEM_FONT_DIRS"
SHIPPED = "shipped"
SYSTEM = "system"
ROLES = ("song", "fangsong", "hei", "kai")
SHIPPED_FILE = "uming.ttc"

# The official Windows font files for each role.
WINDOWS_FILES = {
    "song": ("simsun.ttc", "simsun.ttf"),
    "fangsong": ("simfang.ttf",),
    "hei": ("simhei.ttf",),
    "kai": ("simkai.ttf",),
}
# Substrings of a font file name that tell its style; "fang" first: "FangSong" contains "song".
_ROLE_HINTS = (
    ("fangsong", ("fang",)),
    ("song", ("song", "sun", "ming")),
    ("hei", ("hei",)),
    ("kai", ("kai",)),
)
# Places to look when fc-list is not there (macOS, minimal Linux); Windows uses its font dirs.
_KNOWN_PATHS = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Supplemental/Kaiti.ttc",
    "/Library/Fonts/Songti.ttc",
)

NO_FONT_MESSAGE = (
    "找不到可用于打印的中文字体（需要 TrueType 格式）。程序自带的字体文件 resources/fonts/{file} "
    "缺失或损坏：请重新安装本程序；或在本机安装宋体（simsun.ttc）后重试。"
)


@dataclass(frozen=True)
class Face:
    """One usable face of a font file, registered with ReportLab under ``name``."""

    path: Path
    index: int
    name: str
    shipped: bool


class FontSet:
    """The registered font for each role, plus fonts to borrow missing characters from."""

    def __init__(self, faces: dict[str, Face], spares: Sequence[Path] = ()):
        self.faces = faces
        used = {(f.path, f.index) for f in faces.values()}
        # Other fonts on the PC, opened only when a character needs them.
        self._spares = (
            (p, i) for p in spares for i in _truetype_indices(p) if (p, i) not in used
        )
        self._borrow: list[str] = []
        self._covered: dict[str, dict[int, int]] = {}

    @property
    def song(self) -> str:
        return self.faces["song"].name

    @property
    def fangsong(self) -> str:
        return self.faces["fangsong"].name

    @property
    def hei(self) -> str:
        return self.faces["hei"].name

    @property
    def kai(self) -> str:
        return self.faces["kai"].name

    def _cmap(self, name: str) -> dict[int, int]:
        cmap = self._covered.get(name)
        if cmap is None:
            cmap = self._covered[name] = pdfmetrics.getFont(name).face.charToGlyph
        return cmap

    def _lender(self, ch: str) -> str | None:
        code = ord(ch)
        for name in self._borrow:
            if code in self._cmap(name):
                return name
        for path, index in self._spares:
            name = _register(path, index)
            if name is None:
                continue
            self._borrow.append(name)
            if code in self._cmap(name):
                return name
        return None

    def runs(self, text: str, font: str) -> list[tuple[str, str]]:
        """`text` cut into (font, piece) runs so that every character has a glyph.

        Line breaks become "\n", tabs spaces, other control characters go. Raises UserError
        naming the first character no usable font on this PC has.
        """
        text = _plain(text)
        cmap = self._cmap(font)
        if all(ord(c) in cmap for c in text):
            return [(font, text)] if text else []
        out: list[tuple[str, str]] = []
        for ch in text:
            name = font if ord(ch) in cmap or ch == "\n" else self._lender(ch)
            if name is None:
                raise UserError(
                    f"无法打印“{ch}”（U+{ord(ch):04X}）：本机没有包含这个字的字体。"
                    "请在本机安装宋体（simsun.ttc）等完整中文字体，或改用常用写法后再打印。"
                )
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + ch)
            else:
                out.append((name, ch))
        return out

    def markup(self, text: str, font: str) -> str:
        """Paragraph markup for plain `text`: escaped, line breaks kept, borrowed glyphs tagged."""
        parts = []
        for name, piece in self.runs(text, font):
            # a paragraph collapses runs of spaces; two no-break spaces keep an ideographic one
            piece = escape(piece).replace("\n", "<br/>").replace("\u3000", "\xa0\xa0")
            parts.append(piece if name == font else f'<font face="{name}">{piece}</font>')
        return "".join(parts)

    def width(self, text: str, font: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in self.runs(text, font))


_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "})


def _plain(text: str) -> str:
    """Line breaks as "\n", tabs as spaces, no control or invisible format characters."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    if text.isprintable():
        return text
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf"))


def policy_from_env() -> str:
    value = os.environ.get(POLICY_ENV, SHIPPED).strip().lower() or SHIPPED
    if value not in (SHIPPED, SYSTEM):
        raise UserError(f"环境变量 {POLICY_ENV} 的值“{value}”无效，应为 {SHIPPED} 或 {SYSTEM}")
    return value


def font_set(policy: str | None = None) -> FontSet:
    """The process-wide font set for `policy` (default: from the environment, else shipped)."""
    return _font_set(policy or policy_from_env())


@functools.lru_cache(maxsize=None)
def _font_set(policy: str) -> FontSet:
    return build_font_set(policy, shipped_font_file(), system_font_files())


def build_font_set(policy: str, shipped: Path | None, system: Iterable[Path]) -> FontSet:
    """Choose and register a face for every role; UserError if there is no usable font at all."""
    if policy not in (SHIPPED, SYSTEM):
        raise ValueError(f"unknown font policy {policy!r}")
    system = list(dict.fromkeys(system))
    shipped_face = _face(shipped, shipped=True) if shipped else None
    if policy == SHIPPED and shipped_face is not None:
        faces = dict.fromkeys(ROLES, shipped_face)
    else:
        if policy == SHIPPED:
            log.warning("shipped font %s unusable; printing with system fonts", shipped)
        faces = _system_faces(system, shipped_face)
    return FontSet(faces, system)


def _system_faces(system: list[Path], shipped_face: Face | None) -> dict[str, Face]:
    by_role: dict[str, list[Path]] = {role: [] for role in ROLES}
    official = {name: role for role, names in WINDOWS_FILES.items() for name in names}
    for path in system:  # official Windows files first, then files whose names tell the style
        role = official.get(path.name.lower())
        if role:
            by_role[role].insert(0, path)
        elif (role := _role_hint(path)) is not None:
            by_role[role].append(path)
    faces: dict[str, Face] = {}
    for role in ROLES:
        face = _first_face(by_role[role])
        if face is not None:
            faces[role] = face
    default = faces.get("song") or _first_face(system) or shipped_face
    if default is None:
        raise UserError(NO_FONT_MESSAGE.format(file=SHIPPED_FILE))
    return {role: faces.get(role, default) for role in ROLES}


def _role_hint(path: Path) -> str | None:
    name = path.name.lower()
    for role, hints in _ROLE_HINTS:
        if any(h in name for h in hints):
            return role
    return None


def _first_face(paths: Iterable[Path]) -> Face | None:
    for path in paths:
        face = _face(path, shipped=False)
        if face is not None:
            return face
    return None


def _face(path: Path, *, shipped: bool) -> Face | None:
    for index in _truetype_indices(path):
        name = _register(path, index)
        if name is not None:
            return Face(path, index, name, shipped)
    return None


def _truetype_indices(path: Path) -> list[int]:
    try:
        count = sfnt.face_count(path)
    except OSError:
        return []
    return [i for i in range(count) if sfnt.outline_format(path, i) == sfnt.TRUETYPE]


@functools.lru_cache(maxsize=None)
def _register(path: Path, index: int) -> str | None:
    """Register one face with ReportLab once per process; None if ReportLab refuses it."""
    name = f"SFS-{path.stem}-{index}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    except Exception as exc:  # any broken or embedding-restricted font file: skip it, say why
        log.warning("font %s[%d] skipped: %s", path, index, exc)
        return None
    return name


def shipped_font_file() -> Path | None:
    try:
        path = resource("fonts", SHIPPED_FILE)
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def system_font_files() -> list[Path]:
    """CJK font files on this PC, most official first; unusable ones are filtered later."""
    found: list[Path] = []
    only = os.environ.get(FONT_DIRS_ENV)
    if only is not None:
        for d in filter(None, only.split(os.pathsep)):
            found += sorted(p for p in Path(d).glob("*") if p.suffix.lower() in (".ttf", ".ttc", ".otf", ".otc"))
        return list(dict.fromkeys(found))
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        for d in dirs:
            for names in WINDOWS_FILES.values():
                found += [d / n for n in names if (d / n).is_file()]
    found += _fc_list()
    found += [Path(p) for p in _KNOWN_PATHS if Path(p).is_file()]
    return list(dict.fromkeys(found))


def _fc_list() -> list[Path]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    return [Path(p) for p in paths if p.lower().endswith((".ttf", ".ttc", ".otf", ".otc"))]
