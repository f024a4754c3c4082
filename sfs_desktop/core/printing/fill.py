"""One record's values as one template may print them; the privacy guard sits here.

Printing a form discloses what it prints (domain.md §13), so every value a section prints is
read through :meth:`Fill.value`, which refuses an S2/S3 field the template has not declared in
``sensitive``. Values the caller passes but the template does not name are never read.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any, Mapping

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Sensitivity
from sfs_desktop.core.printing.fonts import FontSet
from sfs_desktop.core.printing.formats import display
from sfs_desktop.core.printing.layout import blank
from sfs_desktop.core.printing.styles import Styles, styles_for

if TYPE_CHECKING:
    from sfs_desktop.core.printing.templates import Template

_FORMATTER = string.Formatter()


class PrivacyError(UserError):
    """A template tried to print a sensitive field it did not declare."""


def placeholders(pattern: str) -> list[str]:
    """Field refs named in a text pattern: "兹聘任{name}同志" → ["name"]."""
    return [name for _, name, _, _ in _FORMATTER.parse(pattern) if name]


def lookup(context: Mapping[str, Any], ref: str) -> Any:
    """``context[ref]``, else walk "applicant.name" through nested mappings or attributes."""
    if ref in context:
        return context[ref]
    head, *rest = ref.split(".")
    value: Any = context.get(head)
    for part in rest:
        if value is None:
            return None
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part, None)
    return value


class Fill:
    def __init__(self, template: "Template", context: Mapping[str, Any], fonts: FontSet, serial: str | None = None):
        self.template = template
        self.context = context
        self.fonts = fonts
        self.serial = serial
        self.styles: Styles = styles_for(fonts)

    def spec(self, ref: str) -> FieldSpec:
        return self.template.specs[ref]

    def label(self, ref: str) -> str:
        return self.spec(ref).label

    def value(self, ref: str) -> Any:
        if ref not in self.template.fields:
            raise ValueError(f"template {self.template.id}: a section read {ref!r} without naming it in refs()")
        spec = self.spec(ref)
        if spec.sensitivity >= Sensitivity.S2 and ref not in self.template.sensitive:
            raise PrivacyError(
                f"表单“{self.template.title}”没有声明可以打印敏感信息“{spec.label}”（{ref}，"
                f"{spec.sensitivity.name} 级），已拒绝打印。"
            )
        return lookup(self.context, ref)

    def text(self, ref: str, how: str = "") -> str:
        return display(self.value(ref), self.spec(ref).widget, how)

    def markup(self, text: str, font: str | None = None) -> str:
        return self.fonts.markup(text, font or self.fonts.song)

    def plain(self, pattern: str) -> str:
        """`pattern` with its {ref} / {ref:how} placeholders filled in, as plain text."""
        out = []
        for literal, name, how, _ in _FORMATTER.parse(pattern):
            out.append(literal)
            if name:
                out.append(self.text(name, how or ""))
        return "".join(out)

    def format(self, pattern: str, font: str | None = None) -> str:
        """Paragraph markup of `pattern`; a missing value becomes an underlined blank, a line break stays one."""
        font = font or self.fonts.song
        out = []
        for literal, name, how, _ in _FORMATTER.parse(pattern):
            out.append(self.fonts.markup(literal, font))
            if name:
                text = self.text(name, how or "")
                out.append(self.fonts.markup(text, font).replace("\n", "<br/>") if text else blank())
        return "".join(out)
