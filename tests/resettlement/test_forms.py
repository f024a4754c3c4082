"""The 安置帮教 forms F-R2 to F-R8 print from the stored records through the print service (issue 17):
each in Chinese with its values, the ID number only where the form asks for it, refused without S3."""

from datetime import date

import pytest

from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.printing import all_templates
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.models import RpPrerelease
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.security.access import Principal
from tests.conftest import ADMIN
from tests.printing import pdf
from tests.resettlement.test_work import STAFF, TODAY, _received

ID_NO = "430922198803010012"
EXPECTED = {
    "resettlement.handover": ["刑满释放人员衔接登记表", "测试乙", "自行报到", "按期衔接"],
    "resettlement.basic": ["安置帮教对象基本情况登记表", "盗窃罪", "2029年5月20日", ID_NO],
    "resettlement.team": ["帮教小组名单及帮教协议书", "村干部甲", "村（居）干部"],
    "resettlement.contact": ["走访（谈话）记录", "走访", "家中谈心"],
    "resettlement.measures": ["安置帮扶情况登记表", "技能培训", "县人社局"],
    "resettlement.ending": ["帮教期满解除登记表", "测试乙"],
    "resettlement.unmatched": ["未衔接刑满释放人员上报表", "测试戊", "联系家属"],
    "resettlement.half_year": ["安置帮教工作半年报", "上半年", "衔接率", "应衔接人数", "100.0%"],
    "resettlement.annual": ["安置帮教工作年报", "必接必送率", "帮教率", "安置率", "重新犯罪率"],
}
PERIODS = {"resettlement.half_year": "2024-H1", "resettlement.annual": "2024"}  # a report's ref is its period


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from tests.conftest import init_dir, open_dir

    root = tmp_path_factory.mktemp("rp-forms")
    paths, _ = init_dir(root / "station")
    with open_dir(paths) as db, acting_as(ADMIN):
        rid = _received(db, id_no=ID_NO)
        w = db.write
        w(lambda s: work.add_team_member(s, STAFF, rid, {"name": "村干部甲", "role": "02", "duties": "定期走访"}))
        contact = w(lambda s: work.record_contact(s, STAFF, rid, {"kind": "visit", "day": date(2024, 5, 25),
                                                                  "place": "家中", "content": "家中谈心，情绪稳定"},
                                                  today=TODAY).id)
        w(lambda s: work.add_measure(s, STAFF, rid, {"kind": "09", "day": date(2024, 5, 28), "provider": "县人社局"},
                                     today=TODAY))
        [entry] = w(lambda s: insert_synced(s, RpPrerelease, [{"list_month": "2024-05", "name": "测试戊",
                                                               "release_date": date(2024, 5, 25),
                                                               "steps": "走访户籍地，联系家属"}]))
        refs = {f: rid for f in EXPECTED} | {"resettlement.contact": contact, "resettlement.unmatched": entry} | PERIODS
        out = {f: w(lambda s: print_document(s, STAFF, f, ref, root / f"{f}.pdf", blob_root=db.paths.attachments))
               for f, ref in refs.items()}
        yield db, refs, out


def test_every_resettlement_template_is_declared_and_printed(printed):
    ids = {tid for tid, _ in all_templates() if tid.startswith("resettlement.")}
    assert ids == set(EXPECTED) == set(printed[2])


@pdf.needs_tools
@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_each_form_reads_back_in_chinese(printed, form):
    text = pdf.flat(printed[2][form].path)
    for phrase in EXPECTED[form]:
        assert phrase in text, (form, phrase)
    assert "None" not in text


@pdf.needs_tools
def test_the_id_number_prints_only_on_the_basic_form(printed):
    out = printed[2]
    assert {f for f in out if ID_NO in pdf.flat(out[f].path)} == {"resettlement.basic"}


def test_a_mediator_cannot_print_a_resettlement_form(printed):
    db, refs, _ = printed
    mediator = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
    for form in ("resettlement.handover", "resettlement.unmatched"):
        with pytest.raises(PermissionDenied):
            db.write(lambda s: print_document(s, mediator, form, refs[form], None, blob_root=db.paths.attachments))
