"""A PC with no Chinese font installed still prints Chinese, with the font embedded in the PDF.

The station PCs are often fresh Windows installs; the program ships AR PL UMing and must not
depend on the PC. `SFS_SYSTEM_FONT_DIRS=""` hides every system font path (fc-list, Windows'
font folders, the known paths), so the program sees a PC without CJK fonts. The same check runs
against the frozen build in `packaging/build.py --smoke` (tests/test_packaging.py).
"""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from sfs_desktop.core.printing import fonts
from sfs_desktop.core.station.models import Staff
from sfs_desktop.paths import DataPaths
from tests import program
from tests.conftest import open_dir
from tests.printing import pdf


def test_hidden_font_dirs_leave_no_system_font(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, "")
    assert fonts.system_font_files() == []
    (tmp_path / "simsun.ttc").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(tmp_path))
    assert fonts.system_font_files() == [tmp_path / "simsun.ttc"]  # only the folders named


def test_hidden_system_fonts_fall_back_to_the_shipped_font_for_every_role(monkeypatch):
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, "")
    for policy in (fonts.SHIPPED, fonts.SYSTEM):
        chosen = fonts.build_font_set(policy, fonts.shipped_font_file(), fonts.system_font_files())
        assert {f.shipped for f in chosen.faces.values()} == {True}, policy


@pytest.mark.skipif(not program.PROGRAM.exists(), reason="needs the installed sfs-desktop (pip install -e .)")
@pdf.needs_tools
def test_program_prints_chinese_with_embedded_font_on_a_pc_without_cjk_fonts(tmp_path):
    station = tmp_path / "station"
    program.ok(station, "init", "--role", "station", "--station-code", "430922101",
               "--station-name", "桃江县司法局灰山港司法所", "--admin", program.ADMIN)
    program.ok(station, "demo", "--scale", 5)
    with open_dir(DataPaths.resolve(station), program.ADMIN, program.PASSWORD) as db, db.read() as s:
        name = s.exec(select(Staff.name)).first()
    out = tmp_path / "card.pdf"
    said = program.ok(station, "print", "certificate.work_card", name, "--out", out,
                      SFS_SYSTEM_FONT_DIRS="")
    assert "已生成" in said
    pdf.assert_sound(out)  # every font an embedded TrueType subset
    names = [row["name"] for row in pdf.fonts(out)]
    assert any(re.search(r"^[A-Z]{6}\+", n) for n in names), names  # a subset, as ReportLab embeds
    assert any("UMing" in n for n in names), names  # the shipped font, nothing from the PC
    text = pdf.flat(out)
    assert "工作证" in text and name in text and "灰山港司法所" in text
