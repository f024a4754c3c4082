"""S2 values are masked for display; the full value only through an audited reveal."""

import pytest

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import audit, masking
from sfs_desktop.core.security.access import Principal

ID = "11010519491231002X"


def test_lists_show_masked_values_and_reveal_is_audited(station_db):
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "陈一", "id_number": ID, "phone": "13800001234"}))
    staff = Principal("clerk", "staff")
    with station_db.read() as s:
        row = masking.display_row(staff, Person, s.get(Person, p.id))
    assert row["id_number"] == "110105********002X" and row["phone"] == "138****1234" and row["name"] == "陈一"
    value = station_db.write(lambda s: masking.reveal(s, staff, Person, p.id, "id_number"))
    assert value == ID
    with station_db.read() as s:
        e = audit.entries(s)[-1]
    assert (e.actor, e.action, e.record_id, e.fields) == ("clerk", "reveal_s2", p.id, "id_number")
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: masking.reveal(s, Principal("ins", "inspector"), Person, p.id, "phone"))
