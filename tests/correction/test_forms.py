"""F-C1 to F-C15 printed through the print service from generated data and read back with pdftotext;
the 外出审批表/外出证明 numbers, the approver line of a 9-day leave, refusals for accounts that may not
print criminal-record data, and the 工作档案 contents list (issue 16)."""

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from sfs_desktop.core.correction import forms
from sfs_desktop.core.correction.models import CcLeave
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.printing import all_templates
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.security.audit import AuditLog
from tests.conftest import ADMIN
from tests.correction.worked import HEAD, STAFF, delegate_release_certificate, worked
from tests.printing import pdf

MEDIATOR = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
INSPECTOR = Principal("i1", "inspector", "只读")
EXPECTED = {  # what each form must say, as a person reads it
    "correction.intake": ["社区矫正对象基本信息表", "家庭成员及主要社会关系", "王秀英", "矫正期限"],
    "correction.report_in": ["报到情况登记表", "应报到日期", "社区矫正法第二十一条"],
    "correction.announcement": ["社区矫正宣告书", "宣告缓刑", "缓刑考验期满，原判的刑罚就不再执行", "依法享有的权利"],
    "correction.undertaking": ["社区矫正对象保证书", "我保证做到", "禁止令"],
    "correction.team": ["矫正小组成员名单及协议书", "村（居）民委员会人员", "保护社区矫正对象的身份信息"],
    "correction.plan": ["社区矫正方案", "监督管理措施", "教育矫正和帮扶措施"],
    "correction.leave_application": ["社区矫正对象外出审批表", "到广东省东莞市应聘务工并试工", "县级社区矫正机构（外出超过七日",
                                     "司法所意见", "上一级社区矫正机构意见"],
    "correction.leave_permit": ["社区矫正对象外出证明", "湖南省长沙市开福区", "共5日", "特此证明"],
    "correction.talk": ["个别谈话（教育）记录", "在镇上的砖厂做搬运", "谈话人"],
    "correction.visit": ["走访（实地查访）记录", "其母亲反映其近期表现稳定", "保护社区矫正对象的身份信息和个人隐私"],
    "correction.violation": ["违规情况调查核实及提请审核表", "未按通知参加当月集中教育学习", "建议给予训诫",
                             "县级社区矫正机构决定"],
    "correction.appraisal": ["个人总结及解除矫正鉴定表", "表扬0次，训诫0次，警告0次", "表现良好"],
    "correction.release_announcement": ["解除社区矫正宣告书", "缓刑考验期满，原刑罚不再执行".replace("原刑罚", "原判刑罚"),
                                        "第四十四条"],
    "correction.release_certificate": ["解除社区矫正证明书", "特此证明", "抄送"],
    "correction.file_contents": ["社区矫正工作档案卷内目录", "法律文书", "社区矫正对象外出证明"],
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every correction form printed once by a staff account, in the order a file grows."""
    from tests.conftest import init_dir, open_dir

    root = tmp_path_factory.mktemp("cc-forms")
    paths, _ = init_dir(root / "station")
    with open_dir(paths) as db, acting_as(ADMIN):
        refs = worked(db)
        delegate_release_certificate(db)
        out = {}
        for form, ref in refs.items():
            target = root / f"{form}.pdf"
            out[form] = db.write(lambda s: print_document(s, STAFF, form, ref, target, blob_root=db.paths.attachments))
        yield db, refs, out


def test_every_correction_template_is_declared_and_printed(printed):
    _db, _refs, out = printed
    ids = {tid for tid, _ in all_templates() if tid.startswith("correction.")}
    assert ids == {t.id for t in forms.ALL} == set(EXPECTED) == set(out)


@pdf.needs_tools
@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_each_form_reads_back_in_chinese(printed, form):
    _db, _refs, out = printed
    text = pdf.flat(out[form].path)
    for phrase in EXPECTED[form]:
        assert phrase in text, (form, phrase)
    assert "None" not in text and "□" not in text
    fonts = pdf._run("pdffonts", str(out[form].path))
    assert "Helvetica" not in fonts  # every glyph from the embedded CJK font


@pdf.needs_tools
def test_identity_numbers_print_only_on_the_forms_that_declare_them(printed):
    db, refs, out = printed
    from sfs_desktop.core.correction.models import CorrectionSubject
    from sfs_desktop.core.people.models import Person

    with db.read() as s:
        number = s.get(Person, s.get(CorrectionSubject, refs["correction.intake"]).person_id).id_number
    assert number
    with_id = {f for f in out if number in pdf.flat(out[f].path)}
    assert with_id == {"correction.intake", "correction.leave_application", "correction.leave_permit"}


def test_leave_forms_are_numbered_and_the_permit_bears_the_number_given_on_approval(printed):
    db, refs, out = printed
    with db.read() as s:
        permit_no = s.get(CcLeave, refs["correction.leave_permit"]).certificate_no
    assert out["correction.leave_permit"].serial == permit_no
    assert "矫外字第" in permit_no and permit_no.startswith(f"（{date.today().year}）桃灰")
    assert "矫外审字第1号" in out["correction.leave_application"].serial
    assert permit_no.replace("（", "(").replace("）", ")") in pdf.flat(out["correction.leave_permit"].path).replace(
        "（", "(").replace("）", ")")
    again = db.write(lambda s: print_document(s, STAFF, "correction.leave_application", refs["correction.leave_application"],
                                              None, blob_root=db.paths.attachments))
    assert again.reprint and again.serial == out["correction.leave_application"].serial  # one number for life


def test_a_nine_day_leave_names_the_county_on_the_form_and_a_pending_one_has_no_permit(printed):
    db, refs, out = printed
    with db.read() as s:
        leave = s.get(CcLeave, refs["correction.leave_application"])
    assert leave.days == 9
    text = pdf.flat(out["correction.leave_application"].path)
    assert "审批机关县级社区矫正机构（外出超过七日（或未委托司法所审批），由县级社区矫正机构审批）" in text
    with pytest.raises(UserError, match="尚未批准"):
        db.write(lambda s: print_document(s, STAFF, "correction.leave_permit", leave.id, None,
                                          blob_root=db.paths.attachments))


def test_a_mediator_or_inspector_is_refused_in_core_and_nothing_is_logged(printed):
    db, refs, _out = printed
    with db.read() as s:
        before = len(s.exec(select(PrintLog)).all())
    for who in (MEDIATOR, INSPECTOR):
        for form in ("correction.intake", "correction.leave_application", "correction.talk"):
            with pytest.raises(PermissionDenied):
                db.write(lambda s: print_document(s, who, form, refs[form], None, blob_root=db.paths.attachments))
    with db.read() as s:
        assert len(s.exec(select(PrintLog)).all()) == before


def test_every_print_is_logged_audited_and_kept_encrypted(printed):
    db, refs, out = printed
    with db.read() as s:
        logs = s.exec(select(PrintLog).where(PrintLog.form_id.startswith("correction."))).all()
        audited = s.exec(select(AuditLog.fields).where(AuditLog.action == "print")).all()
    assert {log.form_id for log in logs} == set(EXPECTED)
    assert set(audited) >= set(EXPECTED)
    blobs = [p for p in Path(db.paths.attachments).rglob("*") if p.is_file()]
    assert blobs and not any(p.read_bytes().startswith(b"%PDF") for p in blobs)  # no clear PDF in the data dir
    assert not any("社区矫正" in p.name or p.suffix == ".pdf" for p in blobs)


def test_the_release_certificate_is_the_countys_unless_it_delegated(station_db):
    refs = None
    with acting_as(ADMIN):
        refs = worked(station_db, scale=60)
        with pytest.raises(UserError, match="县级社区矫正机构出具"):
            station_db.write(lambda s: print_document(s, HEAD, "correction.release_certificate",
                                                      refs["correction.release_certificate"], None,
                                                      blob_root=station_db.paths.attachments))


def test_the_work_file_lists_what_was_printed_and_what_is_missing(printed):
    db, refs, _out = printed
    from sfs_desktop.core.correction import workfile
    from sfs_desktop.core.correction.models import CorrectionSubject

    with db.read() as s:
        c = s.get(CorrectionSubject, refs["correction.file_contents"])
        rows = {r["title"]: r for r in workfile.items(s, c)}
        assert workfile.missing(s, c) == []
    assert rows["社区矫正对象外出审批表"]["pages"] and rows["法律文书"]["note"] == ""
    assert "社区矫正对象个人总结及解除矫正鉴定表" in rows  # printed, so listed though not yet required


def test_bad_references_are_refused_in_chinese(printed):
    db, refs, _out = printed
    with pytest.raises(UserError, match="找不到社区矫正对象"):
        db.write(lambda s: print_document(s, STAFF, "correction.intake", "no-such-id", None,
                                          blob_root=db.paths.attachments))
    with pytest.raises(UserError, match="不是个别谈话"):
        db.write(lambda s: print_document(s, STAFF, "correction.talk", refs["correction.visit"], None,
                                          blob_root=db.paths.attachments))
    with pytest.raises(UserError, match="请指定"):
        db.write(lambda s: print_document(s, STAFF, "correction.leave_permit", None, None,
                                          blob_root=db.paths.attachments))


def test_announcement_wording_follows_the_correction_type():
    from sfs_desktop.core.correction.constants import CONTROL, PAROLE, PROBATION, TEMP_EXEC
    from sfs_desktop.core.correction.documents import rules_for

    assert forms.RELEASE_STATEMENTS[PAROLE] == "假释考验期满，认为原判刑罚已经执行完毕。"
    assert "管制期满" in forms.RELEASE_STATEMENTS[CONTROL] and "刑期届满" in forms.RELEASE_STATEMENTS[TEMP_EXEC]
    assert any("言论、出版" in r for r in rules_for(CONTROL)) and not any("言论" in r for r in rules_for(PROBATION))
    assert any("病情复查" in r for r in rules_for(TEMP_EXEC))
    assert set(forms.CONSEQUENCES) == set(forms.SENTENCES) == set(forms.DOCUMENTS) == {CONTROL, PROBATION, PAROLE,
                                                                                         TEMP_EXEC}
