"""Render page 1 of every built-in certificate, the sample form and every 人民调解 form to
docs/forms/<id>.png.

    python docs/forms/make_previews.py      (needs pdftoppm from poppler-utils)

Fictitious values: tests/printing/sample.py for the certificates, and for the mediation forms a
generated station (`demo`, seed 2024) printed through the print service, as the program prints
them (numbers, print log, the 卷内目录's 页号 from it). 60–70 dpi keeps the images small.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from sfs_desktop.core.printing import render  # noqa: E402
from tests.printing.sample import REGISTRATION, certificate_contexts, context  # noqa: E402


def main() -> None:
    jobs = {REGISTRATION.id: (REGISTRATION, context(), "（2024）桃示人调字第12号")}
    jobs.update({tid: (tid, values, serial) for tid, (values, serial) in certificate_contexts().items()})
    with tempfile.TemporaryDirectory() as tmp:
        for tid, (template, values, serial) in jobs.items():
            pdf = Path(tmp) / f"{tid}.pdf"
            render(template, values, pdf, serial=serial)
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(HERE / tid)], check=True)
            print(HERE / f"{tid}.png")


def mediation() -> None:
    """Every 人民调解 form of one generated case (a 公安移交 case with a written agreement, visited and
    filed), printed through the print service by the 所长, page 1 to PNG at 60 dpi."""
    from sqlmodel import select

    from sfs_desktop.core import demo
    from sfs_desktop.core.db.synced import acting_as
    from datetime import timedelta

    from sfs_desktop.core.mediation import work
    from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, MediationAgreement,
                                                   MediationCase, MediationRecord)
    from sfs_desktop.core.printing.service import print_document
    from sfs_desktop.core.security.access import Principal
    from tests.conftest import ADMIN, init_dir, open_dir

    head = Principal(ADMIN, "head", "所长")
    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = init_dir(Path(tmp) / "station")
        with open_dir(paths) as db, acting_as(ADMIN):
            demo.generate(db, head, scale=400, seed=2024)
            with db.read() as s:
                written = set(s.exec(select(MediationAgreement.case_id).where(MediationAgreement.form == "1")).all())
                visited = set(s.exec(select(FollowUpVisit.case_id)).all())
                case = next(c for c in s.exec(select(MediationCase).where(MediationCase.status == "follow_up")
                                              .order_by(MediationCase.received_date)).all()
                            if c.id in written and c.id in visited)
                record = s.exec(select(MediationRecord).where(MediationRecord.case_id == case.id)).first()
                visit = s.exec(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id)).first()
                screening = s.exec(select(DisputeScreening).where(DisputeScreening.found_count > 0)).first()
                year = str(screening.screened_on.year)

                oral = next(c for c in s.exec(select(MediationCase).where(MediationCase.agreement_form == "2")).all())

            def police(s):
                row = s.get(MediationCase, case.id)
                row.source = "04"  # 公安移交: the 受理登记表 ticks it
                s.add(row)
            db.write(police)
            inquiry = db.write(lambda s: work.add_record(s, head, case.id, {
                "kind": "1", "held_on": case.received_date + timedelta(days=1), "place": "当事人住所附近",
                "conducted_by": "调解员", "recorder": "调解员", "present": "邻居（知情人）", "subject": "纠纷经过",
                "body": "问：你是否知道双方发生争执的经过？\n答：知道，当天双方因琐事争吵，后经村干部劝开。"})).id
            jobs = [("mediation.registration", case.id), ("mediation.notice", case.id),
                    ("mediation.application", case.id), ("mediation.investigation", inquiry),
                    ("mediation.record", record.id), ("mediation.oral_agreement", oral.id),
                    ("mediation.agreement", case.id), ("mediation.visit", visit.id), ("mediation.closing", case.id),
                    ("mediation.cover", case.id), ("mediation.contents", case.id),
                    ("mediation.screening", screening.id), ("mediation.screening_ledger", year)]
            for form, ref in jobs:
                pdf = Path(tmp) / f"{form}.pdf"
                db.write(lambda s: print_document(s, head, form, ref, pdf, blob_root=db.paths.attachments))
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(HERE / form)], check=True)
                if keep := os.environ.get("SFS_FORMS_OUT"):  # the PDFs too, to read back with pdftotext
                    shutil.copyfile(pdf, Path(keep) / pdf.name)
                print(HERE / f"{form}.png")


def correction() -> None:
    """Every 社区矫正 form F-C1 to F-C15 of one generated 缓刑 subject worked a little further
    (tests/correction/worked.py), printed through the print service by a staff account, page 1 to PNG
    at 60 dpi."""
    from sfs_desktop.core.db.synced import acting_as
    from sfs_desktop.core.printing.service import print_document
    from tests.conftest import ADMIN, init_dir, open_dir
    from tests.correction.worked import STAFF, delegate_release_certificate, worked

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = init_dir(Path(tmp) / "station")
        with open_dir(paths) as db, acting_as(ADMIN):
            refs = worked(db)
            delegate_release_certificate(db)
            for form, ref in refs.items():
                pdf = Path(tmp) / f"{form}.pdf"
                db.write(lambda s: print_document(s, STAFF, form, ref, pdf, blob_root=db.paths.attachments))
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(HERE / form)], check=True)
                print(HERE / f"{form}.png")


if __name__ == "__main__":
    main()
    mediation()
    correction()
