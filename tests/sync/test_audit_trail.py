"""Exports and imports are audited, and every bundle carries the sender's audit chain head."""

from sfs_desktop.core.security import audit
from sfs_desktop.core.sync import importer
from tests.sync.conftest import add_people


def test_bundle_carries_chain_head_and_both_sides_audit(county, station):
    add_people(station, 5)
    with station.db.read() as s:
        head_before = audit.head(s)
    [path] = station.export()
    assert importer.verify(county.db, path).header["audit_head"] == head_before
    assert importer.import_one(county.db, path).status == "imported"
    with station.db.read() as s:
        assert [e.action for e in audit.entries(s)][-1] == "export"
        assert audit.verify(s) is None
    with county.db.read() as s:
        last = audit.entries(s)[-1]
        assert (last.action, last.table_name, last.fields) == ("import", "sync_bundle", station.node_id)
