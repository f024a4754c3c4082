"""Render the screenshots in this folder offscreen: python docs/screenshots/make.py [scale].

Run with QT_QPA_PLATFORM=offscreen; scale 2 sets QT_SCALE_FACTOR=2 (HiDPI check). Generated
demo data only.
"""

import os
import sys
import tempfile
from pathlib import Path

scale = sys.argv[1] if len(sys.argv) > 1 else "1"
os.environ["QT_SCALE_FACTOR"] = scale
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from sfs_desktop.core import demo, setup  # noqa: E402
from sfs_desktop.core.db.synced import acting_as  # noqa: E402
from sfs_desktop.core.security.session import login  # noqa: E402
from sfs_desktop.paths import DataPaths  # noqa: E402
from sfs_desktop.ui.app import make_app  # noqa: E402

OUT = Path(__file__).parent
suffix = "" if scale == "1" else f"@{scale}x"


def shot(widget, name):
    """Shown, then a moment for what pages build after their first paint (counts, charts)."""
    widget.show()
    from PySide6.QtTest import QTest

    QTest.qWait(300)
    widget.grab().save(str(OUT / f"{name}{suffix}.png"))


make_app()
from sfs_desktop.ui.login import LoginDialog  # noqa: E402
from sfs_desktop.ui.main_window import MainWindow  # noqa: E402
from sfs_desktop.ui.wizard import SetupWizard  # noqa: E402

tmp = Path(tempfile.mkdtemp())
shot(SetupWizard(DataPaths.resolve(tmp / "empty")), "wizard")
paths = DataPaths.resolve(tmp / "demo")
setup.initialise(paths, setup.SetupRequest("station", "430922101", "桃江县司法局灰山港司法所", "demo",
                                           "Taojiang-sfs-2024", "灰山港镇", "演示所长"))
dialog = LoginDialog(paths, "桃江县司法局灰山港司法所", hint="演示账户：demo　密码：Taojiang-sfs-2024（数据为生成的演示数据）")
dialog.user.setText("demo")
shot(dialog, "login")
app = login(paths, "demo", "Taojiang-sfs-2024")
with acting_as("demo"):
    demo.generate(app.db, app.principal, scale=2000)
window = MainWindow(app)
shot(window, "dashboard")
window.show_page("people")
shot(window, "ledger")
people = window.page("people")
people.tabs.setCurrentWidget(people.organizations)
shot(window, "people-units")
people.tabs.setCurrentIndex(0)
window.show_page("mediation")
page = window.page("mediation")
shot(window, "mediation")
page.show_tab("committees").select(page.committees.model.id_at(0))
shot(window, "mediation-committees")
from sfs_desktop.ui.mediation.workspace import CaseWorkspace  # noqa: E402

cases = page.show_tab("cases")
status = cases.filters.combos["status"]
status.setCurrentIndex(status.findData("follow_up"))
workspace = CaseWorkspace(app, cases.model.id_at(0), window)
workspace.tabs.setCurrentIndex(2)
shot(workspace, "mediation-case-agreement")
from sfs_desktop.ui import ops  # noqa: E402

while not ops.idle():  # the workspace is read off the UI thread
    QApplication.processEvents()
workspace.tabs.setCurrentIndex(4)
shot(workspace, "mediation-case-file")
workspace.tabs.setCurrentWidget(workspace.timeline)
shot(workspace, "mediation-case-timeline")
workspace.close()
from sqlmodel import select  # noqa: E402

from sfs_desktop.core.correction.models import CorrectionSubject  # noqa: E402
from sfs_desktop.ui.correction.workspace import SubjectWorkspace  # noqa: E402

with app.db.read() as s:  # a 暂予监外执行 subject: its medical-parole reports beside the routine events
    subject = s.exec(select(CorrectionSubject).where(CorrectionSubject.correction_type == "04",
                                                     CorrectionSubject.status == "02")).first()
subject_ws = SubjectWorkspace(app, subject.id)
subject_ws.show()
while not ops.idle():  # the view is audited on the writer, then read off the UI thread
    QApplication.processEvents()
shot(subject_ws, "correction-subject-timeline")
app.close()
