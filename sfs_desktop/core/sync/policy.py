"""Who receives which rows and which fields (sync-design.md §4.10, domain.md §12–13).

Star topology: a station sends the county every row it changed; the county sends a station the
rows that station owns (its own records and the assignments made to it) and the reference
tables every station shares (tables whose owner rule is "county": code tables, parameters, the
holiday calendar, the checklist). Minimisation: S2/S3 fields of a station's records travel to
the county only for tables the county itself manages (``__county_entitled__ = True`` on the
model, e.g. correction subjects) or for rows the county created; otherwise they never leave the
station.

Juvenile correction subjects (C33; 社区矫正法 §54, 刑事诉讼法 §286) travel whole, like every other
subject: the county's 社区矫正机构 is the legal executor (社区矫正法 §9) that keeps the 执行档案 and
decides the leave, sanctions and release of the subject, and a judicial body executing the sentence
is one of those the law lets the files reach; sealing (封存) bars disclosure to third parties, not
to the executor. Withholding the fields would also break what the county must do with the rows
(decide a proposal, hand the file to another station on a change of execution place). So nothing
is withheld; what sealing means here is enforced where the rows are read, at both ends: a bundle
goes only to the county or, from the county, only to the owning station (`may_send`); it is
encrypted to the recipient's key; and in either program a juvenile subject and its rows are read
only with "juvenile.read" (`access.RowLock`, the county's own staff included), every access audited.
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
