"""Paragraph styles of the printed forms, in the Chinese type sizes official documents use.

Every style wraps the CJK way (``wordWrap='CJK'``): ReportLab's default breaks inside numbers
("202|4年"), and CJK wrapping also keeps closing punctuation off the start of a line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as _rl_paragraph

from sfs_desktop.core.printing import linebreak
from sfs_desktop.core.printing.fonts import FontSet

# ReportLab's CJK wrap keeps the Japanese closing marks off the start of a line, not the Chinese
# full-width ones; a line opening with "，" is a typesetting error (GB/T 15834), so add them.
# The mark then hangs in the right margin, as Chinese typesetting allows.
_CHINESE_CANNOT_START = "，；：？！》”’…"
for _module in (_rl_textsplit, _rl_paragraph):  # each wrap path reads its own copy
    if _CHINESE_CANNOT_START[0] not in _module.ALL_CANNOT_START:
        _module.ALL_CANNOT_START += _CHINESE_CANNOT_START
linebreak.install()  # units kept whole, no character alone on a line (linebreak.py)

# 字号 → points
SIZE_CERT = 20.0  # certificate body, between 三号 and 二号
SIZE_1 = 26.0  # 一号
SIZE_2 = 22.0  # 二号: form titles
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_S4 = 12.0  # 小四: form text
SIZE_5 = 10.5  # 五号: notes, page numbers


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    body: ParagraphStyle  # free text, first line indented two characters
    plain: ParagraphStyle  # free text without indent (terms, lists)
    heading: ParagraphStyle  # 一、协议内容
    cell: ParagraphStyle  # a value in a grid cell (五号, as forms set their tables)
    label: ParagraphStyle  # a label in a grid cell
    note: ParagraphStyle  # small print under a form
    right: ParagraphStyle  # serial line, seal block
    cert: ParagraphStyle  # certificate body (楷体 三号 and up), first line indented
    cert_plain: ParagraphStyle  # certificate salutation ("某某同志：")
    cert_right: ParagraphStyle  # certificate issuer and date


def _style(name: str, font: str, size: float, leading: float, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)


@functools.lru_cache(maxsize=8)
def styles_for(fonts: FontSet) -> Styles:
    song, hei, kai = fonts.song, fonts.hei, fonts.kai
    return Styles(
        fonts=fonts,
        body=_style("body", song, SIZE_S4, 22, alignment=TA_JUSTIFY, firstLineIndent=2 * SIZE_S4),
        plain=_style("plain", song, SIZE_S4, 22, alignment=TA_JUSTIFY),
        heading=_style("heading", hei, SIZE_4, 24, alignment=TA_LEFT, spaceBefore=6, spaceAfter=2,
                       keepWithNext=1),  # a heading never ends a page
        cell=_style("cell", song, SIZE_5, 15, alignment=TA_LEFT),
        label=_style("label", song, SIZE_5, 15, alignment=TA_CENTER),
        note=_style("note", song, SIZE_5, 16, alignment=TA_LEFT),
        right=_style("right", song, SIZE_S4, 22, alignment=TA_RIGHT),
        cert=_style("cert", kai, SIZE_CERT, 40, alignment=TA_JUSTIFY, firstLineIndent=2 * SIZE_CERT),
        cert_plain=_style("cert_plain", kai, SIZE_CERT, 40, alignment=TA_LEFT),
        cert_right=_style("cert_right", kai, SIZE_3, 30, alignment=TA_RIGHT),
    )
