"""The station's staff roster (工作人员名册): add, edit, take off duty, put back on duty.

Every value is checked against `Staff`'s field declarations first, then against the rules the
declarations cannot say alone: an ID number must agree with the birth date and sex given beside
it, a 法律职业资格 holder has a certificate number, nobody is hired before the age of 16 or in the
future. The importer (`roster_import`) calls the same :func:`problems`, so a row refused here is
refused there in the same words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes, idcheck
from sfs_desktop.core.db.synced import save_values
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.fields import Problem, is_empty, specs, validate
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.station.models import Staff

MALE, FEMALE = "1", "2"  # code table gender
MIN_HIRE_AGE = 16


def require_roster(who: Principal) -> None:
    """Changing the station's own registers (staff, villages): staff and the 所长, never a mediator."""
    require(who, "record.write")
    if who.role == "mediator":
        raise PermissionDenied("调解员不能修改本所的工作人员名册和村（社区）登记")


def clean(values: dict[str, Any]) -> dict[str, Any]:
    """Strings trimmed (empty → None), the ID number normalised, birth date and sex filled from it."""
    out = {k: (v.strip() or None if isinstance(v, str) else v) for k, v in values.items()}
    number = out.get("id_number")
    if number:
        result = idcheck.check_id_number(number)
        if result.ok:
            out["id_number"] = result.normalized
            out.setdefault("birth_date", None)
            out["birth_date"] = out["birth_date"] or result.birth_date
            out["gender"] = out.get("gender") or (MALE if result.sex == "男" else FEMALE)
    return out


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def problems(s: Session, values: dict[str, Any], *, staff_id: str | None = None,
             today: date | None = None) -> list[Problem]:
    """Every refusal of a complete (cleaned) set of values, each under its field."""
    today = today or date.today()
    out = [p for p in validate(Staff, values, lambda kind, code: codes.code_exists(s, kind, code)) if p.is_error]
    bad = {p.field for p in out}
    number, birth, hired = values.get("id_number"), values.get("birth_date"), values.get("hire_date")
    if number and "id_number" not in bad:
        result = idcheck.check_id_number(number)
        if birth and "birth_date" not in bad and result.birth_date != birth:
            out.append(Problem("birth_date", "“出生日期”与身份证号中的出生日期不一致"))
        sex = MALE if result.sex == "男" else FEMALE
        if values.get("gender") and "gender" not in bad and values["gender"] != sex:
            out.append(Problem("gender", "“性别”与身份证号不一致（第 17 位单数为男、双数为女）"))
    if values.get("legal_qualification") and is_empty(values.get("qualification_no")):
        out.append(Problem("qualification_no", "具有法律职业资格的，请填写“资格证号”"))
    if isinstance(hired, date) and "hire_date" not in bad:
        if hired > today:
            out.append(Problem("hire_date", "“入职日期”不能晚于今天"))
        elif isinstance(birth, date) and hired <= birth:
            out.append(Problem("hire_date", "“入职日期”应晚于出生日期"))
        elif isinstance(birth, date) and _age_on(birth, hired) < MIN_HIRE_AGE:
            out.append(Problem("hire_date", f"“入职日期”时未满 {MIN_HIRE_AGE} 周岁，请核对入职日期或出生日期"))
    if not out:
        same = find(s, values, exclude=staff_id)
        if same is not None:
            field = "id_number" if number and same.id_number == number else "name"
            out.append(Problem(field, f"名册中已有“{same.name}”（{'身份证号相同' if field == 'id_number' else '姓名和出生日期相同'}），"
                                      "请修改原记录"))
    return out


def find(s: Session, values: dict[str, Any], *, exclude: str | None = None) -> Staff | None:
    """The roster entry `values` describe, by natural key: the ID number, else name and birth date."""
    stmt = select(Staff).where(Staff.deleted == False)  # noqa: E712
    if exclude:
        stmt = stmt.where(Staff.id != exclude)
    if values.get("id_number"):
        same = s.exec(stmt.where(Staff.id_number == values["id_number"])).first()
        if same is not None:
            return same
    if values.get("name") and values.get("birth_date"):
        same = s.exec(stmt.where(Staff.name == values["name"], Staff.birth_date == values["birth_date"])).first()
        if same is not None and not (same.id_number and values.get("id_number")):
            return same  # two different ID numbers are two people, however alike otherwise
    return None


def _live(s: Session, staff_id: str) -> Staff:
    row = s.get(Staff, staff_id)
    if row is None or row.deleted:
        raise UserError("要修改的工作人员不存在或已删除")
    return row


def save_staff(s: Session, who: Principal, values: dict[str, Any], staff_id: str | None = None) -> Staff:
    """A new roster entry, or changes to one (values not given keep their stored value)."""
    require_roster(who)
    row = _live(s, staff_id) if staff_id else None
    current = {spec.name: getattr(row, spec.name) for spec in specs(Staff)} if row else {}
    merged = clean({**current, **values})
    found = problems(s, merged, staff_id=staff_id)
    if found:
        raise ValidationError(found)
    return save_values(s, Staff, row, merged)


def set_active(s: Session, who: Principal, staff_id: str, active: bool) -> Staff:
    """Take someone off duty (调离、退休 …) or back on: the entry stays, for the record and the checklist."""
    require_roster(who)
    row = _live(s, staff_id)
    if row.active == active:
        raise UserError(f"“{row.name}”已{'在岗' if active else '不在岗'}")
    row.active = active
    s.add(row)
    s.flush()
    return row
