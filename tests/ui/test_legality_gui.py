"""合法性审查 through real widgets: register a contract review from the ledger's form, record the
findings and two suggestions in its workspace, issue the opinion, print F-H2 with its number
(桃灰司审〔year〕1号); steps greyed with core's sentence; a refused step keeps the window (issue 18)."""

from datetime import date

import pytest
from sqlmodel import select

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.station.models import Staff
from sfs_desktop.ui.legality import workspace as ws_module
from sfs_desktop.ui.legality.page import LegalityPage
from sfs_desktop.ui.legality.reviews import NewReviewDialog
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import refusals  # noqa: F401 - the fixture

TODAY = date.today()


def _answer(monkeypatch, fill):
    """The next `ask` dialog is filled by `fill(rows)` and accepted."""
    def fake(owner, title, rows):
        fill(dict(rows))
        return True
    monkeypatch.setattr(ws_module, "ask", fake)


@pytest.mark.timeout(180)
def test_register_a_contract_review_findings_two_suggestions_and_print_the_opinion(
        qtbot, app_session, monkeypatch, refusals, tmp_path):  # noqa: F811
    [lawyer] = app_session.write(lambda s: insert_synced(s, Staff, [{"name": "律师乙", "legal_qualification": True}]))
    page = LegalityPage(app_session)
    qtbot.addWidget(page)
    page.show()
    settled()
    tab = page.reviews
    d = NewReviewDialog(app_session, tab)
    e = d.form.editors
    e["item_type"].set_value("03")
    e["title"].widget.setText("镇集体土地租赁合同")
    e["received_on"].set_value(TODAY)
    for code in ("01", "02", "03", "07", "08", "09"):  # the materials checklist, ticked
        e["materials"].widget.boxes[code].setChecked(True)
    assert e["materials"].value() == "01,02,03,07,08,09"
    assert saved(d)
    with app_session.db.read() as s:
        row = s.exec(select(LegalityReview)).one()
        assert row.meeting == "不得提交会议讨论" and row.due_on is not None
    rid = row.id

    tab.open_review(rid)
    settled()
    ws = tab.workspace
    ws.grab().save(str(tmp_path / "before.png"))
    assert ws.windowTitle() == "合法性审查" and "不得提交会议讨论" in ws.header.text()
    assert not ws.steps["resubmit"].isEnabled() and "审查中" in ws.steps["resubmit"].toolTip()
    assert not ws.steps["feedback"].isEnabled()
    assert "尚未指定审查人员" in ws.problems.text()

    # a refusal in core's words, nothing written, the window stays
    _answer(monkeypatch, lambda rows: rows["签发人"].setText("所长"))
    ws.do_conclude()
    settled()
    assert any("尚不能出具审查意见" in r for r in refusals)

    def findings(owner, dialog):
        f = dialog.form.editors
        f["reviewer_id"].set_value(lawyer)
        f["finding_authority"].widget.setPlainText("镇人民政府有权订立")
        f["finding_procedure"].widget.setPlainText("经党政联席会议研究")
        f["finding_content"].widget.setPlainText("租赁期限三十年，超过二十年部分无效")
        f["lease_years"].set_value(30)
        return saved(dialog)
    monkeypatch.setattr(ws_module, "open_dialog", findings)
    ws.do_findings()
    settled()
    assert "审查要点已齐备" in ws.problems.text()
    for text in ("将租赁期限调整为二十年以内", "补充违约责任条款"):
        _answer(monkeypatch, lambda rows, t=text: rows["建议内容"].setPlainText(t))
        ws.do_suggest()
        settled()
    assert ws.suggestions.rowCount() == 2 and ws.suggestions.item(1, 0).text() == "2"

    def conclude(rows):
        rows["审查结论"].setCurrentIndex(rows["审查结论"].findData("02"))
        rows["签发人"].setText("所长")
    _answer(monkeypatch, conclude)
    ws.do_conclude()
    settled()
    number = f"桃灰司审〔{TODAY.year}〕1号"
    assert number in ws.header.text() and "不得提交会议讨论" not in ws.header.text()
    assert ws.steps["feedback"].isEnabled() and not ws.steps["conclude"].isEnabled()
    ws.grab().save(str(tmp_path / "issued.png"))
    if keep := __import__("os").environ.get("SFS_SHOTS"):
        ws.grab().save(f"{keep}/legality_workspace.png")

    ws.print_choice.setCurrentIndex(ws.print_choice.findData("legality.opinion"))
    ws.print_chosen()
    settled()
    with app_session.db.read() as s:
        log = s.exec(select(PrintLog).where(PrintLog.form_id == "legality.opinion")).one()
        assert log.serial_no == number
        assert len(s.exec(select(LhSuggestion)).all()) == 2


@pytest.mark.timeout(120)
def test_tick_two_unlawful_clauses_save_and_see_them_ticked_on_reopening(qtbot, app_session, monkeypatch, tmp_path):
    """Issue 18: a 村规民约's unlawful clauses are ticked from the code table, not typed as "01,03"."""
    from PySide6.QtCore import Qt

    from sfs_desktop.core.legality import work

    who = app_session.principal
    rid = app_session.write(lambda s: work.register(s, who, {"item_type": "05", "title": "竹山村村规民约",
                                                             "received_on": TODAY}, today=TODAY).id)
    page = LegalityPage(app_session)
    qtbot.addWidget(page)
    page.show()
    settled()
    page.reviews.open_review(rid)
    settled()
    ws = page.reviews.workspace
    seen = {}

    def tick(owner, dialog):
        clauses = dialog.form.editors["clauses"].widget
        assert [b.text() for b in clauses.boxes.values()][:2] == ["设定罚款、罚金等处罚", "剥夺或限制集体经济收益分配"]
        clauses.boxes["03"].setFocus()  # keyboard: Space ticks the focused box
        qtbot.keyClick(clauses.boxes["03"], Qt.Key.Key_Space)
        qtbot.mouseClick(clauses.boxes["01"], Qt.MouseButton.LeftButton)
        dialog.show()
        dialog.grab().save(str(tmp_path / "findings.png"))
        if keep := __import__("os").environ.get("SFS_SHOTS"):
            dialog.grab().save(f"{keep}/legality_clauses.png")
        return saved(dialog)
    monkeypatch.setattr(ws_module, "open_dialog", tick)
    ws.do_findings()
    settled()
    with app_session.db.read() as s:
        assert s.get(LegalityReview, rid).clauses == "01,03"  # stored as before, sorted

    def reopen(owner, dialog):
        boxes = dialog.form.editors["clauses"].widget.boxes
        seen.update({code: box.isChecked() for code, box in boxes.items()})
        dialog.form.editors["clauses"].widget.boxes["01"].setChecked(False)
        return saved(dialog)
    monkeypatch.setattr(ws_module, "open_dialog", reopen)
    ws.do_findings()
    settled()
    assert [c for c, on in seen.items() if on] == ["01", "03"]
    with app_session.db.read() as s:
        assert s.get(LegalityReview, rid).clauses == "03"  # an untick is saved too
