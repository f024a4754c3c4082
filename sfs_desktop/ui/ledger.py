"""Lazy ledgers (台账): a table model that holds ids and fetches rows as they are painted.

`LedgerModel(model, fetch_ids, fetch_rows)` keeps the ordered ids of what matches the filter
(core.ledger.ids) and loads display rows a block at a time (core.ledger.fetch) as the view
asks for them, so 100,000 rows open and scroll without loading 100,000 records. Sorting and
filtering re-query the ids in core, on typed column values (dates sort as dates). The chosen
columns are remembered per ledger in QSettings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from sfs_desktop.core.fields import FieldSpec
from sfs_desktop.core.ledger import LedgerQuery

BLOCK = 200
DIGITS = {"date": 11, "int": 7, "money": 10, "id_number": 19, "phone": 12, "uscc": 19}  # columns of figures


class LedgerModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[FieldSpec], fetch_ids: Callable[[LedgerQuery], list[str]],
                 fetch_rows: Callable[[Sequence[str], Sequence[str]], dict[str, list[str]]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self.query = LedgerQuery()
        self.ids: list[str] = []
        self._cache: dict[str, list[str]] = {}
        self.fetches = 0  # blocks loaded (tests and benchmarks read it)
        self.refresh()

    def refresh(self, query: LedgerQuery | None = None) -> None:
        self.beginResetModel()
        if query is not None:
            self.query = query
        self.ids = self._fetch_ids(self.query)
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].label
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row_id = self.ids[index.row()]
        row = self._cache.get(row_id)
        if row is None:
            self._load_block(index.row())
            row = self._cache.get(row_id, [""] * len(self.columns))
        return row[index.column()]

    def _load_block(self, row: int) -> None:
        start = (row // BLOCK) * BLOCK
        block = self.ids[start:start + BLOCK]
        self._cache.update(self._fetch_rows(block, [c.name for c in self.columns]))
        self.fetches += 1

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        q = self.query
        self.refresh(replace(q, sort=self.columns[column].name, descending=order == Qt.SortOrder.DescendingOrder))

    def id_at(self, row: int) -> str:
        return self.ids[row]


class LedgerView(QTableView):
    """A table for a LedgerModel: sortable headers, uniform rows, remembered column choice."""

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._export_menu)

    def setModel(self, model) -> None:  # noqa: N802 - Qt naming
        super().setModel(model)
        hidden = QSettings().value(f"ledger/{self.key}/hidden", []) or []
        for i, col in enumerate(model.columns):
            self.setColumnHidden(i, col.name in hidden)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.size_columns(model.columns)

    def size_columns(self, columns: Sequence[FieldSpec]) -> None:
        """Widths from the declarations (label, declared length, widget), not from sampling rows:
        the same on every PC and for every filter, and no rows are fetched to measure them."""
        metrics = self.fontMetrics()
        char, digit = metrics.horizontalAdvance("中"), metrics.horizontalAdvance("0")
        for i, spec in enumerate(columns):
            kind = spec.widget.value
            if kind in DIGITS:
                width = DIGITS[kind] * digit
            elif kind == "bool":
                width = 2 * char
            elif spec.code_table or spec.ref:
                width = (11 if spec.ref else 7) * char
            else:  # free text: a third of what the field may hold, 4 to 14 characters
                width = min(max((spec.max_length or 36) // 3, 4), 14) * char
            self.setColumnWidth(i, max(width, metrics.horizontalAdvance(spec.label) + char) + 12)

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        model = self.model()
        for i, col in enumerate(model.columns):
            action = menu.addAction(col.label)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_shown(i, on))
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    def _export_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("导出 Excel（当前筛选的全部行）…"), lambda: self.export())
        menu.popup(self.viewport().mapToGlobal(pos))

    def export(self, path: str | None = None):
        """The ledger as filtered now, with the columns shown, to xlsx (core checks 导出 and audits)."""
        from sfs_desktop.core import ledger as core_ledger
        from sfs_desktop.ui.exporting import export_xlsx

        model = self.model()
        app, record_model = getattr(model, "app", None), getattr(model, "record_model", None)
        if app is None or record_model is None:
            return None
        names = [c.name for i, c in enumerate(model.columns) if not self.isColumnHidden(i)]
        self.op = export_xlsx(self, app, self.tr("导出台账"), core_ledger.title(record_model), _export_ledger,
                              app.principal, record_model, model.query, names, path=path)
        return self.op

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.setColumnHidden(column, not shown)
        model = self.model()
        hidden = [c.name for i, c in enumerate(model.columns) if self.isColumnHidden(i)]
        QSettings().setValue(f"ledger/{self.key}/hidden", hidden)


def _export_ledger(session, who, record_model, query, names, out):
    from sfs_desktop.core import ledger as core_ledger

    return core_ledger.export(session, who, record_model, out, query, names)


def record_ledger(app, model, key: str, parent: QWidget) -> tuple[LedgerModel, LedgerView]:
    """A ledger over one table as the signed-in person may see it: the usual way pages get one."""
    from sfs_desktop.core import ledger as core_ledger

    def ids(q: LedgerQuery) -> list[str]:
        with app.db.read() as s:
            return core_ledger.ids(s, app.principal, model, q)

    def rows(row_ids, names):
        with app.db.read() as s:
            return core_ledger.fetch(s, model, row_ids, names)

    table = LedgerModel(core_ledger.columns(model), ids, rows, parent)
    table.table_name = model.__tablename__  # pages refresh it when a write changes that table
    table.app, table.record_model = app, model  # for its export (plain data goes to the writer)
    view = LedgerView(key, parent)
    view.setModel(table)
    return table, view
