"""Nothing sensitive lies on disk in clear: after printing every form of a demo station and
attaching a scan, no file under the data dir (PDF text extracted too) holds an ID number, a phone
or a name of the demo people; clear files of earlier releases are encrypted on open and checked."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess

import pytest
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo, filestore
from sfs_desktop.core.attachments import load_blob
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import casefile
import sfs_desktop.core.mediation.documents  # noqa: F401,E402 - registers the forms and their sources
from sfs_desktop.core.mediation.models import DisputeScreening, FollowUpVisit, MediationCase, MediationRecord
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.printing.service import _SOURCES, print_document
from sfs_desktop.core.station.models import Staff
from tests.conftest import open_dir

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")


def _candidates(s) -> list[str | None]:
    ids: list[str | None] = [None, "2024", "2025"]
    for model in (MediationCase, MediationRecord, FollowUpVisit, DisputeScreening, Staff):
        ids += list(s.exec(select(model.id)).all())[:40]
    return ids


def _print_every_form(db) -> list[str]:
    with db.read() as s:
        refs = _candidates(s)
    printed = []
    for form in sorted(_SOURCES):
        for ref in refs:
            try:
                db.write(lambda s: print_document(s, SYSTEM, form, ref, None, blob_root=db.paths.attachments))
            except UserError:
                continue
            printed.append(form)
            break
    return printed


def _texts(path) -> list[str]:
    raw = path.read_bytes()
    out = [raw.decode("utf-8", "ignore"), raw.decode("utf-16-be", "ignore"), raw.decode("gb18030", "ignore")]
    if b"%PDF" in raw[:1024]:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              text=True, timeout=60).stdout
        out += [text, re.sub(r"\s+", "", text)]
    return out


@needs_pdftotext
def test_no_personal_data_in_any_file_under_the_data_dir(station_paths):
    db = open_dir(station_paths)
    try:
        demo.generate(db, SYSTEM, scale=20, seed=7)
        printed = _print_every_form(db)
        assert len(printed) >= 8, printed
        with db.read() as s:
            people = list(s.exec(select(Person)).all())
            case = s.exec(select(MediationCase.id)).first()
        victim = people[0]
        scan = f"%PDF-1.4 scan of {victim.id_number} {victim.name} {victim.phone}".encode("utf-8")
        db.write(lambda s: casefile.attach(s, SYSTEM, case, "当事人身份证明", scan, ".pdf", blob_root=db.paths.attachments))
        with db.read() as s:
            recorded = filestore.recorded_digests(s)
            assert db.files.problems(recorded) == []  # what `check` runs: each decrypts, its hash matches
            assert len(recorded) >= len(printed) + 1
        assert load_blob(db.paths.attachments, hashlib.sha256(scan).hexdigest()) == scan
    finally:
        db.close()
    secrets = [(p.name, p.id_number, p.phone) for p in people]
    files = [p for p in station_paths.root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sfe" for p in files)
    for path in files:
        for text in _texts(path):
            for name, id_number, phone in secrets:
                for value in (name, id_number, phone):
                    assert not value or value not in text, f"{path.relative_to(station_paths.root)} holds a {value!r}"


def test_clear_files_of_an_earlier_release_are_encrypted_on_open_and_checked(station_paths):
    data = b"%PDF-1.4 agreement of an earlier release"
    digest = hashlib.sha256(data).hexdigest()
    clear = station_paths.attachments / digest[:2] / digest
    clear.parent.mkdir(parents=True)
    clear.write_bytes(data)
    station_paths.exports.mkdir(exist_ok=True)
    (station_paths.exports / "人民调解协议书-1a2b3c4d.pdf").write_bytes(data)  # the old preview copy
    (station_paths.exports / "mine.pdf").write_bytes(b"%PDF-1.4 something the user saved")
    db = open_dir(station_paths)
    try:
        assert not clear.exists()
        assert [p.name for p in station_paths.exports.glob("*.pdf")] == ["mine.pdf"]
        assert load_blob(station_paths.attachments, digest) == data
        sealed = db.files.path(digest)
        assert digest not in sealed.name and data not in sealed.read_bytes()
        blob = bytearray(sealed.read_bytes())
        blob[-1] ^= 1
        sealed.write_bytes(bytes(blob))
        assert "损坏或被改动" in db.files.problems({digest})[0]
        sealed.write_bytes(bytes(blob[:-40]))
        assert db.files.problems({digest})
        sealed.unlink()
        assert "缺失" in db.files.problems({digest})[0]
    finally:
        db.close()


def test_a_file_moved_to_another_name_does_not_open(station_db):
    a = station_db.files.put(b"first document")
    b = station_db.files.put(b"second document")
    shutil.copyfile(station_db.files.path(a), station_db.files.path(b))
    with pytest.raises(UserError, match="损坏或被改动"):
        station_db.files.get(b)


def test_a_second_database_key_reads_nothing(station_db, tmp_path):
    digest = station_db.files.put(b"kept")
    other = filestore.FileStore(station_db.paths.attachments, b"\x01" * 32)
    assert other.path(digest) != station_db.files.path(digest)
    with pytest.raises(UserError):
        other.get(digest)


def test_check_opens_every_recorded_file(station_paths, cli_env, capsys):
    from sfs_desktop.cli import main

    db = open_dir(station_paths)
    try:
        demo.generate(db, SYSTEM, scale=5, seed=3)
        with db.read() as s:
            staff = s.exec(select(Staff.id)).first()
        result = db.write(lambda s: print_document(s, SYSTEM, "certificate.work_card", staff, None,
                                                   blob_root=db.paths.attachments))
        sealed = db.files.path(result.sha256)
    finally:
        db.close()
    assert main(["--data-dir", str(station_paths.root), "check"]) == 0
    blob = bytearray(sealed.read_bytes())
    blob[100] ^= 1
    sealed.write_bytes(bytes(blob))
    capsys.readouterr()
    assert main(["--data-dir", str(station_paths.root), "check"]) == 1
    assert "附件文件已损坏或被改动" in capsys.readouterr().err
