"""The county's 安置帮教 page through real widgets (issue 17): the notices it handed over by
station with their state, and the pre-release lists by month and station with the F-R8 report."""

import pytest

from sfs_desktop.paths import DataPaths
from sfs_desktop.core.security.session import login
from sfs_desktop.ui.resettlement.page import CountyPage, ResettlementPage
from tests.conftest import ADMIN, PASSWORD
from tests.resettlement.county_data import build
from tests.sync.conftest import county, station, station2  # noqa: F401 - fixtures
from tests.ui.conftest import settled
from tests.ui.test_assign_gui import pair  # noqa: F401 - the fixture


@pytest.mark.timeout(180)
def test_the_county_sees_notices_and_lists_by_station(qtbot, county, station, station2, tmp_path):  # noqa: F811
    build(county, station, station2)
    county.db.close()
    app = login(DataPaths.resolve(county.root), ADMIN, PASSWORD)
    try:
        page = ResettlementPage(app)
        qtbot.addWidget(page)
        assert isinstance(page, CountyPage)
        page.resize(1100, 600)
        page.show()
        settled()
        t = page.notices.table
        cells = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
        assert [(r[0], r[1], r[5]) for r in cells] == [
            ("测试司法所430922101", "测试甲", "已衔接（2024-05-21）"), ("测试司法所430922101", "测试乙", "逾期未衔接"),
            ("测试司法所430922102", "测试丁", "逾期衔接（2024-05-20）"), ("测试司法所430922102", "测试戊", "逾期未衔接")]
        page.grab().save(str(tmp_path / "county-notices.png"))
        lists = page.show_tab("lists")
        settled()
        m = lists.months
        assert [m.item(r, 5).text() for r in range(m.rowCount())] == ["已上报（2024-06-03）", "逾期未上报"]
        e = lists.entries
        assert [(e.item(r, 0).text(), e.item(r, 2).text(), e.item(r, 3).text()) for r in range(e.rowCount())] == [
            ("测试甲", "已衔接", ""), ("测试丙", "未衔接", "走访户籍地，联系家属")]
        m.setCurrentCell(1, 0)
        assert [e.item(r, 0).text() for r in range(e.rowCount())] == ["测试己"]
        m.setCurrentCell(0, 0)
        page.grab().save(str(tmp_path / "county-lists.png"))
    finally:
        app.close()
        county.db = app.db  # closed: the fixture's close is then a no-op


def test_the_assign_dialog_shows_the_period_as_the_release_date_is_typed(qtbot, pair, tmp_path):  # noqa: F811
    from datetime import date

    from sfs_desktop.core.resettlement.models import ReleasedPerson
    from sfs_desktop.ui.assigned import AssignDialog
    from tests.ui.conftest import saved

    county_app, _station = pair
    dialog = AssignDialog(county_app, "released_person", [("430922101", "桃江县司法局灰山港司法所")])
    qtbot.addWidget(dialog)
    dialog.show()
    settled()
    e = dialog.form.editors
    assert "period_to" not in e and "period_from" not in e  # computed, not typed
    e["name"].widget.setText("测试庚")
    e["release_date"].set_value(date(2024, 2, 29))
    settled()
    assert dialog.derived.text() == "帮教期起：2024-02-29　帮教期止：2029-02-28"
    dialog.grab().save(str(tmp_path / "assign-notice.png"))
    assert saved(dialog), dialog.message.text()
    with county_app.db.read() as s:
        assert s.get(ReleasedPerson, dialog.saved.id).period_to == date(2029, 2, 28)
