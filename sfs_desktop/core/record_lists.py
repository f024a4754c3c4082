"""A duty's records as the command line shows and names them, for every S3 duty alike (社区矫正,
安置帮教): the ledger's own sheet (its columns, scope, order and masking, core.ledger), a record
named the way a person types it (its id, the first characters the list shows, or a name only one
record bears), and one record's declared fields in words.

Callers check the principal first (the S3 right; an audited view for one record), as their duty
requires; the queries here are scoped to what the principal may read.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, select

from sfs_desktop.core import codes, ledger
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import Sensitivity, spec_of, specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal, scoped
from sfs_desktop.core.security.masking import display_value

SHORT_ID = 8  # how many characters of an id the list shows (and a person may type)


def ledger_rows(s: Session, who: Principal, model: Any) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The model's ledger as the GUI shows it: the column labels and (id, texts) per record."""
    columns = ledger.columns(model)
    row_ids = ledger.ids(s, who, model)
    shown = ledger.fetch(s, model, row_ids, [c.name for c in columns])
    return [c.label for c in columns], [(i, shown[i]) for i in row_ids if i in shown]


def find_id(s: Session, who: Principal, model: Any, text: str, *, noun: str, listing: str) -> str:
    """The id of the record `text` names (an id, its first characters, or a name borne by one);
    `noun` names the kind in the refusal, `listing` the command that shows the ids."""
    text = (text or "").strip()
    if not text:
        raise UserError(f"请指明{noun}（编号或姓名）")
    stmt = scoped(who, live(select(model.id), model), model)
    found = list(s.exec(stmt.where(model.id == text)).all())
    if not found and len(text) >= 4:
        found = list(s.exec(stmt.where(or_(model.id.startswith(text), model.name == text))).all())
    elif not found:
        found = list(s.exec(stmt.where(model.name == text)).all())
    if not found:
        raise UserError(f"没有{noun}“{text}”（用 {listing} 查看编号）")
    if len(found) > 1:
        raise UserError(f"“{text}”对应 {len(found)} 名{noun}，请改用编号（{listing} 的第一列）")
    return found[0]


def by_id(s: Session, stmt: Any, model: Any, text: str, *, missing: str, many: str) -> str:
    """The one id of `stmt`'s records (a scoped select of the model's id) that `text` is, or begins
    with (four characters at least); `missing` and `many` (with {n}) say why not."""
    text = (text or "").strip()
    found = list(s.exec(stmt.where(model.id == text)).all()) or (
        list(s.exec(stmt.where(model.id.startswith(text))).all()) if len(text) >= 4 else [])
    if len(found) != 1:
        raise UserError(missing if not found else many.format(n=len(found)))
    return found[0]


def field_texts(s: Session, model: Any, row: Any) -> list[tuple[str, str]]:
    """(label, text) of every declared field of `row` that holds a value: codes by name, a person by
    name and masked number, S3 values in clear (the caller checked the right), S2 values masked as in
    a form."""
    out = []
    for spec in specs(model):
        value = getattr(row, spec.name)
        if value is None or spec.widget.value == "hidden":
            continue
        if spec.code_table:
            text = codes.code_name(s, spec.code_table, value)
        elif spec.ref == "person":
            person = s.get(Person, value)
            number = display_value(spec_of(Person, "id_number"), person.id_number) if person else ""
            text = f"{person.name}（{number or '未登记证件号码'}）" if person else value
        elif spec.ref in ledger.REF_LABELS:
            key, label = ledger.REF_LABELS[spec.ref]
            text = s.exec(select(label).where(key == value)).first() or value
        elif spec.sensitivity is Sensitivity.S3:
            text = "是" if value is True else "否" if value is False else str(value)
        else:
            text = display_value(spec, value)
        out.append((spec.label, text))
    return out
