"""The query side of ledgers (台账): ids for a filter and sort, then rows fetched a page at a time.

A ledger holds only the ordered ids of what matches (cheap even at 100,000 rows) and asks
for the rows it is about to paint, so opening, scrolling and sorting stay fast. Access scope
is applied here, so a ledger never shows rows its user may not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from sqlalchemy import literal_column, select
from sqlmodel import Session

from sfs_desktop.core.codes import CodeTable
from sfs_desktop.core.fields import FieldSpec, code_text, specs
from sfs_desktop.core.security.access import Principal, scoped
from sfs_desktop.core.security.masking import display_value
from sfs_desktop.core.station.models import AdminArea


REF_LABELS = {"admin_area": (AdminArea.code, AdminArea.name)}
"""How a REF field's stored key is shown: (key column, label column) of the referenced table.

A duty adds its own short reference lists (committees) when its models are imported; long
ones (persons) are not listed here and are typed or searched instead.
"""


LOOKUP_LABELS: dict[str, tuple[Any, Any]] = {}
"""Long reference lists (persons): never offered as a list, but a ledger shows the referenced
row's name for the rows on screen instead of its key."""


def pinyin_key(text: str) -> tuple:
    """Sort key in the order staff expect Chinese names in (by pinyin, then the characters)."""
    from pypinyin import lazy_pinyin  # late: its dictionaries cost start-up time

    return (" ".join(lazy_pinyin(text or "")), text or "")


def ref_choices(session: Session, ref: str) -> list[tuple[str, str]]:
    """(key, label) of every live row a REF field may point to, in pinyin order of the labels;
    empty when not a short list."""
    if ref not in REF_LABELS:
        return []
    key, label = REF_LABELS[ref]
    table = key.class_
    rows = [tuple(r) for r in session.execute(select(key, label).where(table.deleted == False))]  # noqa: E712
    return sorted(rows, key=lambda r: pinyin_key(r[1]))


@dataclass(frozen=True)
class LedgerQuery:
    sort: str | None = None
    descending: bool = False
    equals: dict[str, Any] = field(default_factory=dict)  # code-table filters: field → code
    date_field: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # contains, over the searchable S0/S1 fields
    within: dict[str, tuple] = field(default_factory=dict)  # field → allowed values ("open cases")


def columns(model: Any) -> list[FieldSpec]:
    return [s for s in specs(model) if s.list_column and s.widget.value != "hidden"]


def ids(session: Session, principal: Principal, model: Any, q: LedgerQuery = LedgerQuery()) -> list[str]:
    stmt = scoped(principal, select(model.id).where(model.deleted == False), model)  # noqa: E712
    for name, value in q.equals.items():
        stmt = stmt.where(getattr(model, name) == value)
    for name, values in q.within.items():
        stmt = stmt.where(getattr(model, name).in_(values))
    if q.date_field:
        col = getattr(model, q.date_field)
        if q.date_from:
            stmt = stmt.where(col >= q.date_from)
        if q.date_to:
            stmt = stmt.where(col <= q.date_to)
    if q.text.strip():
        searchable = [getattr(model, s.name) for s in specs(model) if s.searchable]
        if searchable:
            from sqlalchemy import or_

            stmt = stmt.where(or_(*[c.contains(q.text.strip()) for c in searchable]))
    key = _sort_key(model, q.sort) if q.sort else None
    if key is not None:
        stmt = stmt.order_by(key.desc() if q.descending else key.asc(), model.id)
    else:
        stmt = stmt.order_by(literal_column("rowid").desc())  # newest first, in storage order: no sort step
    return _column(session, stmt)


def _sort_key(model: Any, name: str) -> Any:
    """The column to sort by; a sensitive one only by what its mask shows (security.masking)."""
    from sfs_desktop.core.security.masking import sort_key

    spec = next((s for s in specs(model) if s.name == name), None)
    column = getattr(model, name)
    return column if spec is None else sort_key(spec, column)


def _column(session: Session, stmt) -> list:
    """The first column of `stmt`'s rows, straight from the driver.

    A ledger asks for up to 100,000 ids at each filter and sort; SQLAlchemy's per-row result
    handling costs as much again as SQLite's own work, so the compiled statement runs on the
    DBAPI cursor with its bound values processed as SQLAlchemy would.
    """
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    processors = compiled._bind_processors
    args = [processors[k](params[k]) if k in processors else params[k] for k in compiled.positiontup or ()]
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        return [row[0] for row in cursor.execute(compiled.string, args).fetchall()]
    finally:
        cursor.close()


def fetch(session: Session, model: Any, row_ids: Sequence[str], names: Sequence[str]) -> dict[str, list[str]]:
    """Display texts (masked where sensitive) of the given rows, keyed by id."""
    cols = [getattr(model, n) for n in names]
    by_spec = {s.name: s for s in specs(model)}
    code_names = {kind: dict(session.execute(select(CodeTable.code, CodeTable.name).where(CodeTable.kind == kind)).all())
                  for kind in {by_spec[n].code_table for n in names if by_spec[n].code_table}}
    ref_names = {ref: dict(session.execute(select(*REF_LABELS[ref])).all())
                 for ref in {by_spec[n].ref for n in names if by_spec[n].ref in REF_LABELS}}
    looked_up = {by_spec[n].ref for n in names if by_spec[n].ref in LOOKUP_LABELS}
    if looked_up:  # the names of the referenced rows on screen (a mediator's 人员), not their keys
        ref_cols = [n for n in names if by_spec[n].ref in looked_up]
        keys: dict[str, set] = {ref: set() for ref in looked_up}
        for chunk_start in range(0, len(row_ids), 500):
            chunk = list(row_ids[chunk_start:chunk_start + 500])
            for row in session.execute(select(*[getattr(model, n) for n in ref_cols]).where(model.id.in_(chunk))):
                for n, v in zip(ref_cols, row):
                    if v is not None:
                        keys[by_spec[n].ref].add(v)
        for ref in looked_up:
            key, label = LOOKUP_LABELS[ref]
            ref_names[ref] = dict(session.execute(select(key, label).where(key.in_(list(keys[ref])))).all()) \
                if keys[ref] else {}

    def text(name: str, value: Any) -> str:
        spec = by_spec[name]
        if value is not None and spec.code_table:
            return code_text(spec, value, lambda c: code_names[spec.code_table].get(c, c))
        if value is not None and spec.ref in ref_names:
            return ref_names[spec.ref].get(value, str(value))
        return display_value(spec, value)

    out: dict[str, list[str]] = {}
    for chunk_start in range(0, len(row_ids), 500):
        chunk = list(row_ids[chunk_start:chunk_start + 500])
        for row in session.execute(select(model.id, *cols).where(model.id.in_(chunk))):
            out[row[0]] = [text(n, v) for n, v in zip(names, row[1:])]
    return out


def title(model: Any) -> str:
    """The ledger's declared title (a duty's manifest ``ledgers``, core/duties.py)."""
    from sfs_desktop.core import duties

    return duties.ledger_titles().get(model.__tablename__, model.__tablename__)


_TYPED = {"int": "count", "money": "amount", "date": "date"}


def sheet(session: Session, who: Principal, model: Any, q: LedgerQuery = LedgerQuery(),
          names: Sequence[str] | None = None, heading: str | None = None):
    """What the ledger shows for `q` (the same rows, order, scope and masking), as a sheet:
    the declared labels over the columns, figures and dates typed, masked values as shown.
    A sheet is made to leave the program: each locked row in it (a juvenile's) is an audited access."""
    from decimal import Decimal, InvalidOperation

    from sfs_desktop.core.reports.tables import Column, Kind, Sheet
    from sfs_desktop.core.security import audit
    from sfs_desktop.core.security.access import locked_ids

    cols = columns(model) if names is None else [c for c in specs(model)  # named: a form-only field too (a checklist)
                                                 if c.name in names and c.widget.value != "hidden"]
    row_ids = ids(session, who, model, q)
    for row_id in locked_ids(session, model, row_ids):
        audit.record_read(session, who.username, "view_juvenile", model.__tablename__, row_id, "export")
    shown = fetch(session, model, row_ids, [c.name for c in cols])
    kinds = [Kind(_TYPED[c.widget.value]) if c.widget.value in _TYPED and not c.code_table and not c.ref
             else Kind.TEXT for c in cols]

    def typed(text: str, kind: Kind) -> Any:
        if kind is Kind.TEXT:
            return text
        if not text:
            return None
        try:
            if kind is Kind.COUNT:
                return int(text)
            if kind is Kind.AMOUNT:
                return Decimal(text.replace(",", ""))
            return date.fromisoformat(text)
        except (ValueError, InvalidOperation):
            return text  # shown as it is (a masked or odd value stays text)

    rows = [[typed(t, k) for t, k in zip(shown[i], kinds)] for i in row_ids if i in shown]
    return Sheet(heading or title(model), [Column(c.label, k, width=max(10, min(30, 2 * len(c.label) + 4)))
                                            for c, k in zip(cols, kinds)], rows, frozen_columns=1,
                 meta={"table": model.__tablename__, "rows_total": len(rows)}, blank="")


def export(session: Session, who: Principal, model: Any, out, q: LedgerQuery = LedgerQuery(),
           names: Sequence[str] | None = None):
    """The ledger with its filters applied, to xlsx or JSON: the 导出 permission and an audit entry
    (core.reports.export.export_sheet), rows limited to what `who` may read, sensitive values masked."""
    from pathlib import Path

    from sfs_desktop.core.reports.export import export_sheet
    from sfs_desktop.core.security.access import require

    require(who, "export")  # refused before any row is read
    return export_sheet(session, who, sheet(session, who, model, q, names), Path(out))
