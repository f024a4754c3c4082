"""`sfs-desktop correction …` at one station, through the installed program: every bad value is one
Chinese line, exit 2, and nothing written; an inspector reads no subject; the leave request names
who must approve; what the county decides is refused here."""

from __future__ import annotations

import json

from tests import program
from tests.program import ok, run, table_digests

REGISTER = """
import sys
from datetime import date
from sfs_desktop.core.correction import work
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.people.registry import register_person
from sfs_desktop.core.security.session import login
from sfs_desktop.paths import DataPaths
app = login(DataPaths.resolve(sys.argv[1]), "admin", "Choose-a-good-one-2024")
def add(s):
    p = register_person(s, app.principal, {"name": "测试对象丙", "id_number": "430922199001010015"})
    return work.register_subject(s, app.principal, {
        "person_id": p.id, "correction_type": "02", "original_penalty": "03", "original_months": 12,
        "effective_date": date(2024, 6, 3), "term_start": date(2024, 6, 3), "term_end": date(2025, 6, 2),
        "reported_on": date(2024, 6, 10), "received_on": date(2024, 6, 10)}, today=date(2024, 6, 10)).id
with app.db as db, acting_as(app.principal.username):
    print(db.write(add))
"""


def refused(station, *args, says: str, **kw) -> None:
    p = run(station, "correction", *args, **kw)
    assert p.returncode == 2, p.stdout
    assert len(p.stderr.strip().splitlines()) == 1 and p.stderr.startswith("错误：") and says in p.stderr, p.stderr


def test_bad_values_are_refused_in_one_chinese_line_and_nothing_is_written(tmp_path):
    station = tmp_path / "st"
    ok(station, "init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
       "--township", "灰山港镇", "--admin", program.ADMIN)
    made = program.python(REGISTER, station)
    assert made.returncode == 0, made.stderr
    sid = made.stdout.strip()
    ok(station, "user", "add", "look", "--role", "inspector", "--name", "检查员", SFS_NEW_PASSWORD="Read-only-2024-pass")

    before = table_digests(station)
    refused(station, "list", says="查看涉罪", user="look", password="Read-only-2024-pass")
    refused(station, "show", "无此人", says="没有社区矫正对象“无此人”")
    refused(station, "log", sid[:8], "--kind", "跳舞", "--on", "2024-07-01", says="“类别”")
    refused(station, "log", sid[:8], "--kind", "report", "--on", "2999-07-01", says="日期不能晚于今天")
    refused(station, "log", sid[:8], "--kind", "report", "--on", "2024-06-01", says="不能早于接收日期")
    refused(station, "log", sid, "--kind", "education", "--on", "2024-07-01", "--hours", "两小时", says="应为整数")
    refused(station, "leave", sid, "--from", "2024-07-05", "--to", "2024-07-01", "--dest", "长沙", "--reason", "探亲",
            "--applied", "2024-07-01", says="外出止日期不能早于外出起日期")
    refused(station, "violation", sid, "--on", "2024-07-02", "--kind", "01", "--facts", "逾期", says="天数")
    refused(station, "violation", sid, "--on", "2024-07-02", "--kind", "09", "--facts", "缺课", "--propose", "表扬",
            says="请选择提请的措施")
    refused(station, "decide", "abcd", "--accept", says="没有提请")
    assert table_digests(station) == before  # not one of them wrote anything

    out = ok(station, "correction", "leave", "测试对象丙", "--from", "2024-07-10", "--to", "2024-07-18", "--dest",
             "湖南省长沙市", "--reason", "探亲（测试数据）", "--applied", "2024-07-01")
    assert "外出 9 日，须由县级社区矫正机构审批" in out
    out = ok(station, "correction", "violation", "测试对象丙", "--on", "2024-07-02", "--kind", "09", "--facts",
             "未参加集中教育（测试数据）", "--propose", "训诫", "--proposed-on", "2024-07-03")
    assert "系统建议措施：训诫" in out
    [proposal] = json.loads(ok(station, "correction", "proposals", "--pending", "--json"))
    refused(station, "decide", proposal["id"][:8], "--accept", says="由县级社区矫正机构决定")
    assert ok(station, "correction", "decisions").strip() == "县级社区矫正机构尚未对本所的提请作出决定"
    listed = json.loads(ok(station, "correction", "list", "--json"))
    assert [(r["id"], r["姓名"], r["矫正期限止"]) for r in listed] == [(sid, "测试对象丙", "******")]
