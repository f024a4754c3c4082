import glob
import struct
from pathlib import Path

import pytest

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing import fonts, sfnt
from sfs_desktop.core.printing.fonts import SHIPPED, SYSTEM, build_font_set, shipped_font_file

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
RARE = "刏"  # U+520F: in GBK, missing from AR PL UMing, present in WenQuanYi Micro Hei
NOWHERE = "\U000F0000"  # plane-15 private use: no font has it


def _face(version: bytes, tags: list[bytes]) -> bytes:
    """An sfnt header and table directory (the tables themselves are not needed)."""
    head = version + struct.pack(">HHHH", len(tags), 0, 0, 0)
    return head + b"".join(tag + struct.pack(">III", 0, 0, 0) for tag in tags)


def _ttc(faces: list[bytes]) -> bytes:
    header_len = 12 + 4 * len(faces)
    offsets, body = [], b""
    for face in faces:
        offsets.append(header_len + len(body))
        body += face
    return b"ttcf" + struct.pack(">HHI", 1, 0, len(faces)) + struct.pack(f">{len(faces)}I", *offsets) + body


TRUETYPE_FACE = _face(b"\x00\x01\x00\x00", [b"cmap", b"glyf", b"head", b"loca"])
CFF_FACE = _face(b"OTTO", [b"CFF ", b"cmap", b"head"])


def test_sfnt_tells_truetype_from_cff(tmp_path):
    ttf, otf, ttc, junk = (tmp_path / n for n in ("a.ttf", "b.otf", "c.ttc", "d.ttf"))
    ttf.write_bytes(TRUETYPE_FACE)
    otf.write_bytes(CFF_FACE)
    ttc.write_bytes(_ttc([CFF_FACE, TRUETYPE_FACE]))
    junk.write_bytes(b"not a font at all")
    assert sfnt.outline_format(ttf) == sfnt.TRUETYPE
    assert sfnt.outline_format(otf) == sfnt.CFF
    assert sfnt.face_count(ttc) == 2
    assert sfnt.outline_format(ttc, 0) == sfnt.CFF
    assert sfnt.outline_format(ttc, 1) == sfnt.TRUETYPE
    assert sfnt.outline_format(ttc, 2) == sfnt.UNKNOWN
    assert sfnt.outline_format(ttf, 1) == sfnt.UNKNOWN
    assert sfnt.outline_format(junk) == sfnt.UNKNOWN
    assert sfnt.outline_format(tmp_path / "missing.ttf") == sfnt.UNKNOWN


def test_shipped_font_is_truetype_with_its_licence():
    path = shipped_font_file()
    assert path is not None
    assert sfnt.face_count(path) == 4
    assert sfnt.outline_format(path, 0) == sfnt.TRUETYPE
    assert (path.parent / "ARPHICPL.TXT").is_file()


@pytest.mark.skipif(not glob.glob("/usr/share/fonts/**/Noto*CJK*", recursive=True), reason="no Noto CJK font installed")
def test_real_noto_cjk_is_recognised_as_cff():
    path = Path(sorted(glob.glob("/usr/share/fonts/**/Noto*CJK*", recursive=True))[0])
    assert sfnt.outline_format(path) == sfnt.CFF


def test_no_usable_font_is_a_clear_chinese_error(tmp_path):
    cff_only = tmp_path / "NotoSansCJK-Regular.otf"
    cff_only.write_bytes(CFF_FACE)
    for policy in (SHIPPED, SYSTEM):
        with pytest.raises(UserError) as err:
            build_font_set(policy, None, [cff_only])
        assert "找不到可用于打印的中文字体" in str(err.value)
        assert "TrueType" in str(err.value)


def test_cff_system_font_is_skipped_for_a_truetype_one(tmp_path):
    cff = tmp_path / "NotoSerifCJK-Regular.ttc"
    cff.write_bytes(_ttc([CFF_FACE]))
    fs = build_font_set(SYSTEM, None, [cff, shipped_font_file()])
    assert {f.path for f in fs.faces.values()} == {shipped_font_file()}


def test_shipped_policy_prints_every_role_in_the_shipped_font():
    fs = build_font_set(SHIPPED, shipped_font_file(), [UMING, WQY])
    assert {role: f.shipped for role, f in fs.faces.items()} == dict.fromkeys(fonts.ROLES, True)
    assert fs.song == fs.hei == fs.kai == fs.fangsong


def test_system_policy_takes_fonts_by_style(tmp_path):
    if not (UMING.is_file() and WQY.is_file()):
        pytest.skip("needs fonts-arphic-uming and fonts-wqy-microhei")
    fs = build_font_set(SYSTEM, shipped_font_file(), [WQY, UMING])
    assert fs.faces["song"].path == UMING
    assert fs.faces["hei"].path == WQY
    assert fs.faces["kai"].path == UMING  # no Kai font here: Song stands in


def test_windows_official_files_win_their_role(tmp_path):
    simhei = tmp_path / "simhei.ttf"
    simhei.write_bytes(shipped_font_file().read_bytes())  # a TrueType file under the official name
    fs = build_font_set(SYSTEM, None, [shipped_font_file(), simhei])
    assert fs.faces["hei"].path == simhei
    assert fs.faces["song"].path == shipped_font_file()  # "uming": a Ming (Song) face by its name


def test_a_missing_character_is_borrowed_from_another_font():
    if not WQY.is_file():
        pytest.skip("needs fonts-wqy-microhei")
    fs = build_font_set(SHIPPED, shipped_font_file(), [WQY])
    runs = fs.runs(f"甲{RARE}乙", fs.song)
    assert [piece for _, piece in runs] == ["甲", RARE, "乙"]
    assert runs[1][0] != fs.song
    assert f'<font face="{runs[1][0]}">{RARE}</font>' in fs.markup(f"甲{RARE}乙", fs.song)


def test_a_character_no_font_has_is_refused_by_name():
    fs = build_font_set(SHIPPED, shipped_font_file(), [])
    with pytest.raises(UserError) as err:
        fs.runs(f"甲{RARE}", fs.song)
    assert RARE in str(err.value) and "U+520F" in str(err.value)
    fs = build_font_set(SHIPPED, shipped_font_file(), [WQY] if WQY.is_file() else [])
    with pytest.raises(UserError, match=r"U\+F0000"):
        fs.markup(NOWHERE, fs.song)


def test_markup_escapes_and_keeps_ideographic_spaces():
    fs = build_font_set(SHIPPED, shipped_font_file(), [])
    assert fs.markup("甲<乙>&丙\n丁　戊", fs.song) == "甲&lt;乙&gt;&amp;丙<br/>丁\xa0\xa0戊"


def test_policy_from_environment(monkeypatch):
    monkeypatch.setenv(fonts.POLICY_ENV, "System")
    assert fonts.policy_from_env() == SYSTEM
    monkeypatch.delenv(fonts.POLICY_ENV)
    assert fonts.policy_from_env() == SHIPPED
    monkeypatch.setenv(fonts.POLICY_ENV, "windows")
    with pytest.raises(UserError, match=fonts.POLICY_ENV):
        fonts.policy_from_env()
