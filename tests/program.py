"""The installed `sfs-desktop` program, run as a user runs it: a subprocess per command.

In-process calls load whatever the test suite imported; a subprocess loads only what the
program itself loads (a command line that never imported the mediation models once exported
bundles without them while every in-process test passed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROGRAM = Path(sys.executable).with_name("sfs-desktop")
ADMIN = "admin"
PASSWORD = "Choose-a-good-one-2024"
STATIONS = [("430922101", "桃江县司法局灰山港司法所", "灰山港镇"), ("430922102", "桃江县司法局武潭司法所", "武潭镇")]


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("SFS_")}
    out.update({"SFS_USER": ADMIN, "SFS_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen", **extra})
    return out


def run(data_dir: Path, *args, user: str = ADMIN, password: str = PASSWORD, timeout: float = 300,
        **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PROGRAM), "--data-dir", str(data_dir), *map(str, args)], capture_output=True,
                          stdin=subprocess.DEVNULL,  # never a prompt, even when pytest runs in a terminal
                          text=True, env=env(SFS_USER=user, SFS_PASSWORD=password, **extra_env), timeout=timeout)


def ok(data_dir: Path, *args, **kw) -> str:
    p = run(data_dir, *args, **kw)
    assert p.returncode == 0, f"{' '.join(map(str, args))} → {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p.stdout


def python(script: str, *args, timeout: float = 300) -> subprocess.CompletedProcess:
    """The program's own interpreter running `script` (to set a test hook before cli.main)."""
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          env=env(), timeout=timeout)


def bundles(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("*.sjxb"))


def init_county(root: Path) -> Path:
    d = root / "county"
    ok(d, "init", "--role", "county", "--station-code", "430922000", "--station-name", "桃江县司法局",
       "--admin", ADMIN)
    return d


def init_station(root: Path, county: Path, code: str, name: str, town: str) -> Path:
    """A station set up and enrolled at `county`, all through the command line."""
    d = root / code
    ok(d, "init", "--role", "station", "--station-code", code, "--station-name", name, "--township", town,
       "--admin", ADMIN)
    card = root / f"card-{code}.json"
    ok(d, "keys", "--out", card)
    ok(county, "station", "add", "--keys", card, "--name", name)
    stick = root / f"enroll-{code}"
    stick.mkdir()
    ok(county, "station", "enroll", code, "--to", stick)
    assert "已登记到县司法局" in ok(d, "import", *bundles(stick))
    return d


class Sticks:
    """Fresh folders standing in for USB sticks."""

    def __init__(self, root: Path):
        self.root, self.n = root, 0

    def __call__(self) -> Path:
        self.n += 1
        p = self.root / f"stick-{self.n}"
        p.mkdir()
        return p


def carry(src: Path, dst: Path, stick: Path, *export_args) -> int:
    """Export from `src`, import at `dst`; the number of bundles carried."""
    ok(src, "export", "--to", stick, *export_args)
    files = bundles(stick)
    if files:
        out = ok(dst, "import", *files)
        assert "已保留" not in out, out
    return len(files)


def until_quiet(county: Path, stations: list[Path], sticks: Sticks, rounds: int = 6) -> None:
    for _ in range(rounds):
        moved = sum(carry(st, county, sticks()) for st in stations)
        moved += sum(carry(county, st, sticks(), "--for", st.name) for st in stations)
        if moved == 0:
            return
    raise AssertionError("the exchange never became quiet")


def table_digests(data_dir: Path, owner: str | None = None) -> dict[str, tuple[int, str]]:
    out = ok(data_dir, "check", "--digest", "--tables", *(["--owner", owner] if owner else []))
    rows = {}
    for line in out.splitlines():
        name, n, h = line.split("\t")
        rows[name] = (int(n), h)
    return rows
