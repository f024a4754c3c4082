"""Render page 1 of every built-in certificate and the sample form to docs/forms/<id>.png.

    python docs/forms/make_previews.py      (needs pdftoppm from poppler-utils)

Fictitious values from tests/printing/sample.py; 70 dpi keeps the images small.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from sfs_desktop.core.printing import render  # noqa: E402
from tests.printing.sample import REGISTRATION, certificate_contexts, context  # noqa: E402


def main() -> None:
    jobs = {REGISTRATION.id: (REGISTRATION, context(), "（2024）桃示人调字第12号")}
    jobs.update({tid: (tid, values, serial) for tid, (values, serial) in certificate_contexts().items()})
    with tempfile.TemporaryDirectory() as tmp:
        for tid, (template, values, serial) in jobs.items():
            pdf = Path(tmp) / f"{tid}.pdf"
            render(template, values, pdf, serial=serial)
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(HERE / tid)], check=True)
            print(HERE / f"{tid}.png")


if __name__ == "__main__":
    main()
