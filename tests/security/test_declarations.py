"""Declared once, used everywhere: which documents get the GB 11643 check, the print label of a
number, the person_key after a corrected number, and sorting a masked column."""

from __future__ import annotations

from sfs_desktop.core import ledger
from sfs_desktop.core.fields import validate
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import SYSTEM

ID = "11010519491231002X"


def test_a_passport_number_passes_the_declaration_the_form_uses():
    # the GUI form validates through fields.validate: same answer as core
    assert validate(Person, {"name": "Anna", "id_type": "06", "id_number": "E12345678"}) == []
    problems = validate(Person, {"name": "张", "id_type": "01", "id_number": "E12345678"})
    assert [p.field for p in problems] == ["id_number"]
    assert [p.field for p in validate(Person, {"name": "张", "id_number": "123"})] == ["id_number"]


def test_the_print_label_follows_the_document_type(station_db):
    with station_db.read() as s:
        assert registry.id_label(s, "01") == "居民身份证号码"
        assert registry.id_label(s, "06") != "居民身份证号码" and registry.id_label(s, "06").endswith("号码")
        assert registry.id_label(s, None) == "证件号码"


def test_a_corrected_id_number_drops_the_old_person_key(station_db):
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "改号", "id_number": ID}))

    def set_key(s):
        s.get(Person, p.id).person_key = "old-key"
    station_db.write(set_key)
    station_db.write(lambda s: registry.update_person(s, SYSTEM, p.id, {"occupation": "务农"}))
    with station_db.read() as s:
        assert s.get(Person, p.id).person_key == "old-key"  # unchanged number: key kept
    station_db.write(lambda s: registry.update_person(s, SYSTEM, p.id, {"id_number": "110105198001010016"},
                                                      confirm_warnings=True))
    with station_db.read() as s:
        assert s.get(Person, p.id).person_key is None  # recomputed from the new number at the next export


def test_sorting_by_a_masked_column_does_not_order_by_the_clear_value(station_db):
    # born 1990, 1950, 1970 (clear order: b, c, a); the masks end 0013, 0021, 0039 (a, b, c)
    numbers = {"a": "430922199001010013", "b": "430922195001010021", "c": "430922197001010039"}
    from sfs_desktop.core import idcheck

    fixed = {k: v[:17] + idcheck.id_check_char(v[:17]) for k, v in numbers.items()}
    ids = {k: station_db.write(lambda s, n=n: registry.register_person(s, SYSTEM, {"name": f"排{k}", "id_number": n},
                                                                       confirm_warnings=True)).id
           for k, n in fixed.items()}
    with station_db.read() as s:
        order = ledger.ids(s, SYSTEM, Person, ledger.LedgerQuery(sort="id_number"))
    by_id = {v: k for k, v in ids.items()}
    shown = [by_id[i] for i in order if i in by_id]
    assert shown == sorted(shown, key=lambda k: fixed[k][:6] + fixed[k][-4:])
    assert shown != sorted(shown, key=lambda k: fixed[k])
