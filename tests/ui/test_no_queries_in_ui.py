"""Core owns the queries: no module under sfs_desktop/ui imports SQLAlchemy or SQLModel, or compares
a field with a bare code ("01"); pages ask core (core/mediation/queries.py and the like)."""

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "sfs_desktop" / "ui"


def test_ui_modules_run_no_query_of_their_own():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("sqlalchemy", "sqlmodel") for n in names):
                offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert offenders == []


def test_ui_modules_name_codes_instead_of_spelling_them():
    magic = re.compile(r"[!=]=\s*\"0\d\"")
    hits = [f"{p.relative_to(UI)}:{i}" for p in sorted(UI.rglob("*.py"))
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if magic.search(line)]
    assert hits == []
