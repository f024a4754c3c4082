"""每隔 N 分钟自动同步 (issue 19): the station page's timer runs the button's exchange against a real
HTTPS relay (`tests/https_relay.py`), with a minute shortened to milliseconds; it never starts a
second exchange, waits while another operation runs, pauses while the session is locked, and the
last outcome stays on the page."""

import threading

from sqlmodel import select

from sfs_desktop.core.people.models import Person
from sfs_desktop.core.sync import schedule
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.sync.network import NetworkBox
from sfs_desktop.ui.sync.page import SyncPage
from tests.https_relay import HttpsRelay, enrolled_pair
from tests.keyrings import MemoryKeyring, using


def test_the_schedule_syncs_by_itself(qtbot, tmp_path, monkeypatch, settle):
    monkeypatch.setattr(NetworkBox, "minute_ms", 40)
    county, station = enrolled_pair(tmp_path)
    relay = None
    try:
        station.db.write(lambda s: s.add(Person(name="定时甲")))
        relay = HttpsRelay(county, tmp_path)
        page = SyncPage(station)
        qtbot.addWidget(page)
        box = page.exchange.network
        assert box.every.currentData() == 0 and not box.timer.isActive() and box.last.text() == ""
        box.url.setText(relay.url)

        gate = threading.Event()  # another operation holds the database: the timer waits
        other = TaskOp(page, station, gate.wait, 30).run()
        box.every.setCurrentIndex(box.every.findData(15))
        box.set_every()
        qtbot.waitUntil(lambda: box.timer.isActive(), timeout=10_000)
        qtbot.wait(1500)  # two ticks come and go
        assert box.job is None and box.last.text() == ""
        gate.set()
        qtbot.waitUntil(lambda: other.finished, timeout=10_000)

        qtbot.waitUntil(lambda: "上次网络同步" in box.last.text(), timeout=60_000)
        assert "发送 1 个" in box.last.text(), box.last.text()
        with county.db.read() as s:
            assert [p.name for p in s.exec(select(Person)).all()] == ["定时甲"]
        box.timer.stop()
        settle(60_000)
        assert box.tick() is not None and box.tick() is None  # the second one waits for the first
        settle(60_000)
        page.resize(1000, 760)
        page.grab().save(str(tmp_path / "sync-schedule.png"))

        station.lock()  # nobody signed in and unattended runs off: skipped
        with using(MemoryKeyring()):
            assert box.tick() is None and "已锁定" in box.last.text()

        again = SyncPage(station)  # the schedule and the last outcome are kept in the database
        qtbot.addWidget(again)
        assert again.exchange.network.every.currentData() == 15 and again.exchange.network.timer.isActive()
        assert "上次网络同步" in again.exchange.network.last.text()
        again.exchange.network.timer.stop()
        box.every.setCurrentIndex(box.every.findData(0))
        box.set_every()
        settle()
        assert not box.timer.isActive() and "已关闭自动同步" in box.result.text()
        with station.db.read() as s:
            assert schedule.every(s) == 0
    finally:
        if relay is not None:
            relay.stop()
        county.close()
        station.close()
