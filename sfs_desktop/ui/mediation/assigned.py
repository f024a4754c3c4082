"""县局交办 tab of 人民调解: the disputes the county handed over (a station opens one in 矛盾排查)."""

from __future__ import annotations

from sfs_desktop.core import duties
from sfs_desktop.ui import assigned


class AssignedTab(assigned.AssignedTab):
    def __init__(self, app, parent=None):
        super().__init__(app, parent, tables=tuple(t for t, (d, _a) in duties.assignables().items()
                                                   if d.key == "mediation"))
        if hasattr(parent, "open_record"):
            self.record_chosen.connect(parent.open_record)
