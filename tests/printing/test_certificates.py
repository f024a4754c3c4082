"""The built-in certificates and the work card, read back with poppler; batch rendering."""

import io
import subprocess
from dataclasses import replace

import pytest
from PIL import Image

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing import PrivacyError, format_serial, get, render
from sfs_desktop.core.printing.render import render_many as render_batch  # the engine part of a batch
from sfs_desktop.core.printing.certificates import STATION_SETUP, key_groups
from tests.printing import pdf
from tests.printing.sample import certificate_contexts

pytestmark = pdf.needs_tools
CERTIFICATES = certificate_contexts()

EXPECTED = {
    "certificate.mediator_appointment": (
        "聘书", "丙某某同志：", "兹聘任您为桃江县示例镇东湾村人民调解委员会人民调解员",
        "聘期自二〇二四年一月一日至二〇二六年十二月三十一日", "桃江县示例镇人民调解委员会", "编号：（2024）桃示聘字第3号",
    ),
    "certificate.legal_understander": (
        "法律明白人证书", "丁某某同志：", "确认您为桃江县示例镇西岭村“法律明白人”", "桃江县司法局",
        "二〇二四年十一月二十八日", "编号：（2024）桃示法明字第15号",
    ),
    "certificate.station_setup": (
        "站点设置证书", "站点名称", "桃江县司法局示例司法所", "站点代码", "430922999", "设置日期", "2024年11月28日",
        "密钥指纹", "SHA256:3F2A9C1B77E0D4A5", "恢复密钥", "7QK4M2XD9HTRC3WPE8NA", "妥善保管须知",
        "设置人（签名）", "所长（签名）", "二〇二四年十一月二十八日",
    ),
    "certificate.work_card": (
        "工作证", "正面", "背面", "姓名：戊某某", "工作单位：桃江县司法局示例司法所", "职务：司法所工作人员",
        "证件编号：桃司工字第007号", "持证须知", "发证机关：桃江县司法局（盖章）", "发证日期：2024年11月28日",
        "有效期至：2029年11月27日", "照片",
    ),
}


@pytest.mark.parametrize("template_id", sorted(CERTIFICATES))
def test_certificate_prints_on_one_sound_page(template_id, tmp_path):
    values, serial = CERTIFICATES[template_id]
    out = tmp_path / f"{template_id}.pdf"
    result = render(template_id, values, out, serial=serial)
    pdf.assert_sound(out)
    assert result.pages == pdf.pages(out) == 1
    text = pdf.flat(out)
    for expected in EXPECTED[template_id]:
        assert expected in text, expected


@pytest.mark.parametrize("template_id", sorted(CERTIFICATES))
def test_certificate_with_missing_values_prints_blanks(template_id, tmp_path):
    values = {"recovery_key": "ABCD-EFGH"} if template_id == "certificate.station_setup" else {}
    out = tmp_path / "blank.pdf"
    assert render(template_id, values, out).pages == 1
    pdf.assert_sound(out)
    text = pdf.flat(out)
    assert "None" not in text
    assert "年月日" in pdf.layout(out)  # the issue date left to write in


def test_station_certificate_refuses_to_print_without_a_key(tmp_path):
    values, _ = CERTIFICATES["certificate.station_setup"]
    with pytest.raises(UserError, match="恢复密钥"):
        render("certificate.station_setup", {**values, "recovery_key": ""}, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_recovery_key_prints_only_because_the_template_declares_it():
    values, _ = CERTIFICATES["certificate.station_setup"]
    with pytest.raises(PrivacyError):
        render(replace(STATION_SETUP, sensitive=frozenset()), values, io.BytesIO())


def test_key_groups():
    assert key_groups("ABCDEFGHIJ") == ["ABCD", "EFGH", "IJ"]
    assert key_groups(" abcd-efgh ijkl ") == ["abcd", "efgh", "ijkl"]
    assert key_groups("") == []


def test_work_card_with_a_photo(tmp_path):
    photo = io.BytesIO()
    Image.new("RGB", (220, 300), (90, 120, 160)).save(photo, "PNG")
    values, serial = CERTIFICATES["certificate.work_card"]
    out = tmp_path / "card.pdf"
    render("certificate.work_card", {**values, "photo": photo.getvalue()}, out, serial=serial)
    pdf.assert_sound(out)
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) == 3  # header, rule, one image
    assert "照片" not in pdf.flat(out).replace("持证须知", "")


def test_batch_into_one_pdf_with_progress(tmp_path):
    template = get("certificate.mediator_appointment")
    base, _ = CERTIFICATES[template.id]
    contexts = [{**base, "name": f"调解员{i:02d}"} for i in range(30)]
    serials = [format_serial(2024, "桃示", "聘", i + 1) for i in range(30)]
    seen = []
    out = tmp_path / "appointments.pdf"
    result = render_batch(template.id, contexts, out, serials=serials, progress=lambda done, total: seen.append((done, total)))
    pdf.assert_sound(out)
    assert result.documents == 30 and result.pages == pdf.pages(out) == 30 and not result.cancelled
    assert result.files[0].path == out
    assert seen[-1] == (30, 30) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert "调解员29同志" in pdf.flat(out) and "（2024）桃示聘字第30号" in pdf.text(out, 30)


def test_batch_into_a_directory_writes_one_file_per_record(tmp_path):
    base, _ = CERTIFICATES["certificate.legal_understander"]
    result = render_batch("certificate.legal_understander", [base] * 3, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"certificate.legal_understander-000{i}.pdf" for i in (1, 2, 3)]
    assert [f.pages for f in result.files] == [1, 1, 1] and result.documents == 3


def test_cancelled_batch_writes_nothing_or_only_whole_files(tmp_path):
    base, _ = CERTIFICATES["certificate.legal_understander"]
    calls = []

    def cancel_after(n):
        def cancel():
            calls.append(1)
            return len(calls) > n
        return cancel

    out = tmp_path / "one.pdf"
    result = render_batch("certificate.legal_understander", [base] * 20, out, cancel=cancel_after(25))
    assert result.cancelled and result.files == () and not out.exists()
    assert list(tmp_path.iterdir()) == []

    calls.clear()
    folder = tmp_path / "each"
    folder.mkdir()
    result = render_batch("certificate.legal_understander", [base] * 5, folder, cancel=cancel_after(2))
    assert result.cancelled and result.documents == 2
    assert sorted(p.name for p in folder.iterdir()) == [f"certificate.legal_understander-000{i}.pdf" for i in (1, 2)]
