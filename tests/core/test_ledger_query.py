"""Ledger ids: every filter kind gives what the ORM gives, straight from the driver."""

from datetime import date

from sqlmodel import select

from sfs_desktop.core import ledger
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head", "所长")


def test_ids_match_the_orm_for_each_filter(station_db):
    def build(s):
        [c] = insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "01"}])
        insert_synced(s, MediationCase, [
            {"committee_id": c, "dispute_type": t, "summary": "…", "status": st, "received_date": rd,
             "case_no": no} for t, st, rd, no in [
                ("01", "mediating", date(2024, 3, 1), "（2024）桃灰人调字第1号"),
                ("02", "accepted", date(2024, 5, 1), "（2024）桃灰人调字第2号"),
                ("02", "draft", None, None), ("03", "agreed", date(2023, 12, 30), "（2023）桃灰人调字第9号")]])
    station_db.write(build)
    queries = [
        ledger.LedgerQuery(),
        ledger.LedgerQuery(equals={"dispute_type": "02"}),
        ledger.LedgerQuery(within={"status": ("accepted", "mediating")}, sort="received_date", descending=True),
        ledger.LedgerQuery(date_field="received_date", date_from=date(2024, 1, 1), date_to=date(2024, 4, 1)),
        ledger.LedgerQuery(text="2023"),
        ledger.LedgerQuery(equals={"received_date": None}),
    ]
    expected_sizes = [4, 2, 2, 1, 1, 1]
    with station_db.read() as s:
        for q, size in zip(queries, expected_sizes):
            got = ledger.ids(s, HEAD, MediationCase, q)
            stmt = select(MediationCase.id).where(MediationCase.deleted == False)  # noqa: E712
            want = set(s.exec(stmt).all()) if not (q.equals or q.within or q.date_field or q.text) else None
            assert len(got) == size, q
            if want is not None:
                assert set(got) == want
        by_date = ledger.ids(s, HEAD, MediationCase, queries[2])
        assert [s.get(MediationCase, i).received_date for i in by_date] == [date(2024, 5, 1), date(2024, 3, 1)]
