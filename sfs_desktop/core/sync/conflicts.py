"""The conflict review queue: list, show side by side, resolve (sync-design.md §4.3).

Resolving is an ordinary, change-captured edit of the row with the chosen values; its version
dominates both conflicting versions, so the conflict closes on every node that receives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core.db.synced import synced_tables, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.fields import FieldSpec, Sensitivity, spec_of
from sfs_desktop.core.security.masking import display_value
from sfs_desktop.core.sync import entries
from sfs_desktop.core.sync.models import SyncConflict


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    a: Any
    b: Any
    shown: Any
    spec: FieldSpec | None = None  # the field's declaration (None for the tombstone flag)

    @property
    def sensitive(self) -> bool:
        return self.spec is not None and self.spec.sensitivity >= Sensitivity.S2

    def show(self, value: Any) -> str:
        """A version's value as lists and the command line show it: S2/S3 masked with the field's
        own mask, the one masking function every list uses (security.masking)."""
        if value is None or value == "":
            return "（空）"
        return display_value(self.spec, value) if self.spec is not None else str(value)


def open_conflicts(session: Session) -> list[SyncConflict]:
    return list(session.exec(select(SyncConflict).where(SyncConflict.status == "open")
                             .order_by(SyncConflict.created_at, SyncConflict.id)).all())


def find(session: Session, ident: str) -> SyncConflict:
    """By full id or a unique prefix of at least 6 characters (what the list shows)."""
    if len(ident) < 6:
        raise UserError("冲突编号至少输入前 6 位")
    rows = session.exec(select(SyncConflict).where(SyncConflict.id.startswith(ident))).all()
    if not rows:
        raise UserError(f"没有编号为 {ident} 的冲突")
    if len(rows) > 1:
        raise UserError(f"编号 {ident} 对应多条冲突，请多输入几位")
    return rows[0]


def label(table: str, name: str) -> str:
    model = synced_tables().get(table)
    if name == "deleted":
        return "已删除"
    try:
        return spec_of(model, name).label if model is not None else name
    except (KeyError, LookupError, AttributeError):
        return name


def diff(c: SyncConflict) -> list[FieldDiff]:
    """Field-level differences of the two versions (conflicting fields first)."""
    a, b = c.version_a.get("data", {}), c.version_b.get("data", {})
    chosen = a if c.chosen == "a" else b
    names = list(c.fields) + sorted(k for k in set(a) | set(b) if k not in c.fields and a.get(k) != b.get(k))
    model = synced_tables().get(c.table_name)
    return [FieldDiff(n, label(c.table_name, n), a.get(n), b.get(n), chosen.get(n), _spec(model, n)) for n in names]


def _spec(model, name: str) -> FieldSpec | None:
    try:
        return spec_of(model, name) if model is not None and name != "deleted" else None
    except (KeyError, LookupError, AttributeError):
        return None


def resolve(session: Session, ident: str, choice: dict[str, str] | str, principal: Principal) -> SyncConflict:
    """Keep version "a" or "b" for every conflicting field (a str), or per field ({name: "a"|"b"})."""
    require(principal, "import")  # a conflict came with an import; deciding it is part of importing
    c = find(session, ident)
    if c.status != "open":
        raise UserError("该冲突已处理，无需再处理")
    picks = {f: choice for f in c.fields} if isinstance(choice, str) else dict(choice)
    for f, side in picks.items():
        if f not in c.fields:
            raise UserError(f"字段 {f} 不在该冲突的争议字段中（争议字段：{'、'.join(c.fields)}）")
        if side not in ("a", "b"):
            raise UserError("请为每个争议字段选择 a（版本一）或 b（版本二）")
    missing = [f for f in c.fields if f not in picks]
    if missing:
        raise UserError(f"还有争议字段未选择：{'、'.join(label(c.table_name, f) for f in missing)}")
    model = synced_tables()[c.table_name]
    obj = session.get(model, c.row_id)
    if obj is None:
        raise UserError("冲突所涉及的记录已不存在")
    conv = entries.converters(model)
    for f, side in picks.items():
        raw = (c.version_a if side == "a" else c.version_b)["data"].get(f)
        value = conv[f](raw) if f in conv and raw is not None else raw
        setattr(obj, f, value)
    obj.in_conflict = False
    session.add(obj)
    c.status, c.resolved_at, c.resolved_by = "resolved", utcnow(), principal.username
    session.add(c)
    session.flush()
    return c
