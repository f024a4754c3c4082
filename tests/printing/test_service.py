"""Printing as a recorded act: serial numbers never reused, PDF kept by hash, print log, CLI."""

import pytest
from sqlalchemy import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.cli import main
from sfs_desktop.core import demo
from sfs_desktop.core.attachments import load_blob
from sfs_desktop.core.documents import PrintLog, SerialCounter
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.station.models import Staff
from tests.printing import pdf


@pytest.fixture
def staffed(station_db):
    demo.generate(station_db, SYSTEM, scale=5, seed=3)
    with station_db.read() as s:
        staff = s.exec(select(Staff).order_by(Staff.name)).scalars().all()
    return station_db, staff


def _print(db, ref, out):
    return db.write(lambda s: print_document(s, SYSTEM, "certificate.work_card", ref, out, blob_root=db.paths.attachments))


@pdf.needs_tools
def test_serial_allocated_once_and_kept_on_reprint(staffed, tmp_path):
    db, staff = staffed
    first = _print(db, staff[0].id, tmp_path / "a.pdf")
    assert first.serial.endswith("桃灰工字第1号") and not first.reprint
    again = _print(db, staff[0].id, tmp_path / "b.pdf")
    assert again.serial == first.serial and again.reprint
    other = _print(db, staff[1].name, tmp_path / "c.pdf")
    assert other.serial.endswith("第2号")
    assert staff[0].name in pdf.flat(tmp_path / "a.pdf")
    pdf.assert_sound(tmp_path / "a.pdf")
    with db.read() as s:
        logs = s.exec(select(PrintLog).where(PrintLog.form_id == "certificate.work_card")  # the demo filed others
                      .order_by(PrintLog.printed_at)).scalars().all()
    assert [log.serial_no for log in logs] == [first.serial, first.serial, other.serial]
    assert all(log.printed_by for log in logs)
    assert load_blob(db.paths.attachments, first.sha256) == (tmp_path / "a.pdf").read_bytes()
    kept = [p for p in db.paths.attachments.rglob("*") if p.is_file()]  # encrypted, named by no known hash
    assert kept and all(first.sha256 not in str(p) and b"%PDF" not in p.read_bytes() for p in kept)


def test_failed_print_consumes_no_serial_and_logs_nothing(staffed, tmp_path):
    db, _staff = staffed
    with pytest.raises(UserError, match="找不到工作人员"):
        _print(db, "无此人", tmp_path / "x.pdf")
    with pytest.raises(UserError, match="文件夹"):
        _print(db, _staff[0].id, tmp_path / "missing" / "x.pdf")
    with db.read() as s:
        assert s.exec(select(PrintLog).where(PrintLog.form_id == "certificate.work_card")).first() is None
        assert s.exec(select(SerialCounter).where(SerialCounter.kind == "certificate.work_card")).first() is None
    assert not (tmp_path / "x.pdf").exists()


def test_setup_certificate_cannot_be_reprinted(station_db, tmp_path):
    with pytest.raises(UserError, match="只能在初始化时打印"):
        station_db.write(lambda s: print_document(s, SYSTEM, "certificate.station_setup", None, tmp_path / "s.pdf",
                                                  blob_root=station_db.paths.attachments))


@pdf.needs_tools
def test_cli_init_certificate_list_and_print(tmp_path, capsys, cli_env):
    d = tmp_path / "d"
    code = main(["--data-dir", str(d), "init", "--role", "station", "--station-code", "430922101",
                 "--station-name", "桃江县司法局灰山港司法所", "--township", "灰山港镇", "--admin", "admin",
                 "--certificate", str(tmp_path / "setup.pdf")])
    out = capsys.readouterr().out
    assert code == 0
    recovery = out.split("恢复密钥")[1].splitlines()[1].strip()
    printed = pdf.flat(tmp_path / "setup.pdf")
    assert "站点设置证书" in printed and all(g in printed for g in recovery.split("-"))

    assert main(["--data-dir", str(d), "print", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "certificate.work_card\t工作证" in listing and "人民调解员聘书" in listing

    assert main(["--data-dir", str(d), "print", "certificate.work_card", "nobody", "--out", str(tmp_path / "w.pdf")]) == 2
    assert "找不到工作人员" in capsys.readouterr().err
    assert main(["--data-dir", str(d), "print", "certificate.work_card", "x", "--out", str(tmp_path / "w.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert main(["--data-dir", str(d), "print", "no.such.form", "x", "--out", str(tmp_path / "w.pdf")]) == 2
    assert "print --list" in capsys.readouterr().err


def test_serial_patterns_are_declared_with_the_template():
    """The legality-review number 桃灰司审〔2024〕5号 has its own shape; a typo fails at declaration."""
    from sfs_desktop.core.fields import FieldSpec
    from sfs_desktop.core.printing import Template, Text, spec_map

    review = Template(id="test.review", title="合法性审查意见书", specs=spec_map({"x": FieldSpec("x")}),
                      sections=[Text("{x}")], serial_pattern="{prefix}司审〔{year}〕{n}号")
    assert review.serial(2024, "桃灰", 5) == "桃灰司审〔2024〕5号"
    assert review.blank_serial() == "　　司审〔　　　〕　　　号"
    from sfs_desktop.core.printing import get
    usual = get("certificate.work_card")
    assert usual.serial(2024, "桃灰", 12) == "（2024）桃灰工字第12号"
    with pytest.raises(ValueError, match="serial pattern"):
        Template(id="test.bad", title="x", specs=spec_map({"x": FieldSpec("x")}), sections=[Text("{x}")],
                 serial_pattern="{prefix}司审〔{yaer}〕{n}号")


@pdf.needs_tools
def test_batch_goes_through_the_print_service(staffed, tmp_path):
    from sfs_desktop.core.printing.service import BatchCancelled, print_batch
    from sfs_desktop.core.security.audit import AuditLog

    db, staff = staffed
    ids = [p.id for p in staff]
    seen = []
    batch = db.write(lambda s: print_batch(s, SYSTEM, "certificate.work_card", ids, tmp_path / "all.pdf",
                                           blob_root=db.paths.attachments, progress=lambda d, t: seen.append(d)))
    serials = [d.serial for d in batch.documents]
    assert len(set(serials)) == len(ids) and seen[-1] == len(ids)
    assert pdf.pages(tmp_path / "all.pdf") == len(ids) and serials[-1] in pdf.flat(tmp_path / "all.pdf")
    with db.read() as s:
        logs = s.exec(select(PrintLog).where(PrintLog.form_id == "certificate.work_card")).scalars().all()
        audits = s.exec(select(AuditLog).where(AuditLog.action == "print")).scalars().all()
    assert sorted(log.serial_no for log in logs) == sorted(serials) and all(log.pages == 1 for log in logs)
    assert len(audits) >= len(ids)
    with pytest.raises(BatchCancelled):
        db.write(lambda s: print_batch(s, SYSTEM, "certificate.work_card", ["x"], None,
                                       blob_root=db.paths.attachments, cancel=lambda: True))
