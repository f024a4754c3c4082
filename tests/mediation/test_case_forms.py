"""F-M1 to F-M12 printed for one worked case, read back as a person would read them; the 卷宗 list."""

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import casefile, rules, work
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, MediationAgreement, MediationCase,
                                               MediationParty)
from sfs_desktop.core.people import registry
from sfs_desktop.core.printing.service import print_document
from tests.mediation.conftest import HEAD
from tests.printing import pdf

TODAY = date.today()
RECEIVED = TODAY - timedelta(days=12)
ID_A = "11010519491231002X"  # the GB 11643 worked example, not a person


@pytest.fixture
def worked_case(township):
    """A 邻里 case between 李春花 and 王大山 taken up, mediated, agreed and visited."""
    db, t = township

    def build(s):
        a = registry.register_person(s, SYSTEM, {"name": "李春花", "gender": "2", "id_number": ID_A, "phone": "13800001111",
                                         "residence_address": "竹山村三组", "occupation": "务农"})
        b = registry.register_person(s, SYSTEM, {"name": "王大山", "gender": "1", "birth_date": date(1968, 5, 1)})
        [cid] = insert_synced(s, MediationCase, [{
            "committee_id": t["village"], "dispute_type": "02", "summary": "双方因宅旁排水沟堵塞发生争执。",
            "request": "疏通排水沟\n赔偿菜地损失"}])
        insert_synced(s, MediationParty, [{"case_id": cid, "role": "01", "person_id": a.id},
                                          {"case_id": cid, "role": "02", "person_id": b.id}])
        return cid
    cid = db.write(build)
    db.write(lambda s: rules.accept(s, HEAD, cid, RECEIVED))
    db.write(lambda s: rules.start(s, HEAD, cid, t["mediators"][:2]))
    rec = db.write(lambda s: work.add_record(s, HEAD, cid, {
        "kind": "2", "held_on": RECEIVED + timedelta(days=2), "place": "竹山村村委会", "conducted_by": "甲一、乙二",
        "recorder": "乙二", "present": "李春花、王大山", "body": "李春花：水沟堵了淹了我的菜地。\n王大山：我愿意疏通。",
        "outcome": "达成协议"})).id
    inv = db.write(lambda s: work.add_record(s, HEAD, cid, {
        "kind": "1", "held_on": RECEIVED + timedelta(days=1), "place": "现场", "conducted_by": "甲一",
        "present": "邻居张某", "subject": "排水沟堵塞经过", "body": "问：你看到了什么？\n答：沟里全是泥。"})).id

    def agree(s):
        s.add(MediationAgreement(case_id=cid, facts="王大山堆放杂物致排水沟堵塞。",
                                 terms=[{"obligor": "王大山", "content": "于三日内疏通排水沟"},
                                        {"obligor": "王大山", "content": "赔偿李春花菜地损失", "amount": "800"}],
                                 manner="当场履行", mediator_signed=True, seal_affixed=True, signed_date=TODAY))
        for p in rules.parties(s, cid):
            p.signed = True
    db.write(agree)
    db.write(lambda s: rules.reach_agreement(s, HEAD, cid, TODAY, TODAY + timedelta(days=3)))
    visit = FollowUpVisit(case_id=cid, visit_date=TODAY, visitee="李春花", performance="01", satisfaction="01",
                          notes="排水沟已疏通，赔偿已付。")
    db.write(lambda s: rules.record_visit(s, HEAD, cid, visit))
    return db, t, {"case": cid, "record": rec, "investigation": inv, "visit": visit.id}


def print_form(db, form, ref, tmp_path):
    """Print and read back; with SFS_FORMS_OUT=DIR the PDFs are kept there (docs/forms previews)."""
    out = tmp_path / f"{form}.pdf"
    db.write(lambda s: print_document(s, SYSTEM, form, ref, out, blob_root=db.paths.attachments))
    pdf.assert_sound(out)
    if keep := os.environ.get("SFS_FORMS_OUT"):
        shutil.copyfile(out, Path(keep) / out.name)
    return pdf.flat(out)


EXPECTED = {  # form → (which record, what must be on the sheet)
    "mediation.cover": ("case", ["人民调解卷宗", "竹山村人民调解委员会", "李春花与王大山邻里纠纷", "甲一、乙二", "长期", "封底"]),
    "mediation.application": ("case", ["人民调解申请书", "李春花", "13800001111", "竹山村三组", "王大山", "岁",
                                       "1．疏通排水沟", "2．赔偿菜地损失", "自愿申请"]),
    "mediation.registration": ("case", ["人民调解受理登记表", "本委员会受理李春花与王大山之间的纠纷", "邻里",
                                        "由调委会填写"]),
    "mediation.notice": ("case", ["权利义务告知书", "李春花、王大山：", "不收取任何费用", "要求调解公开进行或者不公开进行",
                                  "如实陈述纠纷事实", "李春花（签名"]),
    "mediation.record": ("record", ["人民调解记录", "竹山村村委会", "水沟堵了淹了我的菜地", "我愿意疏通", "达成协议"]),
    "mediation.investigation": ("investigation", ["人民调解调查记录", "邻居张某", "排水沟堵塞经过", "沟里全是泥"]),
    "mediation.agreement": ("case", ["人民调解协议书", ID_A, "于三日内疏通排水沟", "本协议一式三份", "三十日内",
                                     "王大山（签名"]),
    "mediation.visit": ("visit", ["人民调解回访记录", "李春花与王大山邻里纠纷", "已履行", "满意", "排水沟已疏通"]),
    "mediation.closing": ("case", ["人民调解结案报告表", "竹山村人民调解委员会", "调解成功", "当事人申请",
                                   "李春花，竹山村三组，13800001111"]),
}


@pdf.needs_tools
def test_every_case_form_prints_what_the_case_holds(worked_case, tmp_path):
    db, _t, ids = worked_case
    with db.read() as s:
        case_no = s.get(MediationCase, ids["case"]).case_no
    for form, (which, expected) in EXPECTED.items():
        text = print_form(db, form, ids[which], tmp_path)
        numbered = form not in ("mediation.application", "mediation.notice")  # written before a number exists
        for piece in [*expected, *([case_no] if numbered else [])]:
            assert piece in text, (form, piece)
        assert "None" not in text, form
    with pytest.raises(UserError, match="书面协议"):
        print_form(db, "mediation.oral_agreement", ids["case"], tmp_path)
    with pytest.raises(UserError, match="不是调查记录"):
        print_form(db, "mediation.investigation", ids["record"], tmp_path)


@pdf.needs_tools
def test_contents_list_follows_what_was_printed_and_blocks_archiving(worked_case, tmp_path):
    db, _t, ids = worked_case
    cid = ids["case"]
    with db.read() as s:
        assert casefile.missing(s, s.get(MediationCase, cid)) == [
            "人民调解申请书", "人民调解当事人权利义务告知书", "当事人身份证明", "人民调解记录", "人民调解协议书", "封底"]
    text = print_form(db, "mediation.contents", cid, tmp_path)
    assert "卷内目录" in text and "1人民调解申请书尚缺" in text and "或人民调解受理登记表" not in text
    with pytest.raises(UserError, match="卷宗还缺：人民调解申请书"):
        db.write(lambda s: rules.archive(s, HEAD, cid, TODAY))
    for form in ("mediation.application", "mediation.notice", "mediation.agreement", "mediation.cover"):
        print_form(db, form, cid, tmp_path)
    print_form(db, "mediation.record", ids["record"], tmp_path)
    print_form(db, "mediation.investigation", ids["investigation"], tmp_path)
    db.write(lambda s: casefile.attach(s, SYSTEM, cid, "履行凭证", b"receipt", "jpg", blob_root=db.paths.attachments))
    with pytest.raises(UserError, match="卷宗还缺：当事人身份证明，"):  # 王大山 has no ID number on record
        db.write(lambda s: rules.archive(s, HEAD, cid, TODAY))
    db.write(lambda s: casefile.attach(s, SYSTEM, cid, "当事人身份证明", b"scan", ".pdf", blob_root=db.paths.attachments))
    with db.read() as s:
        entries = casefile.contents(s, s.get(MediationCase, cid))
    titles = [e.title for e in entries]
    assert titles == ["人民调解申请书", "人民调解当事人权利义务告知书", "当事人身份证明", "人民调解调查记录", "人民调解记录",
                      "人民调解协议书", "履行凭证", "人民调解回访记录", "封底"]
    assert all(e.present for e in entries)
    assert db.write(lambda s: rules.archive(s, HEAD, cid, TODAY)).status == "archived"


def test_attaching_refuses_unknown_titles_and_empty_scans(worked_case):
    db, _t, ids = worked_case
    with pytest.raises(UserError, match="不是卷宗目录中的文书名称"):
        db.write(lambda s: casefile.attach(s, SYSTEM, ids["case"], "身份证", b"x", ".jpg", blob_root=db.paths.attachments))
    with pytest.raises(UserError, match="空的"):
        db.write(lambda s: casefile.attach(s, SYSTEM, ids["case"], "证据材料", b"", ".jpg", blob_root=db.paths.attachments))


@pdf.needs_tools
def test_oral_agreement_prints_on_its_own_form(township, tmp_path):
    db, t = township
    from tests.mediation.conftest import new_case

    cid = new_case(db, t["village"], t["people"])
    db.write(lambda s: rules.accept(s, HEAD, cid, RECEIVED))
    db.write(lambda s: rules.start(s, HEAD, cid, t["mediators"][:1]))
    db.write(lambda s: s.add(MediationAgreement(case_id=cid, form="2", facts="口角。",
                                                terms=[{"content": "互相道歉"}])))
    db.write(lambda s: rules.reach_agreement(s, HEAD, cid, TODAY))
    text = print_form(db, "mediation.oral_agreement", cid, tmp_path)
    assert "人民调解口头协议登记表" in text and "一、互相道歉" in text and "甲一" in text
    with pytest.raises(UserError, match="口头协议"):
        print_form(db, "mediation.agreement", cid, tmp_path)


@pdf.needs_tools
def test_screening_turns_into_a_draft_case_once_and_prints(township, tmp_path):
    db, t = township
    sid = db.write(lambda s: work.add_screening(s, HEAD, {
        "screened_on": TODAY, "scope": "竹山村", "screened_by": "甲一", "found": "两户因山林界址争执",
        "found_count": 1, "risk_level": "1", "responsible": "甲一", "target_date": TODAY + timedelta(days=7)})).id
    case = db.write(lambda s: work.screening_to_case(s, HEAD, sid, t["village"], "05"))
    assert (case.status, case.source, case.summary, case.escalation_risk) == ("draft", "02", "两户因山林界址争执", True)
    with pytest.raises(UserError, match="已转为调解案件"):
        db.write(lambda s: work.screening_to_case(s, HEAD, sid, t["village"], "05"))
    text = print_form(db, "mediation.screening", sid, tmp_path)
    assert "矛盾纠纷排查登记表" in text and "两户因山林界址争执" in text and "红色（高）" in text
    assert "已转为调解案件" in text
    text = print_form(db, "mediation.screening_ledger", str(TODAY.year), tmp_path)
    assert "矛盾纠纷排查台账" in text and "竹山村" in text
    with pytest.raises(UserError, match="请指定年份"):
        print_form(db, "mediation.screening_ledger", "去年", tmp_path)


@pytest.mark.parametrize("values, message", [
    ({"screened_on": TODAY + timedelta(days=1), "scope": "竹山村"}, "“排查日期”不能晚于今天"),
    ({"screened_on": TODAY, "scope": ""}, "“排查范围”必须填写"),
    ({"screened_on": TODAY, "scope": "竹山村", "target_date": TODAY - timedelta(days=1)}, "限期不能早于排查日期"),
    ({"screened_on": TODAY, "scope": "竹山村", "risk_level": "9"}, "不在代码表中"),
])
def test_bad_screening_is_refused_and_nothing_saved(township, values, message):
    db, _t = township
    with pytest.raises(UserError, match=message):
        db.write(lambda s: work.add_screening(s, HEAD, values))
    with db.read() as s:
        assert s.exec(select(DisputeScreening)).first() is None


def test_records_guidance_and_training_refuse_bad_input(township):
    db, t = township
    from tests.mediation.conftest import new_case

    cid = new_case(db, t["village"], t["people"])
    rec = {"kind": "2", "held_on": TODAY, "place": "村委会", "conducted_by": "甲一", "body": "记录"}
    with pytest.raises(UserError, match="登记草稿"):
        db.write(lambda s: work.add_record(s, HEAD, cid, rec))
    db.write(lambda s: rules.accept(s, HEAD, cid, RECEIVED))
    with pytest.raises(UserError, match="早于受理日期"):
        db.write(lambda s: work.add_record(s, HEAD, cid, {**rec, "held_on": RECEIVED - timedelta(days=1)}))
    with pytest.raises(UserError, match="“时间”不能晚于今天"):
        db.write(lambda s: work.add_record(s, HEAD, cid, {**rec, "held_on": TODAY + timedelta(days=1)}))
    with pytest.raises(UserError, match="“记录内容”必须填写"):
        db.write(lambda s: work.add_record(s, HEAD, cid, {**rec, "body": " "}))
    with pytest.raises(UserError, match="“指导日期”不能晚于今天"):
        db.write(lambda s: work.add_guidance(s, HEAD, {"guided_on": TODAY + timedelta(days=2),
                                                       "committee_id": t["village"], "form": "实地指导"}))
    g = db.write(lambda s: work.add_guidance(s, HEAD, {"guided_on": TODAY, "committee_id": t["village"],
                                                       "form": "实地指导", "problems": "卷宗不全"}))
    assert g.problems == "卷宗不全"
    training = {"held_on": TODAY, "topic": "婚姻家庭纠纷调解技巧", "hours": 4}
    with pytest.raises(UserError, match="至少选择一名"):
        db.write(lambda s: work.add_training(s, HEAD, training, []))
    with pytest.raises(UserError, match="不在调解员名册上"):
        db.write(lambda s: work.add_training(s, HEAD, training, ["nobody"]))
    with pytest.raises(UserError, match="学时"):
        db.write(lambda s: work.add_training(s, HEAD, {**training, "hours": 0}, t["mediators"][:1]))
    db.write(lambda s: work.add_training(s, HEAD, training, t["mediators"][:2]))
    db.write(lambda s: work.add_training(s, HEAD, {**training, "hours": 2}, t["mediators"][:1]))
    with db.read() as s:
        assert work.training_hours(s, TODAY.year) == {t["mediators"][0]: 6, t["mediators"][1]: 4}


@pdf.needs_tools
def test_contents_page_numbers_come_from_the_print_log(worked_case, tmp_path):
    """页号 runs through the volume from the pages each document printed; 备注 holds facts only."""
    db, _t, ids = worked_case
    cid = ids["case"]
    for form in ("mediation.registration", "mediation.notice", "mediation.agreement", "mediation.cover"):
        print_form(db, form, cid, tmp_path)
    print_form(db, "mediation.record", ids["record"], tmp_path)
    from sfs_desktop.core.mediation.documents import contents_items
    with db.read() as s:
        items = {i["title"]: i for i in contents_items(s, s.get(MediationCase, cid))}
    # the registration form was filed instead of the application: the list names what is in the file
    assert items["人民调解受理登记表"]["pages"] == "1" and items["人民调解受理登记表"]["note"] == ""
    assert items["人民调解当事人权利义务告知书"]["pages"].startswith("2")
    assert items["当事人身份证明"]["note"] == "尚缺"  # 王大山 has no ID number
    assert items["人民调解记录"]["pages"] and items["人民调解协议书"]["pages"]
    assert items["封底"]["pages"]
    assert not any("或" in i["note"] or "随" in i["note"] for i in items.values())
    text = print_form(db, "mediation.contents", cid, tmp_path)
    assert "人民调解受理登记表1" in text


def test_registration_ticks_the_real_source_and_closing_is_dated_when_closed(worked_case, tmp_path):
    db, _t, ids = worked_case
    cid = ids["case"]
    closed = RECEIVED + timedelta(days=5)

    def police(s):
        case = s.get(MediationCase, cid)
        case.source, case.closed_date = "04", closed
        s.add(case)
    db.write(police)
    from sfs_desktop.core.mediation.documents import closing_context, registration_context
    with db.read() as s:
        reg = registration_context(s, cid).context
        closing = closing_context(s, cid).context
    assert reg["source"] == "公安移交" and reg["remarks"] == ""
    from sfs_desktop.core.mediation.forms import REGISTRATION
    assert "公安移交" in [c.options for c in REGISTRATION.sections[2].rows[1]][0]
    assert closing["filled_on"] == closed != TODAY


def test_cover_names_the_filer_as_a_person_not_the_login(worked_case, tmp_path):
    from sfs_desktop.core.db.synced import acting_as
    from sfs_desktop.core.mediation.documents import cover_context
    from sfs_desktop.core.security.accounts import Account
    from sfs_desktop.core.station.models import Staff
    db, _t, ids = worked_case

    def staff(s):
        insert_synced(s, Staff, [{"name": "郭凤艳", "gender": "2", "post": "01", "active": True}])
    db.write(staff)
    with db.read() as s:
        head = s.exec(select(Account).where(Account.role == "head")).first()
    assert head.display_name in ("", head.username)  # set up from the command line: no person's name
    with acting_as(head.username), db.read() as s:
        assert cover_context(s, ids["case"]).context["filed_by"] == "郭凤艳"
