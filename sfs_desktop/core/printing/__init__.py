"""The printing engine: official A4 forms and certificates as PDF, from plain values.

No database here: callers pass the record's values and the serial string they allocated, and
record the returned :class:`RenderResult` in the print log. A station prints through
:mod:`.service` (``print_document``, ``print_batch``), which numbers, keeps, logs and audits. See ``templates`` for how a duty
declares a form and ``certificates`` for the built-in certificates.
"""

from sfs_desktop.core.printing.fill import PrivacyError
from sfs_desktop.core.printing.fonts import POLICY_ENV, FontSet, font_set
from sfs_desktop.core.printing.formats import (
    blank_serial,
    format_serial,
    money,
    money_capital,
    money_figures,
    official_date,
    plain_date,
)
from sfs_desktop.core.printing.render import BatchResult, RenderResult, render
from sfs_desktop.core.printing.templates import (
    Cell,
    Grid,
    Group,
    NewPage,
    Opinions,
    Rows,
    Seal,
    Signatures,
    Template,
    Terms,
    Text,
    all_templates,
    get,
    register,
    spec_map,
)

__all__ = [
    "BatchResult", "Cell", "FontSet", "Grid", "Group", "NewPage", "Opinions", "POLICY_ENV", "PrivacyError", "RenderResult", "Rows",
    "Seal", "Signatures", "Template", "Terms", "Text", "all_templates",
    "blank_serial", "font_set", "format_serial", "get", "money", "money_capital", "money_figures",
    "official_date", "plain_date", "register", "render", "spec_map",
]
