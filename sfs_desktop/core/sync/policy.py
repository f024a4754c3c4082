"""Who receives which rows and which fields (sync-design.md §4.10, domain.md §12–13).

Star topology: a station sends the county every row it changed; the county sends a station the
rows that station owns (its own records and the assignments made to it) and the reference
tables every station shares (tables whose owner rule is "county": code tables, parameters, the
holiday calendar, the checklist). Minimisation: S2/S3 fields of a station's records travel to
the county only for tables the county itself manages (``__county_entitled__ = True`` on the
model, e.g. correction subjects) or for rows the county created; otherwise they never leave the
station.
"""

from __future__ import annotations

from functools import lru_cache

from sfs_desktop.core.db.synced import COUNTY_NODE, SyncedModel
from sfs_desktop.core.fields import Sensitivity, sensitive_fields


def is_broadcast(model: type[SyncedModel]) -> bool:
    """Reference data the county owns and every station receives."""
    return model.__owner_rule__ == "county"


@lru_cache(maxsize=None)
def _sensitive(model: type[SyncedModel]) -> frozenset[str]:
    return frozenset(sensitive_fields(model, Sensitivity.S2))


def withheld(model: type[SyncedModel], origin: str) -> frozenset[str]:
    """Fields of a row (created at `origin`) that are never exchanged between station and county."""
    if getattr(model, "__county_entitled__", False) or origin == COUNTY_NODE:
        return frozenset()
    return _sensitive(model)


def may_send(model: type[SyncedModel], owner: str, sender: str, sender_role: str, recipient: str) -> bool:
    """Is `sender` the authority for a row owned by `owner`, towards `recipient`?

    A station speaks only for its own rows (those it created and those assigned to it), never
    for another station's rows or the county's reference tables; the county speaks for a
    station's rows towards that station and for the reference tables towards every station.
    The exporter sends only such rows and the importer refuses a bundle holding any other: a
    signature proves who sent a bundle, not what the sender may change.
    """
    if sender_role == "station":
        return recipient == COUNTY_NODE and owner == sender and not is_broadcast(model)
    return sender == COUNTY_NODE and (owner == recipient or (owner == COUNTY_NODE and is_broadcast(model)))


def partitions_between(station: str) -> tuple[str, str]:
    """The two partitions a station and the county compare in acks: the station's rows and
    the county's shared reference rows."""
    return station, COUNTY_NODE
