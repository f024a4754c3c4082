"""The juvenile lock (C33) through the installed program: `user grant`, `report correction --out`'s
name lists and `due --json` as a 所长, a 工作人员 and the designated 工作人员 see them."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import select

from sfs_desktop.core import deadlines
from sfs_desktop.core.correction.models import CorrectionSubject
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.paths import DataPaths
from tests.conftest import open_dir
from tests.program import ADMIN, PASSWORD, ok, run

USER_PASSWORD = "Another-pass-2024"


def _mark_juvenile(d) -> tuple[str, str]:
    """Set-up only: the demo has no juvenile subject; one with items due becomes one (the flag as
    registration sets it for a minor at the offence). Returns (name, id)."""
    with open_dir(DataPaths.resolve(d), ADMIN, PASSWORD) as db:
        with db.read() as s:
            items = deadlines.collect(s, date.today(), who=SYSTEM)
            due = {i.record_id for i in items if i.record_table == "correction_subject"}
            subjects = s.exec(select(CorrectionSubject).where(CorrectionSubject.received_on != None)  # noqa: E711
                              .order_by(CorrectionSubject.id)).all()
            # a name no other due item carries (the demo's names can repeat across duties: a 安置帮教
            # person of the same name is someone else, and the test tells the two apart by name)
            young = next(r for r in subjects if r.id in due and all(
                i.ref != r.name or (i.record_table, i.record_id) == ("correction_subject", r.id) for i in items))
            assert sum(r.name == young.name for r in subjects) == 1
        db.write(lambda s: setattr(s.get(CorrectionSubject, young.id), "juvenile", True))
    return young.name, young.id


def test_staff_without_the_permission_see_totals_but_no_juvenile_name(tmp_path):
    d = tmp_path / "station"
    ok(d, "init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
       "--township", "灰山港镇", "--admin", ADMIN)
    ok(d, "demo", "--scale", "30", "--seed", "5")
    name, _ = _mark_juvenile(d)
    for user, role in (("clerk", "staff"), ("minors", "staff"), ("checker", "inspector"), ("tiaojie", "mediator")):
        extra = ("--committee", "none") if role == "mediator" else ()
        ok(d, "user", "add", user, "--role", role, *extra, SFS_NEW_PASSWORD=USER_PASSWORD)
    assert "未成年" in ok(d, "user", "grant", "minors", "juvenile.read")
    assert "查看未成年社区矫正对象的记录" in ok(d, "user", "list")
    for user, said in (("checker", "只读"), ("tiaojie", "调解员")):  # never a 只读 or 调解员 account
        p = run(d, "user", "grant", user, "juvenile.read")
        assert p.returncode != 0 and said in p.stderr and "Traceback" not in p.stderr
    p = run(d, "user", "grant", "clerk", "juvenile.read", user="minors", password=USER_PASSWORD)
    assert p.returncode != 0 and "无权管理账户" in p.stderr

    year = str(date.today().year)

    def report(user: str, password: str) -> dict:
        out = tmp_path / f"{user}.json"
        ok(d, "report", "correction", "--period", year, "--out", out, user=user, password=password)
        return json.loads(out.read_text(encoding="utf-8"))

    def due(user: str, password: str) -> list[dict]:
        return json.loads(ok(d, "due", "--json", user=user, password=password))

    head, clerk, minors = report(ADMIN, PASSWORD), report("clerk", USER_PASSWORD), report("minors", USER_PASSWORD)
    assert head["rows"] == clerk["rows"] == minors["rows"]  # the figures count everyone
    figures = {r["指标"]: r["值"] for r in head["rows"]}
    assert figures["其中未成年人"] == 1 and figures["期末在册人数"] >= 2

    def listed(rep: dict) -> dict[str, list[str]]:
        return {d["detail"]: [r["姓名"] for r in d["rows"]] for d in rep["details"]}
    assert name in listed(head)["register"] and name in listed(minors)["register"]
    assert name not in listed(clerk)["register"]
    assert len(listed(clerk)["register"]) == len(listed(head)["register"]) - 1 == figures["期末在册人数"] - 1

    head_due, clerk_due = due(ADMIN, PASSWORD), due("clerk", USER_PASSWORD)
    # the demo's overdue correction items are exactly the ones it seeds (issue 16's acceptance)
    overdue = sorted(i["title"].split("：")[0] for i in head_due if i["duty"] == "社区矫正" and i["days_left"] < 0)
    assert overdue == ["上月实地查访", "外出逾期未归", "调查评估意见提交", "逾期未报到"], overdue
    assert [i for i in head_due if i["ref"] == name]
    assert clerk_due == [i for i in head_due if i["ref"] != name]
    assert due("minors", USER_PASSWORD) == head_due

    audit = ok(d, "audit", "list").splitlines()
    reads = [line.split("\t") for line in audit if "\t查看未成年人记录\t" in line]
    assert {r[2] for r in reads} == {ADMIN, "minors"}  # the reports' lists; the clerk saw nothing to audit
    assert all(r[4].startswith("correction_subject:") for r in reads)
    assert ok(d, "audit", "verify")
