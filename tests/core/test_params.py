"""Parameters are declared once in core; the shipped defaults agree; call sites read the declaration."""

from sqlmodel import select

from sfs_desktop.core import codes, params
from sfs_desktop.core.codes import Param
from sfs_desktop.core.mediation import stats


def test_declarations_and_shipped_defaults_agree():
    shipped = {row["key"]: row for row in codes.default_data()["params"]}
    declared = params.declared()
    assert set(shipped) <= set(declared), set(shipped) - set(declared)
    for key, row in shipped.items():
        spec = declared[key]
        assert (spec.default, spec.unit, spec.label) == (row["value"], row["unit"], row["label"]), key
    assert params.label("mediation.village_share_target") == "村（社区）调委会调解案件占比目标（%）"


def test_a_changed_value_reaches_the_report_and_the_deadlines(station_db):
    with station_db.read() as s:
        assert params.get(s, "mediation.village_share_target") == 70
        assert stats.village_share_target(s) == 0.7

    def change(s):
        row = s.exec(select(Param).where(Param.key == "mediation.village_share_target")).first()
        row.value = "75"
        s.add(row)
    station_db.write(change)
    with station_db.read() as s:
        assert params.get(s, "mediation.village_share_target") == 75  # typed as declared
        assert stats.compute(s, "2024").village_share_target == 0.75
