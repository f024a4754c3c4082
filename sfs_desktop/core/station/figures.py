"""The shared figures of the dashboard's 基本情况 row (core/duties.py SHARED_TILES)."""

from __future__ import annotations

from sfs_desktop.core.db.synced import count_live
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.station.models import AdminArea, Staff


def count_people(session, who, today) -> int:
    return count_live(session, Person)


def count_staff(session, who, today) -> int:
    return count_live(session, Staff)


def count_areas(session, who, today) -> int:
    return count_live(session, AdminArea)


def station_name(session) -> str:
    """This installation's station (or county) name, for the window title."""
    from sqlmodel import select

    from sfs_desktop.core.station.models import Station

    station = session.exec(select(Station)).first()
    return station.name if station else ""
