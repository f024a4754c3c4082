"""The county's GUI imports what the relay staged while the GUI holds the database (issue 19)."""

import hashlib

from sqlmodel import select

from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import exporter
from sfs_desktop.core.sync.relay_dir import RelayDir
from sfs_desktop.ui.sync.page import SyncPage
from tests.https_relay import enrolled_pair


def _stage(relay: RelayDir, node: str, path) -> None:
    """What the relay does with a station's upload: append, check, move into the inbox."""
    data = path.read_bytes()
    up = relay.create(node, path.stem, len(data), hashlib.sha256(data).hexdigest(), 1 << 30)
    writer = relay.append(up, 0, 1 << 30)
    writer.write(data)
    relay.complete(writer.commit(hashlib.sha256(data).hexdigest()))


def test_the_stations_tab_picks_up_relayed_uploads(qtbot, tmp_path):
    county, station = enrolled_pair(tmp_path)
    stick = tmp_path / "stick"
    try:
        station.db.write(lambda s: s.add(Person(name="网络甲")))
        [res] = exporter.export(station.db, stick, principal=SYSTEM)
        page = SyncPage(county)
        qtbot.addWidget(page)
        page.stations.pick_up()
        qtbot.waitUntil(lambda: page.stations.pickup_job.finished, timeout=60_000)
        assert "尚未运行过县局中继" in page.stations.relay_label.text()

        relay = RelayDir(county.paths.relay)
        for f in res.files:
            _stage(relay, "430922101", f)
        page.stations.buttons["relay"].click()
        qtbot.waitUntil(lambda: page.stations.pickup_job.finished, timeout=60_000)
        assert "收取了 1 个" in page.stations.relay_label.text(), page.stations.relay_label.text()
        with county.db.read() as s:
            assert [p.name for p in s.exec(select(Person)).all()] == ["网络甲"]
        assert relay.waiting() == [] and relay.receipt(res.files[0].stem)["status"] == "imported"
        assert relay.replies("430922101")  # the county's ack waits for the station's next sync
        page.tabs.setCurrentWidget(page.stations)
        page.resize(1000, 600)
        page.grab().save(str(tmp_path / "relay-pickup.png"))
    finally:
        county.close()
        station.close()
