"""The person form accepts what core accepts: a passport number is not held to the 18-digit check."""

from sqlalchemy import func, select

from sfs_desktop.core.people.models import Person
from sfs_desktop.ui.people_page import PersonDialog
from tests.ui.conftest import settled


def test_a_passport_number_is_saved_from_the_form(qtbot, app_session):
    dialog = PersonDialog(app_session)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.editors["name"].widget.setText("Anna")
    form.editors["id_type"].set_value("06")
    qtbot.keyClicks(form.editors["id_number"].widget, "E12345678")
    assert dialog.save(), form.editors["id_number"].error.text()
    settled()  # the save runs on the writer, off the UI thread
    with app_session.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.id_number == "E12345678")) == 1
