"""The two lists a station brings from its spreadsheets: its staff roster and its villages.

Declared once here as :class:`~sfs_desktop.core.tabular_import.TableSpec`; the checks and saves
are the roster's and the areas' own (`staff.py`, `areas.py`), so an imported row meets exactly
the rules of the form. Staff are matched by ID number, else by name and birth date; villages by
their 区划代码.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from sfs_desktop.core import tabular_import as ti
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station import areas, staff
from sfs_desktop.core.station.models import AdminArea, Staff


def _staff_keys(v: dict) -> list[tuple[str, tuple]]:
    keys = [("身份证号相同", (v["id_number"],))] if v.get("id_number") else []
    if v.get("name") and v.get("birth_date") and not v.get("id_number"):
        keys.append(("姓名和出生日期相同", (v["name"], v["birth_date"])))
    return keys


STAFF = ti.TableSpec(
    key="staff", model=Staff, title="工作人员名册",
    columns=("name", "id_number", "gender", "birth_date", "post", "establishment", "education", "major",
             "legal_qualification", "qualification_no", "party_member", "hire_date", "phone", "active"),
    needed=("name",),
    clean=staff.clean,
    problems=lambda s, values, row_id: staff.problems(s, values, staff_id=row_id),
    find=lambda s, values: staff.find(s, values),
    save=lambda s, who, values, row_id: staff.save_staff(s, who, values, row_id),
    keys=_staff_keys,
    describe=lambda v: v.get("name") or "",
    aliases={"身份证号码": "id_number", "公民身份号码": "id_number", "职务": "post", "手机号": "phone",
             "手机号码": "phone", "电话": "phone", "参加工作时间": "hire_date", "是否在岗": "active",
             "法律职业资格证书编号": "qualification_no", "政治面貌为中共党员": "party_member"},
)

AREAS = ti.TableSpec(
    key="areas", model=AdminArea, title="村（社区）",
    columns=("code", "name", "level"),
    needed=("code", "name"),
    clean=areas.clean,
    problems=lambda s, values, row_id: areas.problems(s, values, area_id=row_id),
    find=lambda s, values: areas.find(s, values),
    save=lambda s, who, values, row_id: areas.save_area(s, who, values, row_id),
    keys=lambda v: [("区划代码相同", (v["code"],))] if v.get("code") else [],
    describe=lambda v: f"{v.get('code') or ''} {v.get('name') or ''}".strip(),
    aliases={"统计用区划代码": "code", "代码": "code", "村（社区）名称": "name", "村（社区）": "name",
             "村名": "name", "类型": "level"},
)

KINDS: dict[str, ti.TableSpec] = {"staff": STAFF, "areas": AREAS}
NOTES = {
    "staff": ("身份证号已填的，以身份证号认定同一人；未填的，以姓名加出生日期认定。再次导入同一文件不会重复登记，"
              "改过的内容会更新；空白单元格不会清除已有内容。",
              "填了身份证号的，出生日期和性别可以不填（由号码得出）；具有法律职业资格的须填资格证号。"),
    "areas": ("区划代码为 12 位统计用区划代码，须属于本乡镇；以区划代码认定同一村（社区），再次导入只会更新名称和层级。",),
}


def spec(kind: str | None, path: Path | None = None) -> ti.TableSpec:
    """The list named by `kind`, or (without one) the one whose necessary columns the file's header has."""
    if kind:
        if kind not in KINDS:
            raise UserError(f"不认识的名册类型“{kind}”：可选 {'、'.join(KINDS)}")
        return KINDS[kind]
    rows = ti.read_rows(path) if path is not None else []
    for candidate in (AREAS, STAFF):  # a village list has 区划代码; a roster does not
        try:
            ti.match_header(candidate, rows[0][1] if rows else [])
        except UserError:
            continue
        return candidate
    raise UserError("无法从表头判断是工作人员名册还是村（社区）名单：请用 --kind staff 或 --kind areas 指明")


def preview_file(db, who: Principal, kind: str, path: Path) -> ti.Preview:
    """What importing `path` would do (reads only; for a background thread)."""
    with db.read() as s:
        return ti.preview(s, who, KINDS[kind], Path(path))


def import_roster(s: Session, who: Principal, kind: str, path: Path, *, accept_valid: bool = False,
                  dry_run: bool = False) -> ti.Preview:
    """Check `path` again and apply it in this transaction (see tabular_import.import_file)."""
    return ti.import_file(s, who, spec(kind, Path(path)), Path(path), accept_valid=accept_valid, dry_run=dry_run)


def write_template(kind: str, out: Path) -> Path:
    """The blank xlsx for `kind`, with the shipped code tables' names as drop-downs."""
    chosen = spec(kind)
    return ti.write_template(chosen, out, ti.default_options(chosen), NOTES[chosen.key])
