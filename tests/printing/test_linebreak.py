"""Line breaking of Chinese text: bracketed units and numbers whole, no character alone (pdftotext)."""

from reportlab.platypus import Paragraph

from sfs_desktop.core.printing import Cell, Grid, Template, Text, render, spec_map
from sfs_desktop.core.fields import FieldSpec
from sfs_desktop.core.printing.fonts import font_set
from sfs_desktop.core.printing.styles import styles_for
from tests.printing import pdf


def lines(text, width):
    fonts = font_set()
    p = Paragraph(fonts.markup(text, fonts.song), styles_for(fonts).cell)
    p.wrap(width, 1000)
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


def test_units_stay_whole_and_no_character_is_left_alone():
    assert lines("涉及金额（元）", 56) == ["涉及金额", "（元）"]
    assert lines("纠纷简要情况", 56) == ["纠纷简要", "情况"]
    assert lines("受理日期2026-01-05", 90) == ["受理日期", "2026-01-05"]
    assert lines("调解员郭凤艳", 56)[-1] == "凤艳"
    assert lines("桃江县司法局灰山港司法所", 120)[-1] == "法所"
    # closing punctuation never starts a line; a long text still fills its lines
    text = "双方因宅旁排水沟堵塞发生争执，经调解员多次调解，双方自愿达成协议。" * 3
    got = lines(text, 200)
    assert "".join(got) == text and all(not line.startswith(("，", "。")) for line in got)
    assert all(len(line) >= 2 for line in got)
    # a unit wider than the line still breaks (by characters) rather than overflowing
    assert "".join(lines("1" * 40, 56)) == "1" * 40 and len(lines("1" * 40, 56)) > 1


LABELS = {"amount": FieldSpec("涉及金额（元）"), "summary": FieldSpec("纠纷简要情况"), "unit": FieldSpec("承办单位"),
          "day": FieldSpec("受理日期"), "name": FieldSpec("调解员")}
FORM = Template(id="test.linebreak", title="断行测试", specs=spec_map(LABELS), sections=[
    Grid([["amount", "summary"], ["unit", "day"], [Cell("name", span=2)]], pairs=2),
    Text("经调解，由灰山港镇人民调解委员会主持，双方于2026-01-05达成协议，调解员郭凤艳，承办单位桃江县司法局灰山港司法所"),
])


@pdf.needs_tools
def test_a_rendered_form_reads_back_without_split_units(tmp_path):
    out = tmp_path / "f.pdf"
    render(FORM, {"amount": "800", "summary": "邻里因排水沟堵塞发生纠纷", "unit": "桃江县司法局灰山港司法所",
                  "day": "2026-01-05", "name": "郭凤艳"}, out)
    text = pdf.text(out)
    for whole in ("涉及金额", "（元）", "2026-01-05", "郭凤艳", "灰山港司法所"):
        assert whole in text.replace(" ", ""), whole
    assert "纠纷简要" in text and "\n况\n" not in text
    for line in text.splitlines():
        if line.startswith("第 "):  # the page number
            continue
        words = line.split()
        assert all(len(w) > 1 or not "\u4e00" <= w <= "\u9fff" for w in words), line


def test_a_number_too_long_for_its_line_breaks_after_a_joiner():
    for width in (30, 40, 50):
        got = lines("2026-01-05", width)
        assert "".join(got) == "2026-01-05" and len(got) > 1 and all(line.endswith("-") for line in got[:-1]), got


def test_no_line_in_the_middle_holds_one_character():
    got = lines("全镇各村（社区）", 38)
    assert "".join(got) == "全镇各村（社区）" and all(len(line) > 1 for line in got), got
