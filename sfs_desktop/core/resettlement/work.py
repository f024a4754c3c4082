"""安置帮教 operations: every one takes the acting principal and refuses in core.

Reading or changing any resettlement row needs "s3.read" besides "record.read"/"record.write" (a
调解员 or an 只读 account is refused whatever screen it comes from); each person opened to read is
an audited S3 view. Values are checked against their declarations and code tables first, then
against §5.1's rules (`.rules`); a refusal is one Chinese sentence and nothing is written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import attachments, codes, params
from sfs_desktop.core.attachments import Attachment
from sfs_desktop.core.fields import Sensitivity
from sfs_desktop.core.db.synced import SyncedModel, live
from sfs_desktop.core import s3records
from sfs_desktop.core.s3records import open_record, require_s3
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.resettlement import rules
from sfs_desktop.core.resettlement.constants import (
    ACTIVE, AWAITING, CORRECTION, DIED, EXPIRED, LOST, MOVED, ON_REGISTER, REOFFENDED, SELF_REPORT)
from sfs_desktop.core.resettlement.models import (
    ReleasedPerson, RpCategoryChange, RpContact, RpLostContact, RpPrerelease, RpReoffence, RpResettlement,
    RpTeamMember)
from sfs_desktop.core.security.access import Principal, check_row
from sfs_desktop.core.sync.identity import require_station

STATUS = {AWAITING: "待衔接", ON_REGISTER: "在册", EXPIRED: "期满解除", DIED: "死亡", MOVED: "迁出",
          REOFFENDED: "重新犯罪收监", LOST: "失联"}
STEPS: dict[str, tuple[str, ...]] = {  # step → the statuses it applies in (the workspace greys the others)
    "receive": (AWAITING,), "contact": ACTIVE, "measure": ACTIVE, "team": (AWAITING, *ACTIVE),
    "category": ACTIVE, "lost": (ON_REGISTER,), "found": (LOST,), "reoffence": ACTIVE, "end": ACTIVE,
    "attach": (),
}
ENDINGS = (EXPIRED, DIED, MOVED)
WORK = "安置帮教的登记、衔接和帮教"  # what a county is told when it tries a station's step
RECEIVE_FIELDS = ("person_id", "handover_method", "handover_on", "handover_staff", "reported_on", "category", "risk")
"""What 衔接 may set (F-R2 and the category): the notice's own fields and the status are not its to change."""  # F-R7 (重新犯罪 and 失联 have steps of their own)


def period_years(s: Session) -> int:
    """R2: the county's period parameter (five years unless the province says otherwise)."""
    return params.get(s, "resettlement.period_years")




def status_refusal(status: str, statuses: tuple[str, ...]) -> str | None:
    """Why a step does not apply in `status` (None when it does): the refusal and the tooltip."""
    return s3records.status_refusal(status, statuses, STATUS)


def released(s: Session, who: Principal, row_id: str, *, write: bool = False, statuses: tuple[str, ...] = (),
             audited: bool = True) -> ReleasedPerson:
    """The released person, if `who` may read (or change) it; a read is an audited S3 view. Changes
    are the station's: the county reads (its office oversees) and hands notices over."""
    if write:
        require_station(s, WORK)
    return open_record(s, who, ReleasedPerson, row_id, missing="安置帮教对象不存在或已删除", names=STATUS,
                       write=write, statuses=statuses, audited=audited)


def _checked(s: Session, model: type[SyncedModel], values: dict[str, Any]) -> dict[str, Any]:
    return s3records.checked(s, model, values, None if model is ReleasedPerson else "person_id")


def _checked_change(s: Session, row: ReleasedPerson, values: dict[str, Any]) -> dict[str, Any]:
    """`values` changing `row`, checked with the row's other values (a partial form: 衔接)."""
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    codes.refuse_invalid(s, ReleasedPerson, {**row.model_dump(include=set(ReleasedPerson.model_fields)), **clean})
    return clean


_not_future = s3records.not_future


def _add(s: Session, model: type[SyncedModel], person_id: str, values: dict[str, Any]) -> Any:
    return s3records.add(s, model, {**values, "person_id": person_id})


# --- the release notice (F-R1) ------------------------------------------------------------------

def check_notice(s: Session, row: ReleasedPerson) -> None:
    """What a notice must satisfy beyond its declarations: a station's entry, or a notice the county
    hands over (the manifest names this check for 交办). It completes the assistance period (R2)
    when the row has none, so a notice entered here, handed over or received has the same one."""
    if row.report_by and row.report_by < row.release_date:
        raise UserError("衔接期限不能早于释放日期")
    if row.period_to is None:
        for name, value in notice_period(s, {"release_date": row.release_date}).items():
            setattr(row, name, value)
    if row.person_id:
        existing = s.exec(live(select(ReleasedPerson.id), ReleasedPerson).where(
            ReleasedPerson.person_id == row.person_id, ReleasedPerson.status.in_((AWAITING, *ACTIVE)),
            ReleasedPerson.id != row.id)).first()
        if existing:
            raise UserError(f"{row.name}已在册接受安置帮教，不能重复登记")


def notice_period(s: Session, values: dict[str, Any]) -> dict[str, Any]:
    """R2: the period from the release date and the county's period parameter (nothing until a
    release date is given); the 交办 dialog shows it as the county types."""
    release = values.get("release_date")
    if not isinstance(release, date):
        return {}
    return {"period_from": release, "period_to": rules.period_end(release, period_years(s))}


def register_notice(s: Session, who: Principal, values: dict[str, Any], *, today: date) -> ReleasedPerson:
    """登记 a 刑满释放人员通知书 received here (or a released person missing from the county's list):
    the person waits for 衔接; the assistance period is computed from the release date (R2)."""
    require_s3(who, True)
    require_station(s, WORK)
    values = _checked(s, ReleasedPerson, {**values, "status": AWAITING})
    _not_future(values.get("notice_received_on"), "收到通知书日期", today)
    row = ReleasedPerson(**values)
    check_notice(s, row)
    s.add(row)
    s.flush()
    return row


def receive(s: Session, who: Principal, row_id: str, values: dict[str, Any], *, today: date) -> ReleasedPerson:
    """衔接 (F-R2, R5, R6): the person of the registry linked, the method, day and staff; on the
    register from that day, category suggested by R7 and the pre-release list's entry matched."""
    row = released(s, who, row_id, write=True, statuses=STEPS["receive"])
    values = _checked_change(s, row, {k: v for k, v in values.items() if k in RECEIVE_FIELDS})
    person = s.get(Person, values.get("person_id") or row.person_id or "")
    if person is None or person.deleted:
        raise UserError("请从人员信息库选择安置帮教对象本人（人员不存在）")
    problems = rules.handover_problems(row.release_date, values.get("handover_method"), values.get("handover_on"),
                                       today, values.get("handover_staff"))
    reported = values.get("reported_on")
    if reported is not None and (reported < row.release_date or reported > today):
        problems.append("报到日期应在释放日期与今天之间")
    if problems:
        raise UserError("；".join(problems))
    for k, v in values.items():
        setattr(row, k, v)
    row.person_id, row.name = person.id, person.name
    check_notice(s, row)  # completes the period of a notice handed over before it was computed there
    if "category" not in values:
        row.category = rules.suggested_category(risk=row.risk, serious_offence=rules.serious_offence(row.offences))
    row.status = ON_REGISTER
    s.add(row)
    s.add(RpCategoryChange(person_id=row.id, changed_on=row.handover_on, category=row.category, risk=row.risk,
                           reason="衔接"))
    _match_list(s, row)
    s.flush()
    return row


def registry_person(s: Session, who: Principal, row_id: str, number: str | None = None) -> tuple[str, bool]:
    """衔接's person in the people registry, and whether it was made now: the person bearing the ID
    number (typed, else the notice's), else the one person of the notice's name and birth date,
    else a new person from the notice (name, gender, birth date, number). Several of that name and
    no number: refused, the number decides."""
    row = released(s, who, row_id, write=True, statuses=STEPS["receive"])
    number = (number or row.id_no or "").strip()
    if number:
        found = registry.find_by_id_number(s, number)
        if found is not None:
            return found.id, False
    else:
        same = registry.candidates(s, row.name, row.birth_date)
        if len(same) > 1:
            raise UserError(f"人员信息库中有 {len(same)} 名“{row.name}”，请写明本人的证件号码")
        if same:
            return same[0].id, False
    made = registry.register_person(s, who, {"name": row.name, "gender": row.gender, "birth_date": row.birth_date,
                                             "id_number": number or None})
    return made.id, True


def _match_list(s: Session, row: ReleasedPerson) -> None:
    """The pre-release list's entry of this person is found: by ID number, else by name and release day."""
    stmt = live(select(RpPrerelease), RpPrerelease).where(RpPrerelease.matched_id == None)  # noqa: E711
    stmt = stmt.where(RpPrerelease.id_no == row.id_no) if row.id_no else stmt.where(
        RpPrerelease.name == row.name, RpPrerelease.release_date == row.release_date)
    for entry in s.exec(stmt).all():
        entry.matched_id = row.id
        s.add(entry)


def change_category(s: Session, who: Principal, row_id: str, values: dict[str, Any]) -> RpCategoryChange:
    """R7, dynamic: a dated change with its reason; the person row holds the current values."""
    row = released(s, who, row_id, write=True, statuses=STEPS["category"])
    values = _checked(s, RpCategoryChange, values)
    if values["changed_on"] < (row.handover_on or row.release_date):
        raise UserError("调整日期不能早于衔接日期")
    row.category, row.risk = values["category"], values.get("risk") or row.risk
    s.add(row)
    return _add(s, RpCategoryChange, row.id, values)


def add_team_member(s: Session, who: Principal, row_id: str, values: dict[str, Any]) -> RpTeamMember:
    row = released(s, who, row_id, write=True, statuses=STEPS["team"])
    return _add(s, RpTeamMember, row.id, _checked(s, RpTeamMember, values))


def sign_agreement(s: Session, who: Principal, row_id: str, on: date, *, today: date) -> ReleasedPerson:
    """帮教协议 (F-R4): signed by a team of at least one member, not before release."""
    row = released(s, who, row_id, write=True, statuses=STEPS["team"])
    _not_future(on, "协议签订日期", today)
    if on < row.release_date:
        raise UserError("协议签订日期不能早于释放日期")
    members = s.exec(live(select(RpTeamMember.id), RpTeamMember).where(
        RpTeamMember.person_id == row.id, RpTeamMember.active == True)).first()  # noqa: E712
    if not members:
        raise UserError("请先组建帮教小组，再签订帮教协议")
    row.agreement_on = on
    s.add(row)
    return row


NOTICE_SCAN = "刑满释放人员通知书"


def attach_notice(s: Session, who: Principal, row_id: str, data: bytes, suffix: str, *, blob_root: Path):
    """The scan of the paper release notice (F-R1), kept encrypted with the person's record (S3)."""
    row = released(s, who, row_id, write=True, statuses=STEPS["attach"], audited=False)
    return attachments.attach(s, ReleasedPerson.__tablename__, row.id, NOTICE_SCAN, data, suffix,
                              blob_root=blob_root, sensitivity=int(Sensitivity.S3))


def notice_scans(s: Session, row_id: str) -> list[str]:
    """The scans kept for a person (file names, oldest first): read by a caller that opened the person."""
    return list(s.exec(live(select(Attachment.original_name), Attachment).where(
        Attachment.record_table == ReleasedPerson.__tablename__, Attachment.record_id == row_id)
        .order_by(Attachment.created_at)).all())


# --- the timeline's events ----------------------------------------------------------------------

def _event(s: Session, who: Principal, row_id: str, model: type[SyncedModel], step: str, day_field: str,
           values: dict[str, Any], today: date) -> Any:
    row = released(s, who, row_id, write=True, statuses=STEPS[step])
    values = _checked(s, model, values)
    day = values[day_field]
    _not_future(day, model.model_fields[day_field].title or "日期", today)
    start = row.handover_on or row.release_date
    if day < start:
        raise UserError(f"日期不能早于衔接日期（{start:%Y-%m-%d}）")
    return row, _add(s, model, row.id, values)


def record_contact(s: Session, who: Principal, row_id: str, values: dict[str, Any], *, today: date) -> RpContact:
    """走访, 谈话, 思想动态了解 (F-R5): the timeline's quick entries."""
    return _event(s, who, row_id, RpContact, "contact", "day", values, today)[1]


def add_measure(s: Session, who: Principal, row_id: str, values: dict[str, Any], *, today: date) -> RpResettlement:
    """安置帮扶 (R11, F-R6)."""
    return _event(s, who, row_id, RpResettlement, "measure", "day", values, today)[1]


def record_reoffence(s: Session, who: Principal, row_id: str, values: dict[str, Any], *, today: date) -> RpReoffence:
    """重新犯罪 within the period: off the register (重新犯罪收监) from that day."""
    row, out = _event(s, who, row_id, RpReoffence, "reoffence", "day", values, today)
    row.status, row.ended_on = REOFFENDED, out.day
    s.add(row)
    return out


def report_lost(s: Session, who: Principal, row_id: str, values: dict[str, Any], *, today: date) -> RpLostContact:
    row, out = _event(s, who, row_id, RpLostContact, "lost", "lost_on", {**values, "found_on": None}, today)
    row.status = LOST
    s.add(row)
    return out


def found(s: Session, who: Principal, row_id: str, on: date, *, today: date) -> ReleasedPerson:
    """The lost person is back: the open 失联 records are closed on `on`."""
    row = released(s, who, row_id, write=True, statuses=STEPS["found"])
    _not_future(on, "找到日期", today)
    for e in s.exec(live(select(RpLostContact), RpLostContact).where(
            RpLostContact.person_id == row.id, RpLostContact.found_on == None)).all():  # noqa: E711
        if on < e.lost_on:
            raise UserError(f"找到日期不能早于失联日期（{e.lost_on:%Y-%m-%d}）")
        e.found_on = on
        s.add(e)
    row.status = ON_REGISTER
    s.add(row)
    return row


def end(s: Session, who: Principal, row_id: str, status: str, on: date, summary: str, *,
        today: date) -> ReleasedPerson:
    """F-R7 帮教期满解除 (not before the period's last day), or death, or moving away."""
    row = released(s, who, row_id, write=True, statuses=STEPS["end"])
    if status not in ENDINGS:
        raise UserError("解除原因应为期满解除、死亡或迁出")
    _not_future(on, "解除日期", today)
    if status == EXPIRED and row.period_to and on < row.period_to:
        raise UserError(f"帮教期至 {row.period_to:%Y-%m-%d} 届满，届满前不能期满解除")
    if on < row.release_date:
        raise UserError("解除日期不能早于释放日期")
    if not (summary or "").strip():
        raise UserError("请填写帮教小结")
    row.status, row.ended_on, row.end_summary = status, on, summary.strip()
    s.add(row)
    return row


# --- the county's pre-release lists (R9) --------------------------------------------------------

def check_prerelease(_s: Session, row: RpPrerelease) -> None:
    """A list entry's month is written 2024-07 (the county's 交办 runs this too)."""
    _list_month(row.list_month)


def _list_month(month: str) -> None:
    if not rules.is_list_month(month):
        raise UserError(f"名单月份“{month}”格式不对，应写成 2024-07")


def _entry(s: Session, who: Principal, entry_id: str) -> RpPrerelease:
    require_s3(who, True)
    require_station(s, WORK)
    row = s.get(RpPrerelease, entry_id)
    if row is None or row.deleted:
        raise UserError("预释放名单中没有这个人")
    check_row(who, RpPrerelease, row, write=True)
    return row


def match(s: Session, who: Principal, entry_id: str, row_id: str) -> RpPrerelease:
    """The station found the listed person: the entry names the released person's record."""
    entry = _entry(s, who, entry_id)
    person = released(s, who, row_id, write=True)
    entry.matched_id = person.id
    s.add(entry)
    return entry


def record_steps(s: Session, who: Principal, entry_id: str, steps: str) -> RpPrerelease:
    """The steps taken to find a listed person not yet found (F-R8)."""
    entry = _entry(s, who, entry_id)
    if entry.matched_id:
        raise UserError(f"{entry.name}已衔接，无须再记录查找措施")
    if not (steps or "").strip():
        raise UserError("请填写查找措施")
    entry.steps = steps.strip()
    s.add(entry)
    return entry


def unmatched(s: Session, who: Principal, month: str | None = None) -> list[RpPrerelease]:
    """未衔接: listed persons not yet found (of one list month, or all)."""
    require_s3(who, False)
    stmt = live(select(RpPrerelease), RpPrerelease).where(RpPrerelease.matched_id == None)  # noqa: E711
    if month:
        stmt = stmt.where(RpPrerelease.list_month == month)
    return list(s.exec(stmt.order_by(RpPrerelease.list_month, RpPrerelease.release_date)).all())


def report_unmatched(s: Session, who: Principal, month: str, on: date, *, today: date) -> list[RpPrerelease]:
    """The monthly 未衔接人员上报 (F-R8): every unfound entry of `month` must say what was done."""
    require_s3(who, True)
    require_station(s, WORK)
    _list_month(month)
    _not_future(on, "上报日期", today)
    rows = unmatched(s, who, month)
    missing = [r.name for r in rows if not r.steps]
    if missing:
        raise UserError("上报前请填写查找措施：" + "、".join(missing))
    for r in rows:
        r.reported_on = on
        s.add(r)
    return rows


# --- handover from community correction (R8) ----------------------------------------------------

def from_correction(s: Session, subject: Any, release: Any) -> ReleasedPerson:
    """解除社区矫正 → 安置帮教 (R8): the released subject's record, linked to its correction history,
    on the register from the announcement; nothing typed twice. Called by correction's release step,
    which has checked the principal; a second call finds the record already made."""
    existing = s.exec(live(select(ReleasedPerson), ReleasedPerson).where(
        ReleasedPerson.correction_subject_id == subject.id)).first()
    if existing:
        return existing
    person = s.get(Person, subject.person_id)
    on = release.announced_on
    penalty = codes.code_name(s, "cc_type", subject.correction_type)
    row = ReleasedPerson(
        person_id=subject.person_id, name=subject.name, correction_subject_id=subject.id,
        gender=person.gender if person else None, birth_date=person.birth_date if person else None,
        offences=subject.crimes, sentence=penalty, release_date=on, release_type=CORRECTION,
        certificate_no=release.certificate_no, residence=subject.execution_address, area_code=subject.area_code,
        notice_received_on=release.handover_on, handover_method=SELF_REPORT, handover_on=on, reported_on=on,
        handover_staff=subject.officer, risk=subject.risk, health=subject.health, status=ON_REGISTER,
        category=rules.suggested_category(recidivist=subject.recidivist, three_no=subject.three_no, risk=subject.risk,
                                          serious_offence=rules.serious_offence(subject.crimes)),
        **notice_period(s, {"release_date": on}))
    s.add(row)
    s.flush()
    s.add(RpCategoryChange(person_id=row.id, changed_on=on, category=row.category, risk=row.risk,
                           reason="解除社区矫正移交"))
    return row
