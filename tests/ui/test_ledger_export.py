"""A ledger on screen exports what it shows: the filter, the columns shown, masked values."""

from datetime import date

from openpyxl import load_workbook

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.ledger import LedgerQuery
from sfs_desktop.core.people.models import Person
from sfs_desktop.ui.people_page import PeoplePage
from tests.ui.conftest import settled


def test_people_ledger_exports_its_filtered_rows_and_shown_columns(qtbot, app_session, tmp_path):
    app_session.write(lambda s: insert_synced(s, Person, [
        {"name": n, "gender": "1", "id_type": "01", "id_number": i, "birth_date": date(1949, 12, 31)}
        for n, i in [("李春花", "11010519491231002X"), ("李小兵", None), ("王大山", None)]]))
    page = PeoplePage(app_session)
    qtbot.addWidget(page)
    page.model.refresh(LedgerQuery(text="李"))
    hidden = [i for i, c in enumerate(page.model.columns) if c.name == "gender"]
    for i in hidden:
        page.view.setColumnHidden(i, True)
    page.view.export(str(tmp_path / "people.xlsx"))
    settled()
    assert page.view.exported == tmp_path / "people.xlsx"
    ws = load_workbook(page.view.exported)["统计表"]
    header = [c.value for c in ws[2]]
    assert "姓名" in header and "性别" not in header  # the columns shown, with their declared labels
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == page.model.rowCount() == 2
    assert "11010519491231002X" not in str(rows)
