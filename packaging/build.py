"""Build the one-folder program with PyInstaller; with --smoke, run the frozen program as staff do.

Usage: python packaging/build.py [--smoke] [--screenshot FILE] [--portable] [--skip-build]

  --smoke       after building, run the frozen console executable (`sfs-desktop-cli`) through
                --version, init, demo --scale 100, check --digest, print --list and a 工作证
                (work card) PDF printed as on a PC with no Chinese font installed, a station ⇄
                county export/import round trip, and the GUI's --smoke --screenshot offscreen;
                then measure the folder size and the frozen GUI's --smoke start against the same
                command run from source, in the same run. Exit 1 if any step fails or a budget
                (folder ≤ 200 MiB, frozen start ≤ 1.5 × source) is overrun.
  --screenshot  where to keep the GUI screenshot (default: dist/smoke-screenshot.png)
  --portable    drop portable.txt beside the program: its data then lives in data/ next to it
  --skip-build  smoke-test the folder already in dist/ (after a build, to iterate on the smoke)

The figures are printed and written to dist/smoke-figures.json. A missing data file, hidden
import or Qt plugin fails here instead of on a station's PC.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
APP = DIST / "sfs-desktop"
FOLDER_BUDGET_MIB = 200
START_BUDGET_RATIO = 1.5
START_RUNS = 3  # each side; the median is compared
USER, PASSWORD = "admin", "Smoke-test-2024"
STATION = ("430922101", "桃江县司法局灰山港司法所", "灰山港镇")
COUNTY = ("430922000", "桃江县司法局")


def exe(name: str) -> Path:
    return APP / (f"{name}.exe" if os.name == "nt" else name)


def build() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST),
                    "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "sfs-desktop.spec")], check=True)
    return time.perf_counter() - started


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("SFS_")}
    out.update({"SFS_USER": USER, "SFS_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen", **extra})
    return out


class Failed(Exception):
    pass


def run(cmd: list, *, timeout: float = 600, **extra_env: str) -> str:
    shown = " ".join(str(c) for c in cmd)
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8", errors="replace",
                       env=env(**extra_env), timeout=timeout)
    if p.returncode != 0:
        raise Failed(f"{shown}\n  → exit {p.returncode}\n{p.stdout}{p.stderr}")
    return p.stdout


class Smoke:
    def __init__(self, work: Path, screenshot: Path):
        self.work, self.screenshot = work, screenshot
        self.cli, self.gui_exe = exe("sfs-desktop-cli"), exe("sfs-desktop")
        self.station, self.county = work / "station", work / "county"
        self.failures: list[str] = []
        self.figures: dict = {}

    def step(self, name: str, fn) -> None:
        started = time.perf_counter()
        try:
            note = fn()
        except (Failed, AssertionError, subprocess.TimeoutExpired, OSError) as exc:
            self.failures.append(name)
            print(f"FAIL {name}: {exc}", flush=True)
            return
        print(f"ok   {name} ({time.perf_counter() - started:.1f} s){'  ' + note if note else ''}", flush=True)

    def frozen(self, data_dir: Path | None, *args, **extra_env) -> str:
        where = ["--data-dir", data_dir] if data_dir else []
        return run([self.cli, *where, *args], **extra_env)

    # --- the steps ---

    def version(self) -> str:
        sys.path.insert(0, str(ROOT))
        from sfs_desktop.core.about import version_text

        want = version_text().splitlines()[:3]
        got = self.frozen(None, "--version").splitlines()
        assert got[:3] == want, f"frozen --version says {got}, the source {want}"
        assert got[3].endswith("安装版"), got[3]
        return " / ".join(got[:3])

    def init_station(self) -> None:
        code, name, town = STATION
        self.frozen(self.station, "init", "--role", "station", "--station-code", code, "--station-name", name,
                    "--township", town, "--admin", USER)

    def demo(self) -> str:
        return self.frozen(self.station, "demo", "--scale", 100).strip()

    def digest(self) -> str:
        out = self.frozen(self.station, "check", "--digest").strip()
        assert re.fullmatch(r"[0-9a-f]{64}", out.splitlines()[-1]), out
        return out[:16] + "…"

    def print_card(self) -> str:
        listed = self.frozen(self.station, "print", "--list")
        assert "certificate.work_card\t工作证" in listed, listed
        name = staff_name(self.station)
        pdf = self.work / "work-card.pdf"
        # As on a PC with no Chinese font installed: only the font shipped in the folder is seen.
        out = self.frozen(self.station, "print", "certificate.work_card", name, "--out", pdf, SFS_SYSTEM_FONT_DIRS="")
        assert "已生成" in out and pdf.stat().st_size > 1000, out
        if not (shutil.which("pdffonts") and shutil.which("pdftotext")):
            return "(pdffonts/pdftotext not installed: font embedding not checked)"
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert rows, "the PDF has no font"
        for row in rows:
            cells = row.split()
            assert cells[-5] == "yes", f"font not embedded: {row}"
        assert any("UMing" in r for r in rows), rows
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                                                  capture_output=True, text=True, check=True).stdout)
        assert "工作证" in text and name in text, text[:200]
        return "embedded: " + ", ".join(sorted({r.split()[0] for r in rows}))

    def round_trip(self) -> str:
        code, name, _town = STATION
        self.frozen(self.county, "init", "--role", "county", "--station-code", COUNTY[0], "--station-name", COUNTY[1],
                    "--admin", USER)
        card = self.work / "keycard.json"
        self.frozen(self.station, "keys", "--out", card)
        self.frozen(self.county, "station", "add", "--keys", card, "--name", name)
        enroll, up = self.work / "stick-enroll", self.work / "stick-up"
        enroll.mkdir()
        up.mkdir()
        self.frozen(self.county, "station", "enroll", code, "--to", enroll)
        out = self.frozen(self.station, "import", *sorted(enroll.glob("*.sjxb")))
        assert "已登记到县司法局" in out, out
        self.frozen(self.station, "export", "--to", up)
        bundles = sorted(up.glob("*.sjxb"))
        assert bundles, "the station exported nothing"
        self.frozen(self.county, "import", *bundles)
        mine = self.frozen(self.station, "check", "--digest", "--owner", code).strip()
        theirs = self.frozen(self.county, "check", "--digest", "--owner", code).strip()
        assert mine == theirs, f"station {mine} ≠ county {theirs}"
        return f"{len(bundles)} bundle(s), digests equal"

    def gui(self) -> str:
        self.screenshot.unlink(missing_ok=True)
        out = run([self.gui_exe, "--data-dir", self.station, "--smoke", "--screenshot", self.screenshot])
        data = self.screenshot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, f"screenshot {len(data)} bytes"
        return out.strip()

    def start_times(self) -> str:
        def launch(cmd: list) -> float:
            t0 = time.time()
            out = run([*cmd, "--data-dir", self.station, "--smoke"])
            ready = float(re.search(r"ready (\d+\.\d+)", out).group(1))
            return ready - t0

        frozen, source = [], []
        launch([self.gui_exe])  # the first start after a build warms the disk cache; not counted
        launch([sys.executable, "-m", "sfs_desktop"])
        for _ in range(START_RUNS):
            frozen.append(launch([self.gui_exe]))
            source.append(launch([sys.executable, "-m", "sfs_desktop"]))
        f, s = statistics.median(frozen), statistics.median(source)
        self.figures.update(frozen_start_s=round(f, 2), source_start_s=round(s, 2), start_ratio=round(f / s, 2),
                            frozen_runs=[round(x, 2) for x in frozen], source_runs=[round(x, 2) for x in source])
        assert f <= START_BUDGET_RATIO * s, f"frozen start {f:.2f} s > {START_BUDGET_RATIO} × source {s:.2f} s"
        return f"frozen {f:.2f} s, source {s:.2f} s, ratio {f / s:.2f}"

    def size(self) -> str:
        mib = folder_mib(APP)
        self.figures["folder_mib"] = round(mib, 1)
        assert mib <= FOLDER_BUDGET_MIB, f"folder {mib:.1f} MiB > {FOLDER_BUDGET_MIB} MiB"
        return f"{mib:.1f} MiB"

    def run_all(self) -> bool:
        self.step("--version", self.version)
        self.step("init (station)", self.init_station)
        self.step("demo --scale 100", self.demo)
        self.step("check --digest", self.digest)
        self.step("print 工作证 with no system font", self.print_card)
        self.step("export/import station ⇄ county", self.round_trip)
        self.step("GUI --smoke --screenshot (offscreen)", self.gui)
        self.step(f"start time (median of {START_RUNS}, launch to idle)", self.start_times)
        self.step("folder size", self.size)
        return not self.failures


def staff_name(data_dir: Path) -> str:
    """A staff member's name from the demo data, read with the source tree (the CLI lists none)."""
    sys.path.insert(0, str(ROOT))
    from sqlmodel import select

    from sfs_desktop.core.db.database import Database
    from sfs_desktop.core.security import keys
    from sfs_desktop.core.station.models import Staff
    from sfs_desktop.paths import DataPaths

    paths = DataPaths.resolve(data_dir)
    key = keys.KeyFile.load(paths.keyfile).unlock(USER, PASSWORD)
    with Database(paths, key) as db, db.read() as s:
        return s.exec(select(Staff.name)).first()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--screenshot", type=Path, default=DIST / "smoke-screenshot.png")
    ap.add_argument("--portable", action="store_true")
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args(argv)
    figures: dict = {}
    if not args.skip_build:
        figures["build_s"] = round(build(), 1)
        print(f"built {APP} in {figures['build_s']:.0f} s", flush=True)
    if not exe("sfs-desktop-cli").exists():
        print(f"no build in {APP}: run without --skip-build", file=sys.stderr)
        return 1
    (APP / "portable.txt").unlink(missing_ok=True)
    ok = True
    if args.smoke:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="sfs-smoke-") as tmp:
            smoke = Smoke(Path(tmp), args.screenshot.resolve())
            ok = smoke.run_all()
        figures.update(smoke.figures, smoke_s=round(time.perf_counter() - started, 1),
                       budgets={"folder_mib": FOLDER_BUDGET_MIB, "start_ratio": START_BUDGET_RATIO},
                       failed=smoke.failures)
        (DIST / "smoke-figures.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
        print("figures: " + json.dumps(figures, ensure_ascii=False), flush=True)
        print("smoke passed" if ok else f"smoke FAILED: {', '.join(smoke.failures)}", flush=True)
    if args.portable:  # after the smoke, which must use the data dirs it is given
        (APP / "portable.txt").write_text("数据保存在本程序目录下的 data 文件夹\n", encoding="utf-8")
        print(f"portable: {APP / 'portable.txt'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
