"""sync-design.md §5 tests 12 and 28, county → station: 100 runs of bundles the county assigns to
the station, each fetched through a link cut 1–5 times (the upward half, the figures and test 13
are in `test_relay_acceptance.py`; a file of its own so the heavy suite's two workers share the
runs)."""

from __future__ import annotations

import pytest

from tests.sync.relay_cuts import cut_runs

pytestmark = pytest.mark.slow


@pytest.mark.timeout(700)
def test_12_and_28_county_to_station_through_a_cut_link(county, station, tmp_path, monkeypatch):
    cut_runs(county, station, tmp_path, monkeypatch, upward=False, seed=13)
