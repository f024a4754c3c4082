"""A county holding two stations' 安置帮教 rows (generated names): notices handed over and
received on time, late, not yet, not yet delivered; a month's pre-release list found, reported,
and not reported. Shared by the core test and the county page's pytest-qt test."""

from __future__ import annotations

from datetime import date

from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.constants import SELF_REPORT
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync.assign import assign_records
from tests.resettlement.test_work import STAFF, _person
from tests.sync.conftest import until_quiet

A, B = "430922101", "430922102"
ACTED = date(2024, 6, 3)  # the day the stations worked
TODAY = date(2024, 6, 10)  # the day the county looks


def _notice(name: str, release: str, by: str | None = None) -> dict:
    out = {"姓名": name, "性别": "男", "罪名": "盗窃罪", "服刑场所": "省第一监狱", "释放（解矫）日期": release}
    return {**out, "衔接期限": by} if by else out


def _listed(name: str, release: str) -> dict:
    return {"名单月份": "2024-05", "姓名": name, "预计释放日期": release, "服刑场所": "省第一监狱"}


def _assign(county, table: str, station: str, rows: list[dict]) -> list[str]:
    return county.db.write(lambda s: [r.id for r in assign_records(s, SYSTEM, table, station,
                                                                   [(None, v) for v in rows])])


def _receive(node, row_id: str, name: str, on: date) -> None:
    node.db.write(lambda s: work.receive(s, STAFF, row_id, {"person_id": _person(s, name),
                                                             "handover_method": SELF_REPORT, "handover_on": on},
                                         today=ACTED))


def build(county, a, b) -> dict[str, str]:
    """The rows; returns the notices' ids by name."""
    ids = dict(zip(["测试甲", "测试乙"], _assign(county, "released_person", A, [
        _notice("测试甲", "2024-05-20", "2024-05-30"), _notice("测试乙", "2024-05-25")])))
    ids["测试丁"] = _assign(county, "released_person", B, [_notice("测试丁", "2024-05-10", "2024-05-15")])[0]
    _assign(county, "rp_prerelease", A, [_listed("测试甲", "2024-05-20"), _listed("测试丙", "2024-05-28")])
    _assign(county, "rp_prerelease", B, [_listed("测试己", "2024-05-30")])
    until_quiet(county, [a, b])
    _receive(a, ids["测试甲"], "测试甲", date(2024, 5, 21))  # on time; matches 测试甲 on A's list
    [(unfound,)] = a.sql("SELECT id FROM rp_prerelease WHERE matched_id IS NULL")
    a.db.write(lambda s: work.record_steps(s, STAFF, unfound, "走访户籍地，联系家属"))
    a.db.write(lambda s: work.report_unmatched(s, STAFF, "2024-05", ACTED, today=ACTED))
    _receive(b, ids["测试丁"], "测试丁", date(2024, 5, 20))  # after the county's 限期 (05-15)
    until_quiet(county, [a, b])
    ids["测试戊"] = _assign(county, "released_person", B, [_notice("测试戊", "2024-06-20")])[0]  # not yet carried
    return ids
