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


class HttpsRelay:
    """The county's relay as `relay` runs it, HTTPS on 127.0.0.1, in a thread of this process."""

    def __init__(self, county, root):
        """`county`: anything with the county's open `db`."""
        self.dir = RelayDir(root / "relay")
        self.tls = relay_import.publish_tls(county.db, self.dir, DEK)
        relay_import.publish_roster(county.db, self.dir)
        self.verifier = relay_auth.Verifier(self.dir.station_keys, seen=self.dir.nonces_file)
        state = Relay(self.dir, self.verifier, lambda asking: relay_import.pickup(county.db, SYSTEM, self.dir, asking))
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
