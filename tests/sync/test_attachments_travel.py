"""A scanned agreement reaches the county with its case (sync-design.md §4.4; issue 13): the file
travels inside its attachment row's encrypted entry, is kept under the receiver's own key, and
`check` at the county is clean; PDFs a station printed stay at the station."""

from __future__ import annotations

from sqlmodel import select

from sfs_desktop.core import demo, filestore
from sfs_desktop.core.attachments import Attachment
from sfs_desktop.core.mediation import casefile
from sfs_desktop.core.mediation.models import MediationCase
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.security.access import SYSTEM
from tests.sync.conftest import until_quiet

SCAN = b"%PDF-1.4 generated test scan " + bytes(range(256)) * 64


def _case_with_scan(station, seed: int) -> tuple[str, Attachment]:
    """A demo station's first case with a scanned agreement attached."""
    demo.generate(station.db, SYSTEM, scale=10, seed=seed)
    with station.db.read() as s:
        case_id = s.exec(select(MediationCase.id)).first()
    row = station.db.write(lambda s: casefile.attach(s, SYSTEM, case_id, "人民调解协议书", SCAN, ".pdf",
                                                     blob_root=station.db.paths.attachments))
    return case_id, row


def test_a_scan_reaches_the_county_with_its_case(county, station):
    case_id, row = _case_with_scan(station, 2)
    station.db.write(lambda s: print_document(s, SYSTEM, "mediation.registration", case_id, None,
                                              blob_root=station.db.paths.attachments))
    until_quiet(county, [station])
    with county.db.read() as s:
        arrived = s.get(Attachment, row.id)
        assert arrived is not None and arrived.record_id == case_id
        assert county.db.files.get(arrived.sha256) == SCAN
        assert county.db.files.problems(filestore.recorded_digests(s)) == []  # the station's PDFs are not owed
    kept = county.db.files.path(arrived.sha256).read_bytes()
    assert SCAN[:40] not in kept and b"generated test scan" not in kept  # encrypted at the county too
    with station.db.read() as s:
        assert station.db.files.problems(filestore.recorded_digests(s)) == []


def test_a_file_too_large_for_a_bundle_is_refused_when_attached(station):
    import pytest
    from sfs_desktop.core.attachments import MAX_BYTES
    from sfs_desktop.core.errors import UserError

    demo.generate(station.db, SYSTEM, scale=10, seed=3)
    with station.db.read() as s:
        case_id = s.exec(select(MediationCase.id)).first()
    with pytest.raises(UserError, match="MiB"):
        station.db.write(lambda s: casefile.attach(s, SYSTEM, case_id, "人民调解协议书", b"x" * (MAX_BYTES + 1),
                                                   ".pdf", blob_root=station.db.paths.attachments))


def test_a_backup_carries_the_kept_files_and_restore_brings_them_back(station, tmp_path):
    import shutil

    from sfs_desktop.core.db.database import restore
    from sfs_desktop.core.security import keys
    from tests.conftest import ADMIN, PASSWORD

    _case_id, row = _case_with_scan(station, 4)
    target = station.db.user_backup(tmp_path / "b.db", SYSTEM)
    assert (tmp_path / "b.db.files").is_dir()
    paths = station.db.paths
    station.db.close()
    shutil.rmtree(paths.attachments)  # the PC's files lost with the database
    restore(paths, keys.KeyFile.load(paths.keyfile).unlock(ADMIN, PASSWORD), target, ADMIN)
    from tests.conftest import open_dir

    station.db = open_dir(paths)
    assert station.db.files.get(row.sha256) == SCAN
    with station.db.read() as s:
        assert station.db.files.problems(filestore.recorded_digests(s)) == []
