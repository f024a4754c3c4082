"""Forms generated from field declarations: one editor per field, inline Chinese messages.

`RecordForm(model, session_factory)` builds the right editor for each declared field (code
table combos, checklists of codes, date pickers, ID-number fields that check as you type and
fill birth date and sex), shows every problem under its field, blocks saving on errors and asks to confirm
warnings. Sensitive values arrive masked; a 显示 button beside them asks the core for an
audited reveal. The form only collects values: saving is the page's call into core.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QWidget)

from sfs_desktop.core import idcheck
from sfs_desktop.core.fields import FieldSpec, Problem, Sensitivity, Widget, specs, validate
from sfs_desktop.core.security.masking import display_value
from sfs_desktop.ui.checklist import CodeChecklist
from sfs_desktop.ui.widgets import error_label  # pages import it from here too

CodeSource = Callable[[str], list[tuple[str, str]]]  # kind (or "ref:table") -> [(code, name)]


class FieldEditor:
    """One field's editor with its error label; `value()` is the typed value or None."""

    def __init__(self, spec: FieldSpec, codes: CodeSource, parent: QWidget):
        self.spec = spec
        self.error = error_label(parent, f"error_{spec.name}")
        self.error.hide()
        w = spec.widget
        choices = codes(spec.code_table) if spec.code_table else codes(f"ref:{spec.ref}") if spec.ref else None
        if w is Widget.CODE_LIST:
            self.widget = CodeChecklist(choices or [], parent)
        elif spec.code_table or choices:  # a reference with a short list of targets is chosen, not typed
            self.widget = QComboBox(parent)
            self.widget.addItem("（未选择）", None)
            for code, name in choices:
                self.widget.addItem(name, code)
        elif w is Widget.DATE:
            self.widget = QDateEdit(parent)
            self.widget.setCalendarPopup(True)
            self.widget.setDisplayFormat("yyyy-MM-dd")
            self.widget.setSpecialValueText("（未填）")
            self.widget.setMinimumDate(QDate(1900, 1, 1))
            self.widget.setDate(self.widget.minimumDate())
        elif w is Widget.BOOL:
            self.widget = QCheckBox(parent)
        elif w is Widget.INT:
            self.widget = QSpinBox(parent)
            self.widget.setMaximum(10**9)
        elif w is Widget.MULTILINE:
            self.widget = QPlainTextEdit(parent)
        else:
            self.widget = QLineEdit(parent)
            if spec.max_length:
                self.widget.setMaxLength(spec.max_length)
        self.widget.setObjectName(spec.name)
        if spec.help:
            self.widget.setToolTip(spec.help)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, CodeChecklist):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QDateEdit):
            return None if w.date() == w.minimumDate() else w.date().toPython()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
        return text.strip() or None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, CodeChecklist):
            w.set_value(value)
        elif isinstance(w, QComboBox):
            i = w.findData(value)
            w.setCurrentIndex(i if i >= 0 else 0)
        elif isinstance(w, QDateEdit):
            w.setDate(QDate(value) if isinstance(value, date) else w.minimumDate())
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        else:
            w.setText("" if value is None else str(value))

    def show_problem(self, problem: Problem | None) -> None:
        if problem is None:
            self.error.hide()
            self.error.clear()
        else:
            self.error.setText(("⚠ " if not problem.is_error else "") + problem.message)
            self.error.setStyleSheet("color: #b00020" if problem.is_error else "color: #8a6d00")
            self.error.show()


class RecordForm(QWidget):
    """A form for `model`'s declared fields (or the `only` ones), masked where sensitive."""

    changed = Signal()
    problems_cleared = Signal()
    """The last field marked red was corrected (a dialog clears its "请先改正标红的内容")."""

    def __init__(self, model: Any, codes: CodeSource, *, only: list[str] | None = None,
                 code_exists: Callable[[str, str], bool] | None = None,
                 reveal: Callable[[str], str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._code_exists = code_exists
        self._reveal = reveal
        self._dirty = False
        self._masked: dict[str, str] = {}
        layout = QFormLayout(self)
        self.editors: dict[str, FieldEditor] = {}
        for spec in specs(model):
            if spec.widget is Widget.HIDDEN or (only is not None and spec.name not in only):
                continue
            editor = FieldEditor(spec, codes, self)
            self.editors[spec.name] = editor
            row = QWidget(self)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(editor.widget, 1)
            if spec.sensitivity >= Sensitivity.S2 and reveal is not None:
                button = QPushButton("显示", row)
                button.setObjectName(f"reveal_{spec.name}")
                button.setToolTip("显示完整内容（将记入审计日志）")
                button.clicked.connect(lambda _=False, n=spec.name: self.reveal(n))
                box.addWidget(button)
            label = spec.label + ("＊" if spec.required else "")
            layout.addRow(label, row)
            layout.addRow("", editor.error)
            self._watch(editor)
        self._defaults()
        id_editor = self.editors.get("id_number")
        if id_editor is not None and isinstance(id_editor.widget, QLineEdit):
            id_editor.widget.textEdited.connect(self._id_typed)

    def _defaults(self) -> None:
        """A new record starts from the model's defaults (在运行 ticked, status 在任 chosen)."""
        from pydantic_core import PydanticUndefined

        declared = getattr(self.model, "model_fields", {})
        for name, editor in self.editors.items():
            default = getattr(declared.get(name), "default", None)
            if default is not None and default is not PydanticUndefined:
                editor.set_value(default)
        self._dirty = False

    def start_from(self, values: dict[str, Any]) -> None:
        """A new record's starting values (today, the usual mode): not yet a change to discard."""
        for name, value in values.items():
            self.editors[name].set_value(value)
        self._dirty = False

    def _watch(self, editor: FieldEditor) -> None:
        w = editor.widget
        signal = {QComboBox: "currentIndexChanged", QDateEdit: "dateChanged", QCheckBox: "toggled",
                  QSpinBox: "valueChanged", QPlainTextEdit: "textChanged",
                  CodeChecklist: "toggled"}.get(type(w), "textEdited")
        getattr(w, signal).connect(self._mark_dirty)
        getattr(w, signal).connect(lambda *_args, name=editor.spec.name: self._recheck(name))

    def _recheck(self, name: str) -> None:
        """A field shown with a problem is checked again as it is corrected, so no stale red
        message stays under a value that is now right."""
        editor = self.editors[name]
        if editor.error.isHidden():
            return
        problems = [p for p in validate(self.model, self.values(), code_lookup=self._code_exists) if p.field == name]
        editor.show_problem(problems[0] if problems else None)
        if all(e.error.isHidden() for e in self.editors.values()):
            self.problems_cleared.emit()

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True
        self.changed.emit()

    def is_dirty(self) -> bool:
        return self._dirty

    def may_discard(self) -> bool:
        """True when nothing was typed, or the user agrees to drop what was (a dialog's 取消, Esc, ×)."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(self, self.tr("放弃修改？"), self.tr("填写的内容还没有保存，确定放弃吗？"))
        return answer == QMessageBox.StandardButton.Yes

    # --- values ------------------------------------------------------------------------
    def set_record(self, obj: Any) -> None:
        """Fill from a record; S2 values are shown masked until revealed."""
        self._masked.clear()
        for name, editor in self.editors.items():
            value = getattr(obj, name, None)
            if editor.spec.sensitivity >= Sensitivity.S2 and value:
                masked = display_value(editor.spec, value)
                self._masked[name] = masked
                editor.set_value(masked)
                editor.widget.setReadOnly(True) if isinstance(editor.widget, QLineEdit) else None
            else:
                editor.set_value(value)
        self._dirty = False

    def values(self) -> dict[str, Any]:
        """Typed values, leaving out sensitive fields still masked (unchanged)."""
        out = {}
        for name, editor in self.editors.items():
            if name in self._masked:
                continue
            out[name] = editor.value()
        return out

    def reveal(self, name: str) -> None:
        """Ask for the full value; the revealer returns it, or None and calls `show_revealed` later
        (when reading it is a write: the audit record, done off the UI thread)."""
        if self._reveal is None or name not in self._masked:
            return
        value = self._reveal(name)
        if value is not None:
            self.show_revealed(name, value)

    def show_revealed(self, name: str, value: str) -> None:
        if name not in self._masked:
            return
        editor = self.editors[name]
        editor.set_value(value)
        if isinstance(editor.widget, QLineEdit):
            editor.widget.setReadOnly(False)
        del self._masked[name]

    # --- checks ------------------------------------------------------------------------
    def _id_typed(self, text: str) -> None:
        editor = self.editors["id_number"]
        text = text.strip()
        if len(text) < 15:
            editor.show_problem(None)
            return
        result = idcheck.check_id_number(text)
        if not result.ok:
            editor.show_problem(Problem("id_number", f"“{editor.spec.label}”{result.message}"))
            return
        editor.show_problem(None)
        if "birth_date" in self.editors and self.editors["birth_date"].value() is None:
            self.editors["birth_date"].set_value(result.birth_date)
        if "gender" in self.editors and self.editors["gender"].value() is None:
            self.editors["gender"].set_value("1" if result.sex == "男" else "2")

    def check(self) -> list[Problem]:
        """Validate and show every problem under its field; returns them (errors first)."""
        problems = [p for p in validate(self.model, self.values(), code_lookup=self._code_exists)
                    if p.field in self.editors]  # fields outside this form are the page's business
        by_field: dict[str, Problem] = {}
        for p in problems:
            by_field.setdefault(p.field, p)
        for name, editor in self.editors.items():
            editor.show_problem(by_field.get(name))
        return problems

    def confirm(self) -> bool:
        """True when there is no error and the user accepts any warnings."""
        problems = self.check()
        if any(p.is_error for p in problems):
            return False
        warnings = [p.message for p in problems if not p.is_error]
        if not warnings:
            return True
        answer = QMessageBox.question(self, "请确认", "\n".join(warnings) + "\n\n仍然保存吗？")
        return answer == QMessageBox.StandardButton.Yes

    def show_problems(self, problems: list[Problem]) -> None:
        by_field = {p.field: p for p in problems}
        for name, editor in self.editors.items():
            editor.show_problem(by_field.get(name))
