"""The station's 网络同步 button against a real HTTPS relay (issue 19): off the UI thread, the
outcome in plain Chinese, the relay address remembered for next time."""

from sqlmodel import select

from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.security.session import login
from sfs_desktop.core.sync import exporter, identity, importer
from sfs_desktop.ui.sync.page import SyncPage
from tests.conftest import ADMIN, PASSWORD, init_dir
from tests.https_relay import HttpsRelay


def _click_and_wait(qtbot, box):
    box.buttons["network"].click()
    qtbot.waitUntil(lambda: box.job is not None and box.job.finished, timeout=120_000)
    return box.result.text()


def test_network_sync_button(qtbot, tmp_path):
    county_paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    station_paths, _ = init_dir(tmp_path / "430922101")
    county, station = login(county_paths, ADMIN, PASSWORD), login(station_paths, ADMIN, PASSWORD)
    relay = None
    try:
        card = station.db.write(identity.public_card)
        county.db.write(lambda s: identity.add_station(s, card, "桃江县司法局灰山港司法所", SYSTEM))
        stick = tmp_path / "stick"
        stick.mkdir()
        importer.import_files(station.db, [exporter.write_enrollment(county.db, "430922101", stick, SYSTEM)],
                              principal=SYSTEM)
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
