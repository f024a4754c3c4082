"""R9's half-year and annual reports: §5.4's figures for the half year and the year on a small
known data set, printed with each definition beside its figure (issue 17)."""

from datetime import date

import pytest

from sfs_desktop.core import calendar
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.reports.tables import compute
from sfs_desktop.core.resettlement import documents, stats, work
from sfs_desktop.core.resettlement.constants import KEY, PICK_UP, SELF_REPORT
from tests.resettlement.test_work import STAFF, _person

TODAY = date(2024, 12, 20)


def _known(db) -> None:
    """In 2024: 甲 (重点) released 02-29, picked up, team, agreement, work; 乙 released 05-20, received;
    丙 released 06-25, not received; 丁 released 2023, re-offends 04-01; 戊 released 09-02, received."""
    def notice(s, name, release, **extra):
        return work.register_notice(s, STAFF, {"name": name, "release_date": release, **extra}, today=TODAY).id

    def receive(s, rid, name, on, **extra):
        work.receive(s, STAFF, rid, {"person_id": _person(s, name), "handover_method": SELF_REPORT,
                                     "handover_on": on, **extra}, today=TODAY)

    def fill(s):
        a = notice(s, "测试甲", date(2024, 2, 29), offences="贩卖毒品罪")
        receive(s, a, "测试甲", date(2024, 2, 29), handover_method=PICK_UP, handover_staff="司法所张三", category=KEY)
        work.add_team_member(s, STAFF, a, {"name": "民警乙", "role": "03"})
        work.sign_agreement(s, STAFF, a, date(2024, 3, 5), today=TODAY)
        work.add_measure(s, STAFF, a, {"kind": "02", "day": date(2024, 3, 10)}, today=TODAY)
        receive(s, notice(s, "测试乙", date(2024, 5, 20)), "测试乙", date(2024, 5, 22))
        notice(s, "测试丙", date(2024, 6, 25))
        d = notice(s, "测试丁", date(2023, 10, 1))
        receive(s, d, "测试丁", date(2023, 10, 2))
        work.record_reoffence(s, STAFF, d, {"day": date(2024, 4, 1), "offence": "盗窃"}, today=TODAY)
        receive(s, notice(s, "测试戊", date(2024, 9, 2)), "测试戊", date(2024, 9, 3))
    db.write(fill)


KEYS = ("due", "received", "handover_rate", "key_released", "picked_up", "pick_up_rate", "on_register", "assisted",
        "assist_rate", "settled", "settle_rate", "reoffended", "reoffence_rate", "new")


def test_half_year_and_year_figures_on_a_known_set(station_db):
    _known(station_db)
    with station_db.read() as s:
        h1 = compute(stats.REPORT, s, STAFF, "2024-H1").values
        h2 = compute(stats.REPORT, s, STAFF, "2024-H2").values
        year = compute(stats.REPORT, s, STAFF, "2024").values
    assert {k: h1[k] for k in KEYS} == {
        "due": 3, "received": 2, "handover_rate": 0.667, "key_released": 1, "picked_up": 1, "pick_up_rate": 1.0,
        "on_register": 2, "assisted": 1, "assist_rate": 0.5, "settled": 1, "settle_rate": 0.5, "reoffended": 1,
        "reoffence_rate": 0.5, "new": 2}
    assert (h2["due"], h2["received"], h2["on_register"], h2["reoffended"], h2["key_released"]) == (1, 1, 3, 0, 0)
    assert h2["pick_up_rate"] is None  # no key person released: nothing to divide by
    assert (year["due"], year["received"], year["handover_rate"], year["on_register"], year["reoffended"]) == (
        4, 3, 0.75, 3, 1)


def test_the_periods_a_half_year_is_written_in():
    assert calendar.period_bounds("2024-H1") == (date(2024, 1, 1), date(2024, 6, 30))
    assert calendar.period_bounds("2024-h2") == (date(2024, 7, 1), date(2024, 12, 31))
    with pytest.raises(ValueError, match="H1（上半年）或 H2"):
        calendar.period_bounds("2024-H3")


def test_the_printed_reports_carry_each_definition_beside_its_figure(station_db):
    _known(station_db)
    with station_db.read() as s:
        loaded = documents.half_year_context(s, "2024-h1")
        rows = {r["label"]: r for r in loaded.context["figures"]}
        assert loaded.context["period"] == "2024 年上半年" and loaded.year == 2024
        assert (rows["衔接率"]["value"], rows["衔接率"]["definition"]) == ("66.7%", "已衔接人数 ÷ 应衔接人数")
        assert rows["必接必送率"]["value"] == "100.0%" and rows["重新犯罪数"]["group"] == "重新犯罪"
        assert rows["帮教类别：重点"]["value"] == "1"
        assert documents.annual_context(s, "2024").context["period"] == "2024 年"
        for form, bad in (("half_year", "2024"), ("half_year", "2024-07"), ("annual", "2024-H1"), ("annual", None)):
            with pytest.raises(UserError, match="统计期间"):
                getattr(documents, f"{form}_context")(s, bad)
    for form, period in (("resettlement.half_year", "2024-H2"), ("resettlement.annual", "2024")):
        printed = station_db.write(lambda s: print_document(s, STAFF, form, period, None,
                                                            blob_root=station_db.paths.attachments, preview=True))
        assert printed.pages >= 1 and printed.data.startswith(b"%PDF")
