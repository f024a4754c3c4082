"""Full and read-only disks, leftovers and what `import` says (issue 12, finding 8): the
installed program on a small tmpfs in a private mount namespace (root only; CI runs as root)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests import program
from tests.program import STATIONS, Sticks, bundles, ok, run

SMALL_DISK = """
mount -t tmpfs -o size=$1,$2 tmpfs "$3" || exit 99
shift 3
"$@"
rc=$?
echo "== left: $(find "$MOUNT" -name '*.part' | wc -l) part, $(find "$MOUNT" -name '*.sjxb' | wc -l) sjxb"
exit $rc
"""


def on_small_disk(mount: Path, size: str, *command, options: str = "rw", **extra_env) -> subprocess.CompletedProcess:
    """`command` with `mount` a tmpfs of `size`, seen only by that process (gone when it exits)."""
    if shutil.which("unshare") is None:
        pytest.skip("needs util-linux unshare")
    mount.mkdir(exist_ok=True)
    p = subprocess.run(["unshare", "-m", "sh", "-c", SMALL_DISK, "sh", size, options, str(mount), *map(str, command)],
                       capture_output=True, text=True, env=program.env(MOUNT=str(mount), **extra_env), timeout=600)
    if p.returncode == 99 or "unshare failed" in p.stderr:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    return p


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("disk")
    county = program.init_county(root)
    st = program.init_station(root, county, *STATIONS[0])
    ok(st, "demo", "--scale", 40, "--seed", 8)
    return county, st


@pytest.fixture
def station(pair, tmp_path):
    county, st = pair
    shutil.copytree(st, tmp_path / st.name)
    shutil.copytree(county, tmp_path / "county")
    return tmp_path / "county", tmp_path / st.name


def _one_line_error(p: subprocess.CompletedProcess) -> str:
    errors = [line for line in p.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == 1 and "Traceback" not in p.stderr and "Errno" not in p.stderr, p.stderr
    return errors[0]


def test_export_to_a_full_stick_leaves_nothing_half_written(station, tmp_path):
    _county, st = station
    stick = tmp_path / "stick"
    p = on_small_disk(stick, "16k", program.PROGRAM, "--data-dir", st, "export", "--to", stick)
    assert p.returncode == 2
    assert "空间不足" in _one_line_error(p)
    assert "== left: 0 part, 0 sjxb" in p.stdout
    ok(st, "export", "--to", tmp_path)  # nothing was recorded as sent: the next export carries it all
    assert bundles(tmp_path)


def test_export_to_a_read_only_stick_is_one_line(station, tmp_path):
    _county, st = station
    stick = tmp_path / "stick"
    p = on_small_disk(stick, "1m", program.PROGRAM, "--data-dir", st, "export", "--to", stick, options="ro")
    assert p.returncode == 2 and "只读" in _one_line_error(p)


def test_backup_to_a_full_stick_leaves_no_part_file(station, tmp_path):
    _county, st = station
    stick = tmp_path / "stick"
    p = on_small_disk(stick, "64k", program.PROGRAM, "--data-dir", st, "backup", stick / "b.db")
    assert p.returncode == 2 and "空间不足" in _one_line_error(p)
    assert "== left: 0 part" in p.stdout


def test_demo_and_import_on_a_full_disk_change_nothing(station, tmp_path):
    county, st = station
    stick = tmp_path / "up"
    stick.mkdir()
    ok(st, "export", "--to", stick)
    disk = tmp_path / "disk"
    size = sum(f.stat().st_size for f in county.rglob("*") if f.is_file()) + 96 * 1024
    script = ("cp -a \"$0\" \"$MOUNT/c\" && before=$(\"$1\" --data-dir \"$MOUNT/c\" check --digest) && "
              "\"$1\" --data-dir \"$MOUNT/c\" demo --scale 3000; echo \"demo=$?\"; "
              "\"$1\" --data-dir \"$MOUNT/c\" import \"$2\"; echo \"import=$?\"; "
              "\"$1\" --data-dir \"$MOUNT/c\" check && after=$(\"$1\" --data-dir \"$MOUNT/c\" check --digest) && "
              "[ \"$before\" = \"$after\" ] && echo same-digest")
    p = on_small_disk(disk, f"{size // 1024}k", "sh", "-c", script, county, program.PROGRAM, bundles(stick)[0])
    assert "demo=2" in p.stdout and "检查通过" in p.stdout and "same-digest" in p.stdout, p.stdout + p.stderr
    assert "Traceback" not in p.stderr and "空间不足" in p.stderr, p.stderr
    assert "== left: 0 part" in p.stdout


def test_leftovers_of_a_killed_import_are_cleaned(station, tmp_path):
    county, st = station
    (county / "backups" / "pre-import-20260101-000000-000000.db.part").write_bytes(b"half")
    stick = tmp_path / "up"
    stick.mkdir()
    ok(st, "export", "--to", stick)
    ok(county, "import", *bundles(stick))
    assert not list((county / "backups").glob("*.part"))


def test_refused_files_rotate_no_backup_away(station, tmp_path):
    county, _st = station
    junk = tmp_path / "junk.sjxb"
    junk.write_bytes(b"not a bundle")
    before = sorted(p.name for p in (county / "backups").glob("pre-import-*"))
    for _ in range(6):
        assert run(county, "import", junk).returncode == 1
    assert sorted(p.name for p in (county / "backups").glob("pre-import-*")) == before


def test_a_split_export_imported_out_of_order_reads_as_imported(station, tmp_path):
    county, st = station
    ok(st, "demo", "--scale", 1200, "--seed", 9)
    stick = tmp_path / "up"
    stick.mkdir()
    ok(st, "export", "--to", stick, "--max-mb", 1)
    files = bundles(stick)
    assert len(files) >= 2
    from sfs_desktop.core.sync import bundle as fmt
    files.sort(key=lambda f: fmt.parse(f).header["part"][0], reverse=True)  # the last part first
    out = ok(county, "import", *files)
    assert "已保留" not in out and "补齐" in out, out


def test_init_names_the_database_key_fingerprint_apart_from_the_sync_key(tmp_path):
    out = ok(tmp_path / "st", "init", "--role", "station", "--station-code", "430922101", "--station-name",
             "桃江县司法局灰山港司法所", "--township", "灰山港镇", "--admin", program.ADMIN)
    assert "数据库密钥指纹" in out and "不是同步密钥指纹" in out
    sync_fp = ok(tmp_path / "st", "keys")
    assert "同步密钥指纹" in sync_fp


def test_verify_and_a_missing_file_speak_chinese(station, tmp_path):
    county, st = station
    stick = tmp_path / "up"
    stick.mkdir()
    ok(st, "export", "--to", stick)
    out = ok(county, "verify", bundles(stick)[0])
    assert "类型：数据" in out and "调解案件" in out and "人员" in out
    assert "mediation_case" not in out and "data" not in out.replace("sjxb", "")
    p = run(county, "import", tmp_path / "no-such.sjxb")
    assert p.returncode == 1 and "找不到文件或文件夹" in p.stdout and "No such" not in p.stdout + p.stderr


def test_importing_the_enrollment_bundle_again_says_so(pair):
    _county, st = pair
    [enrollment] = bundles(st.parent / f"enroll-{st.name}")
    p = run(st, "import", enrollment)
    assert p.returncode == 0 and "该登记包已导入过" in p.stdout and "Traceback" not in p.stderr, p.stdout + p.stderr
