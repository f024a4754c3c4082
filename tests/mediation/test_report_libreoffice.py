"""The report's xlsx opens in LibreOffice (headless) and converts to CSV with the same figures as its JSON."""

import csv
import json
import shutil
import subprocess
from decimal import Decimal

import pytest

from sfs_desktop.cli import main
from sfs_desktop.core.mediation import stats
from sfs_desktop.core.reports import tables
from sfs_desktop.core.reports.export import write_sheet
from sfs_desktop.core.security.access import SYSTEM
from tests.mediation.test_stats_and_forms import Y, cases

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def _csv(xlsx, tmp_path) -> list[list[str]]:
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    [made] = out.glob("*.csv")
    return list(csv.reader(made.read_text(encoding="utf-8").splitlines()))


def _number(shown: str):
    """A cell as LibreOffice shows it (its number format applied) back to a number."""
    shown = shown.replace(",", "")
    if shown.endswith("%"):
        return round(float(shown[:-1]) / 100, 3)
    return Decimal(shown) if "." in shown else int(shown)


@needs_soffice
@pytest.mark.timeout(300)
def test_xlsx_converts_to_csv_with_the_json_figures(township, tmp_path, cli_env):
    db, t = township
    cases(db, t)
    root = str(db.paths.root)
    db.close()
    for suffix in ("json", "xlsx"):
        assert main(["--data-dir", root, "report", "mediation", "--period", str(Y), "--out", str(tmp_path / f"r.{suffix}")]) == 0
    figures = {r["指标"]: r["值"] for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["rows"]}
    rows = _csv(tmp_path / "r.xlsx", tmp_path)
    assert rows[0][0] == f"人民调解统计表（{Y}）" and rows[1] == ["类别", "指标", "值"]
    shown = {r[1]: r[2] for r in rows[2:]}
    assert set(shown) == set(figures)
    for label, value in figures.items():
        if value is None:
            assert shown[label] == "—", label
        else:
            assert _number(shown[label]) == (Decimal(str(value)) if isinstance(value, float) and label.endswith("（元）")
                                             else value), label
    assert shown["调解成功率"] == "57.1%" and shown["协议涉及金额（元）"] == "6,500.50"


@needs_soffice
@pytest.mark.timeout(300)
def test_by_station_xlsx_with_merged_group_headers_converts(township, tmp_path):
    db, t = township
    cases(db, t)
    with db.read() as s:
        by = tables.by_station(stats.REPORT, s, SYSTEM, str(Y))
    sheet = tables.station_sheet(stats.REPORT, str(Y), by)
    write_sheet(sheet, tmp_path / "s.xlsx")
    rows = _csv(tmp_path / "s.xlsx", tmp_path)
    assert rows[1][:2] == ["司法所", "调解"] and rows[2][1] == "受理纠纷数"  # group row over the labels
    [(name, f)] = by
    assert rows[3][0] == name
    for m, cell in zip(stats.REPORT.station_measures(), rows[3][1:]):
        assert _number(cell) == f[m.key], m.label
