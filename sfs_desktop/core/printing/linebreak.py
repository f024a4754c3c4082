"""Line breaking of Chinese paragraphs that keeps units whole and leaves no character alone.

ReportLab's CJK wrap breaks after any character, which on forms gave "涉及金额（/元）",
"纠纷简要情/况", "2026-01-0/5" and "郭凤/艳". This breaker, installed for every paragraph that
wraps the CJK way (:func:`install`), keeps together:

- a short bracketed unit with its brackets (（元）, 〔2024〕, 《人民调解法》);
- a run of Latin letters, digits and their joiners (2026-01-05, ¥12,000.00, 1380000…);
- a blank to write on (a run of no-break spaces);
- closing punctuation with the character before it, opening punctuation with the one after;

and it never ends a paragraph with a line of one character: the last line takes a unit from the
line above. A unit wider than the line is broken by characters, as before.
"""

from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.platypus import paragraph as rl

BRACKETS = {"（": "）", "(": ")", "〔": "〕", "【": "】", "《": "》", "“": "”", "‘": "’", "「": "」", "［": "］",
            "[": "]"}
MAX_BRACKETED = 14  # characters between brackets kept on one line; a longer aside may break
_JOINERS = set("-./:%_,@#+¥$")
_FUZZ = 1e-6
_SOFT_BREAKS = set("-/.,、_")  # where a run too long for its line breaks, after the mark


def _word(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in _JOINERS)


def joins(chars: list[str]) -> list[bool]:
    """joins[i]: no break allowed between chars[i-1] and chars[i]."""
    cannot_start, cannot_end = textsplit.ALL_CANNOT_START, textsplit.ALL_CANNOT_END + "".join(BRACKETS)
    n = len(chars)
    out = [False] * n
    for i in range(1, n):
        a, b = chars[i - 1], chars[i]
        if not a or not b:  # zero-width frags (markup boundaries) go with their neighbours
            out[i] = True
        elif b in cannot_start or a in cannot_end:
            out[i] = True
        elif _word(a) and _word(b):
            out[i] = True
        elif a == b == "\xa0":
            out[i] = True
    for i, c in enumerate(chars):
        close = BRACKETS.get(c)
        if close is None:
            continue
        for k in range(i + 1, min(n, i + MAX_BRACKETED + 2)):
            if chars[k] == close:
                for t in range(i + 1, k + 1):
                    out[t] = True
                break
    return out


def _significant(chars: list[str]) -> int:
    return sum(1 for c in chars if c and c.strip() and c not in textsplit.ALL_CANNOT_START)


def break_lines(widths: list[float], chars: list[str], max_widths: list[float], first_line: int = 0
                ) -> list[tuple[int, int]]:
    """Lines [start, end) of one run of text without forced breaks."""
    n = len(chars)
    if n == 0:
        return []
    joined = joins(chars)

    def room(line_no: int) -> float:
        return max_widths[min(first_line + line_no, len(max_widths) - 1)]

    units, a = [], 0
    for i in range(1, n):
        if not joined[i]:
            units.append((a, i))
            a = i
    units.append((a, n))
    lines: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for a, b in units:
        w = sum(widths[a:b])
        limit = room(len(lines))
        hang = widths[b - 1] if chars[b - 1] in textsplit.ALL_CANNOT_START else 0.0
        if a == start or used + w - hang <= limit + _FUZZ:
            used += w
        else:
            if lines and _significant(chars[start:a]) <= 1:  # a line of one character: take one more
                start = _pull_back(lines, start, a, widths, joined, limit)
            lines.append((start, a))
            start, used = a, w
        while used - (widths[b - 1] if chars[b - 1] in textsplit.ALL_CANNOT_START else 0) > room(len(lines)) + _FUZZ \
                and b - start > 1:  # a unit wider than the line: break it by characters
            limit, acc, k = room(len(lines)), 0.0, start
            while k < b and (k == start or acc + widths[k] <= limit + _FUZZ):
                acc += widths[k]
                k += 1
            if k >= b:
                break
            soft = [j + 1 for j in range(start + 1, k - 1) if chars[j] in _SOFT_BREAKS]
            if soft:  # 2026-01-|05 rather than 2026-01-0|5
                k = soft[-1]
            lines.append((start, k))
            start, used = k, sum(widths[k:b])
    lines.append((start, n))
    # no character alone on the last line: take the last unit of the line above
    if len(lines) >= 2 and _significant(chars[lines[-1][0]:lines[-1][1]]) <= 1:
        last = lines.pop()
        start = _pull_back(lines, last[0], last[1], widths, joined, room(len(lines)))
        lines.append((start, last[1]))
    return lines


def _pull_back(lines: list[tuple[int, int]], start: int, end: int, widths: list[float], joined: list[bool],
               limit: float) -> int:
    """Move the start of line [start, end) back by the last unit of the line before (which keeps
    at least two characters) when that still fits; returns the new start."""
    p, s = lines[-1]
    for k in range(s - 1, p + 1, -1):
        if joined[k]:
            continue
        if sum(widths[k:end]) > limit + _FUZZ:
            return start
        lines[-1] = (p, k)
        return k
    return start


def _split(frags, maxWidths, calcBounds, encoding="utf8"):
    """cjkFragSplit with the rules above (same glyphs, same line objects)."""
    glyphs = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            glyphs.extend(rl.cjkU(t, f, encoding) for t in text)
        else:
            glyphs.append(rl.cjkU(text, f, encoding))
    widths = []
    for i, u in enumerate(glyphs):
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidths[0]
            w = w.normalizedValue(maxWidths[0])
        widths.append(w)
    out = []
    seg = 0
    for i in range(len(glyphs) + 1):
        hard = i < len(glyphs) and hasattr(glyphs[i].frag, "lineBreak")
        if i < len(glyphs) and not hard:
            continue
        chars = [str(u) for u in glyphs[seg:i]]
        spans = [(seg + a, seg + b) for a, b in break_lines(widths[seg:i], chars, list(maxWidths), len(out))]
        if hard:  # the break glyph ends the last line of its run (or makes an empty line)
            spans = spans[:-1] + [(spans[-1][0], i + 1)] if spans else [(i, i + 1)]
        for j, (a, b) in enumerate(spans):
            limit = maxWidths[min(len(out), len(maxWidths) - 1)]
            used = sum(widths[a:b])
            out.append(rl.makeCJKParaLine(glyphs[a:b], limit, used, limit - used, hard and j == len(spans) - 1,
                                          calcBounds))
        seg = i + 1
    return rl.ParaLines(kind=1, lines=out)


def _break_lines_cjk(self, maxWidths):
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    style = self.style
    self.height = 0
    rl._handleBulletWidth(self.bulletText, style, maxWidths)
    if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
        return self.blPara
    if len(self.frags) <= 0:
        return rl.ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                            lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
    auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
    return _split(self.frags, maxWidths, auto not in ("", "off"))


def _join_lines(blPara, start, stop):
    """The frags of lines start..stop as one text again, without the space ReportLab puts at each
    line end (right for Latin words; in Chinese it is a stray gap that also shifts the re-wrap)."""
    return [w for line in blPara.lines[start:stop] for w in line.words]


_rl_split_func = rl.Paragraph._get_split_blParaFunc


def _split_func(self):
    if self.blPara.kind == 1 and getattr(self.style, "wordWrap", None) == "CJK" and not rl._processed_frags(self.frags):
        return _join_lines
    return _rl_split_func(self)


def install() -> None:
    """Every CJK-wrapped paragraph breaks lines here (idempotent)."""
    rl.Paragraph.breakLinesCJK = _break_lines_cjk
    rl.Paragraph._get_split_blParaFunc = _split_func
