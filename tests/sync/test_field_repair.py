"""Stations already in the field: an older program acknowledged ranges whose mediation rows it
never sent (its command line had not loaded those tables). The digests in the acks show where
the county lacks rows, by table, and the repair brings them over without duplicates (issue 12)."""

from __future__ import annotations

from sfs_desktop.core import demo
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import policy, status
from tests.sync.conftest import exchange, until_quiet


def test_rows_an_old_program_never_sent_arrive_and_the_gap_is_shown_by_table(county, station, monkeypatch):
    demo.generate(station.db, SYSTEM, scale=30, seed=5)
    real = policy.may_send
    # The old command line: every mediation table unknown to it, its range claimed all the same.
    monkeypatch.setattr(policy, "may_send", lambda model, *a: not model.__tablename__.startswith("mediation")
                        and real(model, *a))
    exchange(station, county)
    exchange(county, station)
    assert county.sql("SELECT count(*) FROM mediation_case")[0][0] == 0
    monkeypatch.setattr(policy, "may_send", real)  # the program now installed

    # The county's ack reaches the station with the county's per-table digests: the gap shows there,
    # by table, and the station's next bundle is a repair carrying its whole partition.
    with station.db.read() as s:
        [row] = [p for p in status.peers(s) if p.node_id == "county"]
    n_cases = station.sql("SELECT count(*) FROM mediation_case")[0][0]
    assert row.digest_state == "mismatch" and n_cases > 0
    assert row.digest_diff["mediation_case"] == [0, n_cases]
    assert f"调解案件（mediation_case）对方 0 条、本所 {n_cases} 条" in row.digest_label
    [res] = exchange(station, county)
    assert res.counts["inserted"] > n_cases and res.counts["updated"] == 0  # nothing twice

    until_quiet(county, [station])
    for table in ("mediation_case", "mediation_party", "mediator", "person"):
        mine = station.sql(f"SELECT count(*) FROM {table} WHERE owner = :o", o=station.node_id)[0][0]
        theirs = county.sql(f"SELECT count(*) FROM {table} WHERE owner = :o", o=station.node_id)[0][0]
        assert mine == theirs, table
    assert county.digest(station.node_id) == station.digest(station.node_id)
    with county.db.read() as s:
        [row] = [p for p in status.peers(s) if p.node_id == station.node_id]
    assert row.digest_state == "ok" and row.digest_diff == {}
