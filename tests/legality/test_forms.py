"""F-H1, F-H2 and F-H4 printed through the print service: the opinion carries the number given
when it was issued (桃灰司审〔2024〕1号), its findings and numbered suggestions; an opinion not yet
issued is refused (issue 18)."""

import os
import shutil
from datetime import date as D
from pathlib import Path

import pytest

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.constants import CONTRACT, LAWFUL_AMENDED, VILLAGE
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.security.access import SYSTEM
from tests.legality.test_work import FINDINGS, STAFF, TODAY, _setup
from tests.printing import pdf


def _print(db, form, ref, tmp_path):
    out = tmp_path / f"{form}.pdf"
    db.write(lambda s: print_document(s, SYSTEM, form, ref, out, blob_root=db.paths.attachments))
    pdf.assert_sound(out)
    if keep := os.environ.get("SFS_FORMS_OUT"):
        shutil.copyfile(out, Path(keep) / out.name)
    return pdf.flat(out)


def test_registration_opinion_and_village_opinion_print(station_db, tmp_path):
    unit, novice, lawyer = _setup(station_db)

    def build(s):
        rid = work.register(s, STAFF, {"item_type": CONTRACT, "title": "镇集体土地租赁合同", "unit_id": unit,
                                       "received_on": D(2024, 9, 30), "materials": "01,02,03,07",
                                       "reviewer_id": lawyer, **FINDINGS}, today=TODAY).id
        return rid
    rid = station_db.write(build)
    sheet = _print(station_db, "legality.registration", rid, tmp_path)
    assert "合法性审查送审登记表" in sheet and "桃花江镇农业综合服务中心" in sheet and "预算或采购证明" in sheet
    with pytest.raises(UserError, match="尚未出具意见"):
        _print(station_db, "legality.opinion", rid, tmp_path)
    station_db.write(lambda s: work.update(s, STAFF, rid, {"materials": "01,02,03,07,08,09"}))
    for text in ("将租赁期限调整为二十年以内", "补充违约责任条款"):
        station_db.write(lambda s: work.add_suggestion(s, STAFF, rid, text))
    station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL_AMENDED, D(2024, 10, 10), "所长", today=TODAY))
    sheet = _print(station_db, "legality.opinion", rid, tmp_path)
    for want in ("合法性审查意见书", "桃灰司审〔2024〕1号", "镇人民政府有权订立", "修改后合法",
                 "1．将租赁期限调整为二十年以内", "2．补充违约责任条款", "二〇二四年十月十日"):
        assert want in sheet, want
    with pytest.raises(UserError, match="不是村规民约"):
        _print(station_db, "legality.village", rid, tmp_path)

    vid = station_db.write(lambda s: work.register(s, STAFF, {
        "item_type": VILLAGE, "title": "竹山村村规民约", "received_on": D(2024, 9, 30), "materials": "01,02,03,05,11",
        "reviewer_id": lawyer, "version": "2024年修订", "clauses": "01,03", "adults": 400, "present": 250,
        "votes_for": 200, "notice_days": 10, "adopted_on": D(2024, 9, 10), "filed_on": D(2024, 9, 30), **FINDINGS},
        today=TODAY).id)
    station_db.write(lambda s: work.conclude(s, STAFF, vid, LAWFUL_AMENDED, D(2024, 10, 11), "所长", today=TODAY))
    sheet = _print(station_db, "legality.village", vid, tmp_path)
    assert "村规民约审查意见" in sheet and "设定罚款" in sheet and "歧视外嫁女" in sheet
