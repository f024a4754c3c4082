"""person_key: a keyed hash of the ID number (sync-design.md §4.2).

Two stations that register the same person get different record ids but the same key, so the
county can queue them as possible duplicates without the ID number ever leaving a station.
The HMAC key is the county's secret, handed to each station inside its enrollment bundle.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import func
from sqlmodel import Session, select

from sfs_desktop.core.people.models import Person
from sfs_desktop.core.sync.identity import ensure_identity
from sfs_desktop.core.sync.models import SyncDuplicate


def person_key(secret: bytes, id_number: str) -> str:
    normalized = id_number.strip().upper()
    return hmac.new(secret, normalized.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def fill_person_keys(session: Session) -> int:
    """Give every person with an ID number its key (an ordinary, change-captured edit)."""
    secret = ensure_identity(session).county_secret
    if not secret:
        return 0
    rows = session.exec(select(Person).where(Person.person_key == None, Person.id_number != None)).all()  # noqa: E711
    for p in rows:
        p.person_key = person_key(secret, p.id_number)
        session.add(p)
    session.flush()
    return len(rows)


def queue_duplicates(session: Session, keys: set[str]) -> int:
    """County: record pairs of live persons sharing a key (a person decides whether to merge)."""
    if not keys:
        return 0
    found = 0
    seen = {(d.person_a, d.person_b) for d in session.exec(select(SyncDuplicate)).all()}
    groups = session.exec(
        select(Person.person_key, func.group_concat(Person.id))
        .where(Person.person_key.in_(list(keys)), Person.deleted == False, Person.merged_into == None)  # noqa: E711,E712
        .group_by(Person.person_key).having(func.count() > 1)).all()
    for _key, ids in groups:
        members = sorted(ids.split(","))
        for other in members[1:]:
            pair = (members[0], other)
            if pair not in seen:
                session.add(SyncDuplicate(person_a=pair[0], person_b=pair[1]))
                seen.add(pair)
                found += 1
    return found
