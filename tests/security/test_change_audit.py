"""Creates, edits and deletes reach the audit chain with table, record and field names — never a
value — and so does every statistics export."""

from __future__ import annotations


from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.reports.export import export_table
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal

ID = "11010519491231002X"
CLERK = Principal("clerk", "staff")


def test_create_edit_delete_are_audited_by_name_only(station_db):
    with acting_as("clerk"):
        p = station_db.write(lambda s: registry.register_person(s, CLERK, {"name": "陈审计", "id_number": ID,
                                                                           "phone": "13800005678"}))
        station_db.write(lambda s: registry.update_person(s, CLERK, p.id, {"phone": "13900001234", "occupation": "务农"}))

        def remove(s):
            s.delete(s.get(Person, p.id))
        station_db.write(remove)
    with station_db.read() as s:
        assert audit.verify(s) is None
        rows = [e for e in audit.entries(s) if e.record_id == p.id]
        everything = " ".join(f"{e.table_name} {e.fields}" for e in audit.entries(s))
    assert [(e.action, e.actor, e.table_name) for e in rows] == [
        ("create", "clerk", "person"), ("edit", "clerk", "person"), ("delete", "clerk", "person")]
    assert "id_number" in rows[0].fields.split(",") and "name" in rows[0].fields.split(",")
    assert set(rows[1].fields.split(",")) == {"phone", "occupation"}
    for value in (ID, "13800005678", "13900001234", "陈审计", "务农"):
        assert value not in everything


def test_a_statistics_export_is_audited(station_db, tmp_path):
    station_db.write(lambda s: export_table(s, CLERK, "人民调解统计表（2024）", [("受理", 3)], tmp_path / "t.json"))
    with station_db.read() as s:
        last = audit.entries(s)[-1]
        assert (last.action, last.actor, last.fields) == ("export", "clerk", "人民调解统计表（2024）")
        assert audit.verify(s) is None


def test_demo_data_is_one_audit_entry_by_the_head(station_db):
    from sfs_desktop.core import demo
    from sfs_desktop.core.security.access import Principal as P

    demo.generate(station_db, P("boss", "head"), scale=5, seed=1)
    with station_db.read() as s:
        last = audit.entries(s)[-1]
        assert (last.action, last.actor, last.fields) == ("create", "boss", "demo")
