"""Small widget helpers with no database imports, so the login dialog can show before the database layer loads."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def error_label(parent: QWidget, name: str = "message") -> QLabel:
    """The red line under a dialog that says, in Chinese, why something was refused."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label
