"""Who may do what, checked in core: one table of operation × role → allowed or refused.

The same table is in the README's security section. "mediator (own)" acts on a case of their own
committee, "mediator (other)" on another committee's case. A refusal is a PermissionDenied in
Chinese, raised before anything changes.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

import sfs_desktop.core.mediation.documents  # noqa: F401 - registers the forms and their sources
from sfs_desktop.core import deadlines, demo
from sfs_desktop.core.correction.models import CorrectionSubject
from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.mediation import casefile
from sfs_desktop.core.mediation.models import MediationAgreement, MediationCase
from sfs_desktop.core.people import organizations, registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.resettlement.models import RpTeamMember
from sfs_desktop.core.reports.export import export_table
from sfs_desktop.core.security import admin, keys
from sfs_desktop.core.security.access import SYSTEM, Principal, check_record
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.station.models import Staff
from tests.conftest import ADMIN, PASSWORD, init_dir, open_dir

Y, N = True, False
ROLES = ("head", "staff", "staff (juvenile)", "mediator (own)", "mediator (other)", "inspector")
""""staff (juvenile)": a 工作人员 the 所长 granted "juvenile.read" (C33: the designated officer)."""

# operation: allowed for                          head staff juv  own  other inspector
TABLE = {
    "register a person":                          (Y, Y, Y, Y, Y, N),
    "change a person":                            (Y, Y, Y, Y, Y, N),
    "register or change a unit":                  (Y, Y, Y, Y, Y, N),
    "print a case's agreement":                   (Y, Y, Y, Y, N, N),
    "print a numbered work card":                 (Y, Y, Y, N, N, N),
    "attach a scan to a case":                    (Y, Y, Y, Y, N, N),
    "fill in demo data":                          (Y, N, N, N, N, N),
    "export a statistics table":                  (Y, Y, Y, N, N, N),
    "add an account":                             (Y, N, N, N, N, N),
    "read an adult correction subject":           (Y, Y, Y, N, N, N),
    "read a juvenile subject or its rows":        (Y, N, Y, N, N, N),
    "see a juvenile subject in the ledger":       (Y, N, Y, N, N, N),
    "see a juvenile subject in search":           (Y, N, Y, N, N, N),
    "see a juvenile subject in a report's list":  (Y, N, Y, N, N, N),
    "see a juvenile subject's due items":         (Y, N, Y, N, N, N),
    "export a ledger with a juvenile subject":    (Y, N, Y, N, N, N),
    "grant the juvenile permission":              (Y, N, N, N, N, N),
    "read a legality review":                     (Y, Y, Y, N, N, Y),
    "list legality reviews in the ledger":        (Y, Y, Y, N, N, Y),
    "register a legality review":                 (Y, Y, Y, N, N, N),
    "print a legality opinion":                   (Y, Y, Y, N, N, N),
    "read a released person":                     (Y, Y, Y, N, N, N),
    "list released persons in the ledger":        (Y, Y, Y, N, N, N),
    "register a release notice":                  (Y, Y, Y, N, N, N),
    "receive a released person":                  (Y, Y, Y, N, N, N),
    "record a visit or talk":                     (Y, Y, Y, N, N, N),
    "add a help measure":                         (Y, Y, Y, N, N, N),
    "change a resettlement category":             (Y, Y, Y, N, N, N),
    "add a help team member":                     (Y, Y, Y, N, N, N),
    "sign a help agreement":                      (Y, Y, Y, N, N, N),
    "report lost contact and found":              (Y, Y, Y, N, N, N),
    "record a re-offence":                        (Y, Y, Y, N, N, N),
    "end the assistance":                         (Y, Y, Y, N, N, N),
    "record steps for an unfound listed person":  (Y, Y, Y, N, N, N),
    "report the unmatched listed persons":        (Y, Y, Y, N, N, N),
}
RESETTLEMENT = list(TABLE)[list(TABLE).index("read a released person"):]
COUNTY = {op: op in ("read a released person", "list released persons in the ledger") for op in RESETTLEMENT}
"""安置帮教 at the county (所长 or 工作人员 of the 县司法局): its office reads the stations' records and
hands notices and lists over (`assign`); every step of the station's own work is refused in core."""

_names = itertools.count()


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    paths, _ = init_dir(tmp_path_factory.mktemp("roles") / "station")
    db = open_dir(paths)
    demo.generate(db, SYSTEM, scale=30, seed=11)
    with db.read() as s:
        agreed = s.exec(select(MediationCase).join(MediationAgreement, MediationAgreement.case_id == MediationCase.id)
                        .where(MediationCase.status.in_(["agreed", "follow_up", "archived"]),
                               MediationAgreement.form == "1")).all()  # a written agreement: the 协议书
        by_committee = {}
        for case in agreed:
            by_committee.setdefault(case.committee_id, case.id)
        (own_committee, own_case), (_other_committee, other_case) = list(by_committee.items())[:2]
        person = s.exec(select(Person.id)).first()
        staff = s.exec(select(Staff.id)).first()
        received = s.exec(select(CorrectionSubject.id).where(CorrectionSubject.received_on != None)  # noqa: E711
                          .order_by(CorrectionSubject.id)).all()
        due = {i.record_id for i in deadlines.collect(s, date.today(), horizon_days=400, who=SYSTEM)}
        juvenile = next(i for i in received if i in due)  # under supervision, with items due
        adult = next(i for i in received if i != juvenile)
    db.write(lambda s: setattr(s.get(CorrectionSubject, juvenile), "juvenile", True))
    dek = keys.KeyFile.load(paths.keyfile).unlock(ADMIN, PASSWORD)
    admin.add_user(AppSession(db, SYSTEM, paths, 0, dek), "clerk", "staff", "Another-pass-2024")
    yield {"db": db, "paths": paths, "dek": dek, "own_committee": own_committee, "own_case": own_case,
           "other_case": other_case, "person": person, "staff": staff, "adult": adult, "juvenile": juvenile}
    db.close()


def _principal(role: str, st) -> Principal:
    base = role.split()[0]
    committees = frozenset({st["own_committee"]}) if base == "mediator" else frozenset()
    grants = frozenset({"juvenile.read"}) if "juvenile" in role else frozenset()
    return Principal(f"t-{base}", base, committee_ids=committees, grants=grants)


def _listed(found, juvenile: str) -> None:
    """A list an account may open: refused as the lock refuses when the juvenile is not in it."""
    if juvenile not in set(found):
        raise PermissionDenied("未列出未成年社区矫正对象")


def _juvenile(operation: str, who: Principal, st, tmp: Path) -> None:
    """The juvenile lock's operations (C33): one record, then every list that could name them."""
    from sfs_desktop.core import ledger, search
    from sfs_desktop.core.correction import stats, work
    from sfs_desktop.core.correction.models import CcSupervision
    from sfs_desktop.core.reports import tables

    db, young = st["db"], st["juvenile"]
    with db.read() as s:
        if operation == "read an adult correction subject":
            work.subject(s, who, st["adult"])
        elif operation == "read a juvenile subject or its rows":
            work.subject(s, who, young)
            row = s.exec(select(CcSupervision.id).where(CcSupervision.subject_id == young)).first()
            check_record(s, who, "cc_supervision", row)
        elif operation == "see a juvenile subject in the ledger":
            _listed(ledger.ids(s, who, CorrectionSubject), young)
        elif operation == "see a juvenile subject in search":
            name = s.get(CorrectionSubject, young).name
            _listed([h.row_id for hits in search.search(s, who, name).values() for h in hits], young)
        elif operation == "see a juvenile subject in a report's list":
            tables.compute(stats.REPORT, s, who, str(date.today().year))
            details = tables.detail_sheets(stats.REPORT, s, who, str(date.today().year))
            _listed([r["姓名"] for d in details for r in d.json()["rows"]], s.get(CorrectionSubject, young).name)
        elif operation == "see a juvenile subject's due items":
            _listed([i.record_id for i in deadlines.collect(s, date.today(), horizon_days=400, who=who)], young)
        elif operation == "export a ledger with a juvenile subject":
            out = tmp / "ledger.json"
            name = s.get(CorrectionSubject, young).name
            db.write(lambda w: ledger.export(w, who, CorrectionSubject, out))
            _listed([r["姓名"] for r in json.loads(out.read_text(encoding="utf-8"))["rows"]], name)
        else:
            raise AssertionError(operation)


def _legality(operation: str, who: Principal, st) -> None:
    """合法性审查 (S1, the station's own work): read by every account but a 调解员's."""
    from sfs_desktop.core import ledger
    from sfs_desktop.core.legality import work
    from sfs_desktop.core.legality.models import LegalityReview

    db = st["db"]
    with db.read() as s:
        issued = s.exec(select(LegalityReview.id).where(LegalityReview.review_no != None)).first()  # noqa: E711
    if operation == "read a legality review":
        with db.read() as s:
            work.review(s, who, issued)
    elif operation == "list legality reviews in the ledger":
        with db.read() as s:
            assert issued in ledger.ids(s, who, LegalityReview)
    elif operation == "register a legality review":
        db.write(lambda s: work.register(s, who, {"item_type": "03", "title": f"测试合同{next(_names)}",
                                                  "received_on": date.today()}, today=date.today()))
    else:
        db.write(lambda s: print_document(s, who, "legality.opinion", issued, None, blob_root=db.paths.attachments))


def _released(db, *, waiting: bool = False) -> tuple[str, str]:
    """A released person (on the register, or 待衔接) and a person of the registry, written as rows
    (so the county holds them as it does once stations send them): (row id, person id)."""
    from sfs_desktop.core.resettlement.constants import AWAITING, ON_REGISTER, SELF_REPORT
    from sfs_desktop.core.resettlement.models import ReleasedPerson

    def add(s):
        person = Person(name=f"测试帮教{next(_names)}")
        s.add(person)
        s.flush()
        row = ReleasedPerson(name=person.name, release_date=RELEASED, status=AWAITING if waiting else ON_REGISTER,
                             period_from=RELEASED, period_to=RELEASED + timedelta(days=5 * 365 + 1),
                             **({} if waiting else {"person_id": person.id, "handover_method": SELF_REPORT,
                                                    "handover_on": RELEASED}))
        s.add(row)
        s.flush()
        return row.id, person.id

    return db.write(add)


def _prelisted(db, month: str, steps: str | None = None) -> str:
    from sfs_desktop.core.resettlement.models import RpPrerelease

    def add(s):
        row = RpPrerelease(list_month=month, name=f"测试名单{next(_names)}", release_date=RELEASED, steps=steps)
        s.add(row)
        s.flush()
        return row.id

    return db.write(add)


RELEASED = date.today() - timedelta(days=30)


def _resettlement(operation: str, who: Principal, db) -> None:
    """安置帮教 (S3, the station's work): each operation on rows of its own, `who` acting."""
    from sfs_desktop.core import ledger
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.constants import MOVED
    from sfs_desktop.core.resettlement.models import ReleasedPerson

    today = date.today()
    rid, pid = _released(db, waiting=operation == "receive a released person")
    steps = {
        "read a released person": lambda s: work.released(s, who, rid),
        "list released persons in the ledger": lambda s: _seen(rid, ledger.ids(s, who, ReleasedPerson)),
        "register a release notice": lambda s: work.register_notice(s, who, {"name": f"测试通知{next(_names)}",
                                                                             "release_date": RELEASED}, today=today),
        "receive a released person": lambda s: work.receive(s, who, rid, {"person_id": pid, "handover_method": "03",
                                                                          "handover_on": RELEASED}, today=today),
        "record a visit or talk": lambda s: work.record_contact(s, who, rid, {"kind": "visit", "day": today},
                                                                today=today),
        "add a help measure": lambda s: work.add_measure(s, who, rid, {"kind": "02", "day": today}, today=today),
        "change a resettlement category": lambda s: work.change_category(s, who, rid, {
            "changed_on": today, "category": "1", "reason": "测试调整"}),
        "add a help team member": lambda s: work.add_team_member(s, who, rid, {"name": "测试村干部", "role": "02"}),
        "sign a help agreement": lambda s: work.sign_agreement(s, who, rid, today, today=today),
        "report lost contact and found": lambda s: (work.report_lost(s, who, rid, {"lost_on": today}, today=today),
                                                    work.found(s, who, rid, today, today=today)),
        "record a re-offence": lambda s: work.record_reoffence(s, who, rid, {"day": today, "offence": "测试"},
                                                               today=today),
        "end the assistance": lambda s: work.end(s, who, rid, MOVED, today, "迁往外县（测试）", today=today),
    }
    if operation == "sign a help agreement":
        db.write(lambda s: s.add(RpTeamMember(person_id=rid, name="测试民警", role="03")))
    if operation == "record steps for an unfound listed person":
        entry = _prelisted(db, "1999-01")
        db.write(lambda s: work.record_steps(s, who, entry, "走访户籍地"))
    elif operation == "report the unmatched listed persons":
        _prelisted(db, "1999-02", steps="走访户籍地")
        db.write(lambda s: work.report_unmatched(s, who, "1999-02", today, today=today))
    else:
        db.write(steps[operation])


def _seen(row_id: str, found) -> None:
    if row_id not in set(found):
        raise PermissionDenied("台账中没有这名安置帮教对象")


def _do(operation: str, who: Principal, case: str, st, tmp: Path) -> None:
    db = st["db"]
    if operation in RESETTLEMENT:
        _resettlement(operation, who, db)
    elif operation == "register a person":
        db.write(lambda s: registry.register_person(s, who, {"name": f"测试{next(_names)}"}))
    elif operation == "change a person":
        db.write(lambda s: registry.update_person(s, who, st["person"], {"occupation": "务农"}))
    elif operation == "register or change a unit":
        db.write(lambda s: organizations.save_organization(s, who, {"name": f"桃江县测试{next(_names)}合作社",
                                                                    "org_type": "03"}))
    elif operation == "print a case's agreement":
        db.write(lambda s: print_document(s, who, "mediation.agreement", case, None, blob_root=db.paths.attachments))
    elif operation == "print a numbered work card":
        db.write(lambda s: print_document(s, who, "certificate.work_card", st["staff"], None,
                                          blob_root=db.paths.attachments))
    elif operation == "attach a scan to a case":
        db.write(lambda s: casefile.attach(s, who, case, "履行凭证", b"scan", ".jpg", blob_root=db.paths.attachments))
    elif operation == "fill in demo data":
        demo.generate(db, who, scale=8, seed=next(_names))
    elif operation == "export a statistics table":
        db.write(lambda s: export_table(s, who, "人民调解统计表", [("受理", 1)], tmp / "t.json"))
    elif operation == "add an account":
        app = AppSession(db, who, st["paths"], 0, st["dek"])
        admin.add_user(app, f"user{next(_names)}", "staff", "Another-pass-2024")
    elif operation.endswith(("legality review", "legality reviews in the ledger", "legality opinion")):
        _legality(operation, who, st)
    elif operation == "grant the juvenile permission":
        admin.grant(AppSession(db, who, st["paths"], 0, st["dek"]), "clerk", "juvenile.read")
    else:
        _juvenile(operation, who, st, tmp)


@pytest.mark.parametrize("operation,role,allowed", [
    (op, role, allowed) for op, row in TABLE.items() for role, allowed in zip(ROLES, row)])
def test_operation_by_role(station, operation, role, allowed, tmp_path):
    who = _principal(role, station)
    case = station["other_case"] if role == "mediator (other)" else station["own_case"]
    if allowed:
        _do(operation, who, case, station, tmp_path)
    else:
        with pytest.raises(PermissionDenied):
            _do(operation, who, case, station, tmp_path)


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    paths, _ = init_dir(tmp_path_factory.mktemp("roles") / "county", role="county", code="430922000",
                        name="桃江县司法局")
    db = open_dir(paths)
    yield db
    db.close()


@pytest.mark.parametrize("operation,allowed", COUNTY.items())
@pytest.mark.parametrize("role", ["head", "staff"])
def test_resettlement_at_the_county(county, operation, allowed, role):
    who = Principal(f"t-{role}", role)
    if allowed:
        _resettlement(operation, who, county)
    else:
        with pytest.raises(PermissionDenied, match="由司法所办理"):
            _resettlement(operation, who, county)


def test_the_readme_shows_the_same_table():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for operation, row in TABLE.items():
        line = next((l for l in readme.splitlines() if l.startswith(f"| {README_NAMES[operation]} |")), None)
        assert line is not None, operation
        cells = [c.strip() for c in line.strip("|").split("|")][1:]
        assert cells == ["✓" if a else "✗" for a in row], operation


README_NAMES = {
    "register a person": "登记人员", "change a person": "修改人员", "register or change a unit": "登记或修改单位",
    "print a case's agreement": "打印案件文书（如调解协议书）", "print a numbered work card": "打印编号证件（工作证）",
    "attach a scan to a case": "为案件附加扫描件", "fill in demo data": "填入演示数据",
    "export a statistics table": "导出统计表", "add an account": "管理账户",
    "read an adult correction subject": "查看社区矫正对象", "read a juvenile subject or its rows": "查看未成年社区矫正对象及其记录",
    "see a juvenile subject in the ledger": "台账中列出未成年对象", "see a juvenile subject in search": "搜索到未成年对象",
    "see a juvenile subject in a report's list": "统计表名单中列出未成年对象",
    "see a juvenile subject's due items": "到期事项中列出未成年对象",
    "export a ledger with a juvenile subject": "导出含未成年对象的台账",
    "grant the juvenile permission": "授予未成年人记录查看权限",
    "read a legality review": "查看合法性审查", "list legality reviews in the ledger": "合法性审查台账",
    "register a legality review": "登记合法性审查", "print a legality opinion": "打印合法性审查意见书",
    "read a released person": "查看安置帮教对象", "list released persons in the ledger": "安置帮教对象台账",
    "register a release notice": "登记刑满释放人员通知书", "receive a released person": "衔接登记",
    "record a visit or talk": "登记走访、谈话", "add a help measure": "登记安置帮扶措施",
    "change a resettlement category": "调整帮教类别", "add a help team member": "增加帮教小组成员",
    "sign a help agreement": "签订帮教协议", "report lost contact and found": "登记失联、找到",
    "record a re-offence": "登记重新违法犯罪", "end the assistance": "解除帮教",
    "record steps for an unfound listed person": "记录未衔接人员的查找措施",
    "report the unmatched listed persons": "上报未衔接人员",
}


def test_the_command_line_passes_the_signed_in_account(tmp_path, capsys, cli_env, monkeypatch):
    """Finding 1 as it was run: the inspector printed an agreement, a mediator printed another
    committee's agreement and ran `demo`."""
    from sfs_desktop.cli import main
    from sfs_desktop.paths import DataPaths

    d = tmp_path / "d"
    assert main(["--data-dir", str(d), "init", "--role", "station", "--station-code", "430922101", "--station-name",
                 "桃江县司法局灰山港司法所", "--township", "灰山港镇", "--admin", ADMIN]) == 0
    assert main(["--data-dir", str(d), "demo", "--scale", "30", "--seed", "11"]) == 0
    with open_dir(DataPaths.resolve(d)) as db, db.read() as s:
        agreed = s.exec(select(MediationCase).join(MediationAgreement, MediationAgreement.case_id == MediationCase.id)
                        .where(MediationCase.case_no != None, MediationAgreement.form == "1")).all()  # noqa: E711
        mine = agreed[0]
        other = next(c for c in agreed if c.committee_id != mine.committee_id)
    monkeypatch.setenv("SFS_NEW_PASSWORD", "Another-pass-2024")
    assert main(["--data-dir", str(d), "user", "add", "checker", "--role", "inspector"]) == 0
    assert main(["--data-dir", str(d), "user", "add", "tiaojie", "--role", "mediator",
                 "--committee", mine.committee_id]) == 0
    capsys.readouterr()
    monkeypatch.setenv("SFS_PASSWORD", "Another-pass-2024")
    runs = [("checker", ["print", "mediation.agreement", mine.case_no, "--out", tmp_path / "a.pdf"], "无权打印文书"),
            ("tiaojie", ["print", "mediation.agreement", other.case_no, "--out", tmp_path / "b.pdf"], "本调解委员会"),
            ("tiaojie", ["demo", "--scale", "5"], "无权填入演示数据"),
            ("checker", ["report", "mediation", "--period", "2024", "--out", tmp_path / "r.json"], "无权导出数据")]
    for user, args, said in runs:
        monkeypatch.setenv("SFS_USER", user)
        assert main(["--data-dir", str(d), *map(str, args)]) == 2
        assert said in capsys.readouterr().err
    assert not any((tmp_path / n).exists() for n in ("a.pdf", "b.pdf", "r.json"))
    monkeypatch.setenv("SFS_USER", "tiaojie")
    assert main(["--data-dir", str(d), "print", "mediation.agreement", mine.case_no, "--out", str(tmp_path / "c.pdf")]) == 0


def test_due_items_are_scoped_to_the_mediators_committee(station):
    from datetime import date, timedelta

    from sfs_desktop.core import deadlines
    from sfs_desktop.core.security.access import committee_of

    db = station["db"]
    with db.read() as s:
        everything = deadlines.collect(s, date.today(), horizon_days=400, who=SYSTEM)
        owners = [committee_of(s, i.record_table, i.record_id) for i in everything]
        own = next(c for c in owners if c)  # a committee with due items (the demo decides which)
        mediator = Principal("t-mediator", "mediator", committee_ids=frozenset({own}))
        theirs = deadlines.collect(s, date.today(), horizon_days=400, who=mediator)
        assert theirs and [i.ref for i in theirs] == [i.ref for i, o in zip(everything, owners) if o == own]
        elsewhere = Principal("t-other", "mediator", committee_ids=frozenset({"another-committee"}))
        assert deadlines.collect(s, date.today(), horizon_days=400, who=elsewhere) == []
        with pytest.raises(PermissionDenied):
            deadlines.collect(s, date.today(), who=Principal("x", "nobody"))
