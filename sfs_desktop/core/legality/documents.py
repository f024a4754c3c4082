"""Where the 合法性审查 forms (:mod:`.forms`) find their values: each takes a review's record id.

Sources only load; the print service checks 打印, numbers, keeps the PDF and audits. The opinion
(F-H2) bears the number given when it was issued (`work.conclude`) and prints only then.
"""

from __future__ import annotations

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import split_codes
from sfs_desktop.core.legality import forms, rules, work
from sfs_desktop.core.legality.constants import ISSUED, OPINION
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.printing.service import Loaded, record, source, station
from sfs_desktop.core.station.models import AdminArea, Staff

__all__ = ["forms"]


def values(s: Session, row: LegalityReview) -> dict:
    unit = s.get(Organization, row.unit_id) if row.unit_id else None
    ticked = set(split_codes(row.materials))
    needed = rules.required_materials(row.item_type, work.materials(s))
    area = s.exec(select(AdminArea).where(AdminArea.code == row.village_code)).first() if row.village_code else None
    names = [codes.code_name(s, "lh_material", c) for c in needed if c in ticked]
    staff = [s.get(Staff, i) for i in (row.reviewer_id, row.reviewer2_id) if i]
    sugg = s.exec(live(select(LhSuggestion), LhSuggestion).where(LhSuggestion.review_id == row.id)
                  .order_by(LhSuggestion.seq)).all()
    return {**{k: getattr(row, k) for k in LegalityReview.model_fields},
            "station": station(s).name, "unit": unit.name if unit else "", "village": area.name if area else "",
            "type_name": codes.code_name(s, "lh_type", row.item_type),
            "conclusion_name": codes.code_name(s, "lh_conclusion", row.conclusion) if row.conclusion else "",
            "material_rows": [{"name": codes.code_name(s, "lh_material", c), "tick": "√" if c in ticked else ""}
                              for c in needed],
            "materials_text": "、".join(names) or "有关材料",
            "reviewers": "、".join(x.name for x in staff if x),
            "suggestion_texts": [x.text for x in sugg],
            "clause_names": [codes.code_name(s, "lh_clause", c) for c in split_codes(row.clauses)]}


@source("legality.registration")
def registration_context(s: Session, ref: str | None) -> Loaded:
    row = record(s, LegalityReview, ref, "合法性审查")
    return Loaded("legality_review", row.id, values(s, row), row.received_on.year)


def _issued(s: Session, ref: str | None) -> LegalityReview:
    row = record(s, LegalityReview, ref, "合法性审查")
    if row.state != ISSUED:
        raise UserError("该审查尚未出具意见，不能打印审查意见书")
    return row


@source(OPINION)
def opinion_context(s: Session, ref: str | None) -> Loaded:
    row = _issued(s, ref)
    return Loaded("legality_review", row.id, values(s, row), row.issued_on.year, serial=row.review_no)


@source("legality.village")
def village_context(s: Session, ref: str | None) -> Loaded:
    row = _issued(s, ref)
    if row.item_type != "05":
        raise UserError("这项审查不是村规民约，请打印合法性审查意见书")
    return Loaded("legality_review", row.id, values(s, row), row.issued_on.year)
