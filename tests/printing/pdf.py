"""Reading printed PDFs back with poppler and qpdf, as a person or a printer would see them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "qpdf")
needs_tools = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs poppler-utils and qpdf (apt-get install poppler-utils qpdf)",
)


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", "-enc", "UTF-8", *pages, str(path), "-")


def layout(path: Path) -> str:
    """The text as laid out on the sheet, whitespace removed (raw reading order can vary by block)."""
    return re.sub(r"\s+", "", _run("pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"))


def flat(path: Path) -> str:
    """The text with all whitespace removed: wrapped lines joined back."""
    return re.sub(r"\s+", "", text(path))


def pages(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M).group(1))


def fonts(path: Path) -> list[dict]:
    """pdffonts rows: name, type, emb."""
    rows = []
    for line in _run("pdffonts", str(path)).splitlines()[2:]:
        cells = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        rows.append({"name": cells[0], "type": " ".join(cells[1:-6]), "emb": cells[-5]})
    return rows


def qpdf_check(path: Path) -> None:
    out = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No syntax or stream encoding errors" in out.stdout


def assert_sound(path: Path) -> None:
    """qpdf finds no error and every font is an embedded TrueType subset."""
    qpdf_check(path)
    rows = fonts(path)
    assert rows, "no font at all"
    for row in rows:
        assert row["emb"] == "yes", row
        assert row["type"] == "TrueType", row
