"""The station's 网络同步 button against a real HTTPS relay (issue 19): off the UI thread, the
outcome in plain Chinese, the relay address remembered for next time."""

from sqlmodel import select

from sfs_desktop.core.people.models import Person
from sfs_desktop.ui.sync.page import SyncPage
from tests.https_relay import HttpsRelay, enrolled_pair


def _click_and_wait(qtbot, box):
    box.buttons["network"].click()
    qtbot.waitUntil(lambda: box.job is not None and box.job.finished, timeout=120_000)
    return box.result.text()


def test_network_sync_button(qtbot, tmp_path):
    county, station = enrolled_pair(tmp_path)
    relay = None
    try:
        station.db.write(lambda s: s.add(Person(name="网络乙")))
        relay = HttpsRelay(county, tmp_path)

        page = SyncPage(station)
        qtbot.addWidget(page)
        box = page.exchange.network
        assert box.url.text() == ""  # nothing remembered yet
        box.url.setText("http://192.168.1.10:8443")
        text = _click_and_wait(qtbot, box)
        assert "网络同步未完成" in text and "https://" in text
        assert box.buttons["network"].isEnabled()

        box.url.setText(relay.url)
        text = _click_and_wait(qtbot, box)
        assert "网络同步完成" in text and "已发送 1 个同步包" in text, text
        with county.db.read() as s:
            assert [p.name for p in s.exec(select(Person)).all()] == ["网络乙"]
        page.tabs.setCurrentWidget(page.exchange)
        page.resize(1000, 760)
        page.grab().save(str(tmp_path / "network-sync.png"))

        again = SyncPage(station)  # the address was remembered (locally, in this data dir)
        qtbot.addWidget(again)
        assert again.exchange.network.url.text() == relay.url
    finally:
        if relay is not None:
            relay.stop()
        county.close()
        station.close()
