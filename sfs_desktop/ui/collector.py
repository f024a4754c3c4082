"""Python's cyclic garbage collector runs only on the UI thread (Anki's GarbageCollector).

Any Python thread that allocates can start a collection, and a collection frees whatever cycle
it finds, in the thread it runs on. A cycle holding a widget (a dialog and a callback that
names it) freed on the writer or a worker thread destroys a Qt object off the UI thread: a
hang or a crash later. So automatic collection is switched off for the whole process, and a
timer on the UI thread collects, generation by generation, as often as the automatic
collector would have. Objects without cycles are freed by reference counting as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000

_installed: "GarbageCollector | None" = None


class GarbageCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> int:
        """Collect the generations whose counts passed the thresholds; returns what was freed."""
        counts = gc.get_count()
        freed = 0
        if counts[0] > self.threshold[0]:
            generation = 0
            if counts[1] > self.threshold[1]:
                generation = 2 if counts[2] > self.threshold[2] else 1
            freed = gc.collect(generation)
        return freed

    def collect(self) -> int:
        """A full collection now (on the UI thread)."""
        return gc.collect()


def install(app: QObject, interval_ms: int = INTERVAL_MS) -> GarbageCollector:
    """Switch automatic collection off and collect from a timer on `app`'s (the UI) thread; once."""
    global _installed
    if _installed is None:
        _installed = GarbageCollector(app, interval_ms)
    gc.disable()
    return _installed
