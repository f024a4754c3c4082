"""Change capture: every insert/update/delete leaves exactly one outbox entry, whatever the path."""

import pytest
from sqlalchemy import delete, func, select, text, update
from sqlmodel import Session

from sfs_desktop.core.db.synced import LocalNode, RowHistory, SyncOutbox, acting_as, insert_synced
from sfs_desktop.core.people.models import Person


def outbox(db):
    with db.read() as s:
        return list(s.exec(select(SyncOutbox.ctr, SyncOutbox.table_name, SyncOutbox.op).order_by(SyncOutbox.seq)).all())


def counter(db):
    return db.node().counter


def test_insert_update_delete_each_leave_one_entry(station_db):
    start = counter(station_db)
    pid = station_db.write(lambda s: _add(s, Person(name="王甲")))
    assert counter(station_db) == start + 1

    def edit(s):
        s.get(Person, pid).occupation = "务农"
    station_db.write(edit)

    def remove(s):
        s.delete(s.get(Person, pid))
    station_db.write(remove)

    rows = [r for r in outbox(station_db) if r[1] == "person"]
    assert [(t, op) for _c, t, op in rows] == [("person", "insert"), ("person", "update"), ("person", "delete")]
    assert [c for c, _t, _op in rows] == [start + 1, start + 2, start + 3]
    assert counter(station_db) == start + 3
    with station_db.read() as s:
        p = s.get(Person, pid)
        assert p.deleted is True, "a deleted synced row stays as a tombstone"
        assert p.vv == {"430922101.1": start + 3} and p.ver_ctr == start + 3
        history = s.exec(select(RowHistory).where(RowHistory.row_id == pid).order_by(RowHistory.seq)).scalars().all()
        assert [h.payload["occupation"] for h in history] == [None, "务农"]
        assert [h.payload["name"] for h in history] == ["王甲", "王甲"]  # the fields not changed, as they were
        assert history[1].payload["deleted"] is False and history[1].payload["ver_ctr"] == start + 2
        assert history[0].vv == {"430922101.1": start + 1}


def _add(s, obj):
    s.add(obj)
    s.flush()
    return obj.id


def test_direct_session_without_writer_is_captured_too(station_db):
    before = len(outbox(station_db))
    with Session(station_db.engine) as s:
        s.add(Person(name="李乙"))
        s.commit()
    assert len(outbox(station_db)) == before + 1


def test_rolled_back_transaction_leaves_nothing(station_db):
    before_rows, before_ctr = len(outbox(station_db)), counter(station_db)

    def fails(s):
        s.add(Person(name="张丙"))
        s.flush()
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError):
        station_db.write(fails)
    assert len(outbox(station_db)) == before_rows
    assert counter(station_db) == before_ctr
    with station_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.name == "张丙")) == 0


def test_unchanged_object_is_not_stamped(station_db):
    pid = station_db.write(lambda s: _add(s, Person(name="赵丁")))
    before = counter(station_db)

    def touch(s):
        p = s.get(Person, pid)
        p.name = p.name  # same value: no change
    station_db.write(touch)
    assert counter(station_db) == before


def test_bulk_dml_on_synced_table_is_refused(station_db):
    with pytest.raises(RuntimeError, match="bypasses change capture"):
        station_db.write(lambda s: s.execute(update(Person).values(occupation="x")))
    with pytest.raises(RuntimeError, match="bypasses change capture"):
        station_db.write(lambda s: s.execute(delete(Person)))


def test_bulk_insert_path_stamps_like_the_orm(station_db):
    orm_id = station_db.write(lambda s: _add(s, Person(name="对照")))
    start = counter(station_db)
    with acting_as("clerk"):
        ids = station_db.write(lambda s: insert_synced(s, Person, [{"name": f"人员{i}"} for i in range(50)]))
    assert counter(station_db) == start + 50
    rows = outbox(station_db)[-50:]
    assert [c for c, _t, _o in rows] == list(range(start + 1, start + 51))
    with station_db.read() as s:
        p = s.get(Person, ids[-1])
        assert p.origin == p.owner == "430922101"
        raw = s.execute(text("SELECT created_at, vv, deleted FROM person WHERE id IN (:a, :b) ORDER BY id = :a"),
                        {"a": ids[0], "b": orm_id}).all()
        # the bulk path stores values exactly as the ORM does (same shapes byte for byte)
        assert [type(v) for v in raw[0]] == [type(v) for v in raw[1]]
        assert len(raw[0][0]) == len(raw[1][0]) and raw[0][2] == raw[1][2] == 0
        assert p.vv == {"430922101.1": start + 50} and p.created_by == "clerk"


def test_actor_is_recorded_through_the_writer_thread(station_db):
    with acting_as("zhangsan"):
        pid = station_db.write(lambda s: _add(s, Person(name="钱戊")))
    with station_db.read() as s:
        assert s.get(Person, pid).created_by == "zhangsan"


def test_county_owned_tables_are_owned_by_the_county(station_db):
    from sfs_desktop.core.codes import CodeTable

    cid = station_db.write(lambda s: _add(s, CodeTable(kind="gender", code="9", name="未说明")))
    with station_db.read() as s:
        row = s.get(CodeTable, cid)
        assert row.owner == "county" and row.origin == "430922101"


def test_baseline_rows_carry_no_change(station_db):
    from sfs_desktop.core.codes import CodeTable, baseline_id

    with station_db.read() as s:
        row = s.get(CodeTable, baseline_id("code", "gender", "1"))
        assert row.name == "男" and row.vv == {}
        assert s.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == "code_table")) == 0
        assert s.get(LocalNode, 1).counter >= 1  # the station row itself
