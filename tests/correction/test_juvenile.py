"""The juvenile lock (C33, issue 16): a juvenile subject and every row of theirs are read only with
"juvenile.read" — in ledgers and their exports, search, report details, due items and one record
at a time — while statistics totals still count them, and every access is audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from sfs_desktop.core import deadlines, ledger, search
from sfs_desktop.core.correction import stats, work
from sfs_desktop.core.correction.models import CcLeave, CcSupervision, CcViolation, CorrectionSubject
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.reports import tables
from sfs_desktop.core.reports.export import export_sheet
from sfs_desktop.core.security.access import Principal, check_record, check_row, hidden_ids
from sfs_desktop.core.security.audit import AuditLog

HEAD = Principal("admin", "head", "所长")
STAFF = Principal("clerk", "staff", "工作人员")
DESIGNATED = Principal("minors", "staff", "未成年人矫正专管员", grants=frozenset({"juvenile.read"}))
INSPECTOR = Principal("i1", "inspector", "检查")
TODAY = date(2024, 6, 3)
DUE_DAY = date(2024, 3, 20)  # the awaiting subjects' report-in is overdue


def _register(s, name: str, birth: date, *, offence: date, reported: date | None = None) -> str:
    [pid] = insert_synced(s, Person, [{"name": name, "gender": "1", "birth_date": birth}])
    row = work.register_subject(s, HEAD, {
        "person_id": pid, "correction_type": "02", "original_penalty": "03", "original_months": 12,
        "effective_date": date(2024, 3, 4), "term_start": date(2024, 3, 4), "term_end": date(2025, 3, 3),
        "offence_date": offence, "level": "2"}, today=TODAY)
    if reported:
        work.report_in(s, HEAD, row.id, reported, today=TODAY)
    return row.id


@pytest.fixture
def caseload(station_db):
    """An adult and two juveniles (one under supervision with a leave, a late report-in violation
    and a report; one still to report in). The supervised one was 17 at the offence and is 19 now."""
    def build(s):
        adult = _register(s, "令狐冲", date(1990, 5, 1), offence=date(2023, 6, 1), reported=date(2024, 3, 10))
        young = _register(s, "韦小宝", date(2005, 1, 10), offence=date(2022, 12, 1), reported=date(2024, 3, 20))
        waiting = _register(s, "石破天", date(2007, 2, 2), offence=date(2023, 11, 1))
        for sid in (adult, young):
            work.record_supervision(s, HEAD, sid, {"kind": "report", "day": date(2024, 4, 1), "mode": "到所"},
                                    today=TODAY)
            work.file_leave(s, HEAD, sid, {"reason": "探亲", "destination": "湖南省长沙市", "start": date(2024, 6, 10),
                                           "end": date(2024, 6, 12), "applied_on": date(2024, 6, 1)})
        return adult, young, waiting
    adult, young, waiting = station_db.write(build)
    return {"db": station_db, "adult": adult, "young": young, "waiting": waiting}


def _child(s, model, subject_id):
    return s.exec(select(model).where(model.subject_id == subject_id)).first()


def _juvenile_reads(db, actor: str) -> list[AuditLog]:
    with db.read() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.action == "view_juvenile", AuditLog.actor == actor)).all())


def test_the_permission_is_the_heads_and_a_designated_staffs_never_a_mediators_or_inspectors():
    assert HEAD.can("juvenile.read") and DESIGNATED.can("juvenile.read")
    assert not STAFF.can("juvenile.read")
    for role in ("mediator", "inspector"):  # a grant to a role that may not hold it counts for nothing
        assert not Principal("x", role, grants=frozenset({"juvenile.read"})).can("juvenile.read")
    assert not Principal("x", "staff", grants=frozenset({"user.admin"})).can("user.admin")  # only GRANTABLE ones


def test_the_flag_follows_the_offence_and_stays_after_18(caseload):
    with caseload["db"].read() as s:
        assert s.get(CorrectionSubject, caseload["young"]).juvenile  # 17 at the offence, 19 today
        assert s.get(CorrectionSubject, caseload["waiting"]).juvenile
        assert not s.get(CorrectionSubject, caseload["adult"]).juvenile


def test_ledgers_and_child_ledgers_leave_juveniles_out_without_the_permission(caseload):
    adult, young, waiting = caseload["adult"], caseload["young"], caseload["waiting"]
    with caseload["db"].read() as s:
        assert set(ledger.ids(s, STAFF, CorrectionSubject)) == {adult}
        for who in (HEAD, DESIGNATED):
            assert set(ledger.ids(s, who, CorrectionSubject)) == {adult, young, waiting}
        for model in (CcLeave, CcSupervision, CcViolation):  # a juvenile's rows are juvenile too
            theirs = {r.id for r in s.exec(select(model).where(model.subject_id == young))}
            assert theirs, model
            assert not theirs & set(ledger.ids(s, STAFF, model)), model
            assert theirs <= set(ledger.ids(s, HEAD, model)), model
        assert ledger.ids(s, STAFF, CcLeave, ledger.LedgerQuery(text="探亲")) == [_child(s, CcLeave, adult).id]


def test_one_record_is_refused_with_its_child_rows_and_nothing_is_written(caseload):
    db, young = caseload["db"], caseload["young"]
    with db.read() as s:
        with pytest.raises(PermissionDenied, match="未成年"):
            work.subject(s, STAFF, young)
        leave = _child(s, CcLeave, young)
        for model in (CcLeave, CcSupervision, CcViolation):
            row = _child(s, model, young)
            with pytest.raises(PermissionDenied, match="未成年"):
                check_row(STAFF, model, row)
            with pytest.raises(PermissionDenied, match="未成年"):
                check_record(s, STAFF, model.__tablename__, row.id)
        with pytest.raises(PermissionDenied, match="未成年"):
            work.required_approver(s, STAFF, leave.id)
        assert work.subject(s, DESIGNATED, young).name == "韦小宝"
        before = len(s.exec(select(CcSupervision.id)).all())
    with pytest.raises(PermissionDenied, match="未成年"):
        db.write(lambda s: work.record_supervision(s, STAFF, young, {"kind": "report", "day": date(2024, 5, 2)},
                                                   today=TODAY))
    with pytest.raises(PermissionDenied, match="未成年"):
        db.write(lambda s: work.decide_leave(s, STAFF, leave.id, True, date(2024, 6, 2)))
    with db.read() as s:
        assert len(s.exec(select(CcSupervision.id)).all()) == before
        assert s.get(CcLeave, leave.id).decision == leave.decision
    assert not _juvenile_reads(db, STAFF.username)


def test_search_finds_no_juvenile_subject_without_the_permission(caseload):
    db = caseload["db"]
    with db.read() as s:
        def subjects(who, q):
            return [h.row_id for hits in search.search(s, who, q).values() for h in hits if h.table == "correction_subject"]
        for q in ("韦小宝", "韦小", "wxb"):  # trigram, LIKE and pinyin initials
            assert subjects(STAFF, q) == [], q
            assert subjects(HEAD, q) == [caseload["young"]], q
        assert subjects(STAFF, "令狐冲") == [caseload["adult"]]
    assert {e.record_id for e in _juvenile_reads(db, HEAD.username)} == {caseload["young"]}  # the hits were audited


def test_a_ledger_export_leaves_them_out_and_the_heads_export_is_audited(caseload, tmp_path):
    db = caseload["db"]

    def names(who, out):
        db.write(lambda s: ledger.export(s, who, CorrectionSubject, out))
        return sorted(r["姓名"] for r in json.loads(out.read_text(encoding="utf-8"))["rows"])
    assert names(STAFF, tmp_path / "staff.json") == ["令狐冲"]
    assert names(HEAD, tmp_path / "head.json") == ["令狐冲", "石破天", "韦小宝"]
    exported = [e for e in _juvenile_reads(db, HEAD.username) if e.fields == "export"]
    assert {e.record_id for e in exported} == {caseload["young"], caseload["waiting"]}
    assert all(e.table_name == "correction_subject" for e in exported)


def test_report_totals_count_them_but_the_detail_lists_only_what_the_reader_may_read(caseload, tmp_path):
    db, report = caseload["db"], stats.REPORT
    with db.read() as s:
        head, staff = (tables.compute(report, s, who, "2024") for who in (HEAD, STAFF))
        # the waiting one is not received yet: on the register are the adult and the 19-year-old juvenile
        assert head.values == staff.values and head["on_register"] == 2 and head["juvenile"] == 1
        assert tables.compute(report, s, INSPECTOR, "2024")["on_register"] == 2

        def listed(who):
            return {d.meta["detail"]: sorted(r["姓名"] for r in d.json()["rows"])
                    for d in tables.detail_sheets(report, s, who, "2024")}
        assert listed(STAFF) == {"register": ["令狐冲"], "received": ["令狐冲"]}
        assert listed(DESIGNATED) == {"register": ["令狐冲", "韦小宝"], "received": ["令狐冲", "韦小宝"]}
        assert listed(INSPECTOR) == {}  # figures only: no criminal-record list for an 只读 account
    out = tmp_path / "r.xlsx"
    db.write(lambda s: export_sheet(s, STAFF, tables.report_sheet(report, s, STAFF, "2024"), out))

    wb = load_workbook(out)
    assert wb.sheetnames == ["统计表", "指标说明", "期末在册对象名单（2024）", "新接收对象名单（2024）"]
    cells = {c.value for row in wb["期末在册对象名单（2024）"].iter_rows() for c in row}
    assert "令狐冲" in cells and "韦小宝" not in cells


def test_due_items_of_a_juvenile_only_with_the_permission(caseload):
    db, waiting = caseload["db"], caseload["waiting"]
    with db.read() as s:
        def refs(who):
            return {i.record_id for i in deadlines.collect(s, DUE_DAY, who=who) if i.duty == "社区矫正"}
        assert waiting in refs(HEAD) and waiting in refs(DESIGNATED)
        assert waiting not in refs(STAFF)
        assert refs(STAFF) == refs(HEAD) - {caseload["young"], waiting}
        assert hidden_ids(s, STAFF, "cc_leave", [_child(s, CcLeave, caseload["young"]).id,
                                                 _child(s, CcLeave, caseload["adult"]).id]) == \
            {_child(s, CcLeave, caseload["young"]).id}


def test_each_access_by_a_permitted_account_is_audited_even_from_a_read_session(caseload):
    db, young = caseload["db"], caseload["young"]
    with db.read() as s:
        leave = _child(s, CcLeave, young).id
        work.subject(s, DESIGNATED, young)
        check_record(s, DESIGNATED, "cc_leave", leave)
        work.subject(s, DESIGNATED, caseload["adult"])  # an adult's file: an S3 view, not a juvenile access
    seen = _juvenile_reads(db, DESIGNATED.username)
    assert {(e.table_name, e.record_id) for e in seen} == {("correction_subject", young), ("cc_leave", leave)}
    with db.read() as s:
        s3 = s.exec(select(AuditLog.record_id).where(AuditLog.action == "view_s3", AuditLog.actor == "minors")).all()
    assert set(s3) == {young, caseload["adult"]}
