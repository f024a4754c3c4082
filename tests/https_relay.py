"""The county's relay as `sfs-desktop relay` runs it (HTTPS with its own certificate), served by
uvicorn on 127.0.0.1 in a thread of the test process, for the station client to meet for real."""

from __future__ import annotations

import threading
import time

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import relay_auth, relay_import
from sfs_desktop.core.sync.relay import Relay, server
from sfs_desktop.core.sync.relay_dir import RelayDir

DEK = bytes(range(32))


def enrolled_pair(tmp_path):
    """A county and a station (signed-in AppSessions, in-process), the station enrolled."""
    from sfs_desktop.core.security.session import login
    from sfs_desktop.core.sync import exporter, identity, importer
    from tests.conftest import ADMIN, PASSWORD, init_dir

    county_paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    station_paths, _ = init_dir(tmp_path / "430922101")
    county, station = login(county_paths, ADMIN, PASSWORD), login(station_paths, ADMIN, PASSWORD)
    card = station.db.write(identity.public_card)
    county.db.write(lambda s: identity.add_station(s, card, "桃江县司法局灰山港司法所", SYSTEM))
    stick = tmp_path / "stick"
    stick.mkdir()
    importer.import_files(station.db, [exporter.write_enrollment(county.db, "430922101", stick, SYSTEM)],
                          principal=SYSTEM)
    return county, station


class HttpsRelay:
    """The county's relay as `relay` runs it, HTTPS on 127.0.0.1, in a thread of this process."""

    def __init__(self, county, root, **limits):
        """`county`: anything with the county's open `db`; `limits`: the Relay's keyword limits."""
        self.dir = RelayDir(root / "relay")
        self.tls = relay_import.publish_tls(county.db, self.dir, DEK)
        relay_import.publish_roster(county.db, self.dir)
        self.verifier = relay_auth.Verifier(self.dir.station_keys, seen=self.dir.nonces_file)
        state = Relay(self.dir, self.verifier, lambda asking: relay_import.pickup(county.db, SYSTEM, self.dir, asking),
                      **limits)
        self.server = server(state, "127.0.0.1", 0, self.tls)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            time.sleep(0.05)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.verifier.close()
