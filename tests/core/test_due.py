"""The deadline registry and `sfs-desktop due`."""

import json
from datetime import date, timedelta

from sfs_desktop.cli import main
from sfs_desktop.core import deadlines
from tests.conftest import init_dir


def test_due_lists_overdue_and_soon_items(tmp_path, capsys, cli_env, monkeypatch):
    today = date.today()
    items = [deadlines.DueItem("人民调解", "（2024）桃灰人调字第1号", "调解期限", "一个月", today - timedelta(days=2)),
             deadlines.DueItem("人民调解", "（2024）桃灰人调字第2号", "回访", "履行期满后", today + timedelta(days=30))]
    deadlines.load_sources()  # duties register on import: import them now, not into the patched list
    monkeypatch.setattr(deadlines, "_SOURCES", [lambda s, t: items])
    paths, _ = init_dir(tmp_path / "d")
    assert main(["--data-dir", str(paths.root), "due", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["ref"] for d in data] == ["（2024）桃灰人调字第1号"] and data[0]["days_left"] == -2
    assert main(["--data-dir", str(paths.root), "due", "--days", "60"]) == 0
    out = capsys.readouterr().out
    assert "已超期 2 天" in out and "剩余 30 天" in out


def test_a_rules_own_notice_starts_before_the_horizon(monkeypatch):
    """换届 is reminded a quarter ahead and the mediation limit from its warning day, whatever the horizon."""
    today = date.today()
    items = [deadlines.DueItem("人民调解", "甲村调委会", "调解委员会换届", "三年", today + timedelta(days=60),
                               notice_from=today + timedelta(days=60) - timedelta(days=90)),
             deadlines.DueItem("人民调解", "乙村调委会", "调解委员会换届", "三年", today + timedelta(days=100),
                               notice_from=today + timedelta(days=10)),
             deadlines.DueItem("人民调解", "第3号", "调解期限", "一个月", today + timedelta(days=9), notice_from=today),
             deadlines.DueItem("人民调解", "第4号", "回访", "履行期满后", today + timedelta(days=9))]
    deadlines.load_sources()
    monkeypatch.setattr(deadlines, "_SOURCES", [lambda s, t: items])
    assert [i.ref for i in deadlines.collect(None, today)] == ["第3号", "甲村调委会"]
    assert [i.ref for i in deadlines.collect(None, today, horizon_days=9)] == ["第3号", "第4号", "甲村调委会"]
