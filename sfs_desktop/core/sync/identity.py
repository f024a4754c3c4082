"""Node identity, the county-signed roster and station enrollment (sync-design.md §4.5).

Every node generates its signing and encryption key pairs at ``init`` and keeps the private
halves in its encrypted database. The county registers each station's public keys, signs the
roster of all stations with its own key, and enrolls a station with a bundle addressed to that
station's key (county keys, station code, roster, the county secret for person keys). A stolen
laptop is revoked by a newer roster: from then on its bundles are refused.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core.db.synced import COUNTY_NODE, LocalNode, canonical_json, utcnow
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import crypto
from sfs_desktop.core.sync.models import SyncIdentity, SyncPeer

# What this program can read and speak (sync-design.md §4.9). Each node states its own in its key
# card and in every bundle header; the county lists them per node in the signed roster, so it
# knows which stations can take a new format, or the network relay, before it switches.
#   bundle/1 – bundle format and protocol 1;  relay/1 – network sync through the county relay (TLS, pinned)
CAPABILITIES = ("bundle/1", "relay/1")


def local_node(session: Session) -> LocalNode:
    node = session.get(LocalNode, 1)
    if node is None:
        raise UserError("数据库缺少本机节点信息，请重新初始化")
    return node


def ensure_identity(session: Session, *_: Any) -> SyncIdentity:
    """This node's keys, generated on first use (at init, or for a database from before sync)."""
    ident = session.get(SyncIdentity, 1)
    if ident is None:
        keys = crypto.NodeKeys.generate()
        node = local_node(session)
        ident = SyncIdentity(id=1, node_id=node.node_id, sign_seed=keys.sign_seed, box_secret=keys.box_secret,
                             county_secret=secrets.token_bytes(32) if node.role == "county" else None)
        session.add(ident)
        session.flush()
    return ident


def node_keys(ident: SyncIdentity) -> crypto.NodeKeys:
    return crypto.NodeKeys(ident.sign_seed, ident.box_secret)


def public_card(session: Session) -> dict[str, Any]:
    """What a station hands to the county to be registered (public keys only)."""
    ident = ensure_identity(session)
    node = local_node(session)
    keys = node_keys(ident)
    return {"node": node.node_id, "role": node.role, "sign_pk": keys.sign_pk.hex(), "box_pk": keys.box_pk.hex(),
            "fingerprint": crypto.fingerprint(keys.sign_pk, keys.box_pk), "capabilities": list(CAPABILITIES)}


def peer(session: Session, node_id: str) -> SyncPeer | None:
    return session.get(SyncPeer, node_id)


def require_county(session: Session, what: str = "管理司法所名册") -> None:
    if local_node(session).role != "county":
        raise UserError(f"只有县司法局的程序可以{what}")


def require_station(session: Session, what: str) -> None:
    """A station's own casework (衔接, 走访 …): the county hands it over (assign), it does not do it."""
    if local_node(session).role == "county":
        raise PermissionDenied(f"{what}由司法所办理，县司法局不能办理（需要时用 assign 交办给司法所）")


# --- roster ---------------------------------------------------------------------------------

def _roster_body(session: Session, version: int) -> dict[str, Any]:
    from sfs_desktop.core.sync import relay_tls

    ident = ensure_identity(session)
    keys = node_keys(ident)
    stations = session.exec(select(SyncPeer).where(SyncPeer.role == "station").order_by(SyncPeer.node_id)).all()
    return {
        "version": version,
        "issued_at": utcnow().isoformat(timespec="seconds"),
        "county": {"node": COUNTY_NODE, "sign_pk": keys.sign_pk.hex(), "box_pk": keys.box_pk.hex(),
                   "capabilities": list(CAPABILITIES),
                   "tls_sha256": relay_tls.fingerprint(ident.tls_cert) if ident.tls_cert else None},
        "stations": [{"node": p.node_id, "name": p.name, "sign_pk": p.sign_pk.hex(), "box_pk": p.box_pk.hex(),
                      "revoked_at": p.revoked_at.isoformat(timespec="seconds") if p.revoked_at else None,
                      "capabilities": list(p.capabilities or [])}
                     for p in stations],
    }


def reissue_roster(session: Session) -> dict[str, Any]:
    """County: sign a new roster version after any registration or revocation."""
    ident = ensure_identity(session)
    version = int((ident.roster or {}).get("version", 0)) + 1
    body = _roster_body(session, version)
    signature = node_keys(ident).sign(b"SJXR1" + canonical_json(body).encode("utf-8"))
    ident.roster = {**body, "signature": signature.hex()}
    session.add(ident)
    return ident.roster


def roster_valid(roster: dict[str, Any], county_sign_pk: bytes) -> bool:
    body = {k: v for k, v in roster.items() if k != "signature"}
    try:
        signature = bytes.fromhex(roster.get("signature", ""))
    except ValueError:
        return False
    return crypto.verify(county_sign_pk, b"SJXR1" + canonical_json(body).encode("utf-8"), signature)


def apply_roster(session: Session, roster: dict[str, Any]) -> bool:
    """Station: take a newer roster signed by the enrolled county; returns True if applied."""
    county = peer(session, COUNTY_NODE)
    ident = ensure_identity(session)
    if county is None or not roster_valid(roster, county.sign_pk):
        return False
    if int(roster.get("version", 0)) <= int((ident.roster or {}).get("version", 0)):
        return False
    ident.roster = roster
    session.add(ident)
    _take_county_entry(county, roster)
    session.add(county)
    return True


def _take_county_entry(county: SyncPeer, roster: dict[str, Any]) -> None:
    """Station: the county's relay pin and capabilities from a roster it signed (a certificate
    made or replaced after enrollment reaches the station this way, on a USB stick too)."""
    entry = roster.get("county") or {}
    pin = entry.get("tls_sha256")
    if isinstance(pin, str) and len(pin) == 64:
        county.tls_sha256 = pin.lower()
    county.capabilities = capabilities_of(entry)


def capabilities_of(declared: Any) -> list[str]:
    """The capability list a key card, roster entry or bundle header states (junk ignored)."""
    caps = declared.get("capabilities") if isinstance(declared, dict) else None
    if not isinstance(caps, list):
        return []
    return sorted({c for c in caps if isinstance(c, str) and 0 < len(c) <= 32})


def take_capabilities(session: Session, peer_row: SyncPeer, header: dict[str, Any]) -> None:
    """County: a station's bundle states what its program can do now (it may have been
    upgraded since it was registered); a change goes into a reissued roster."""
    caps = capabilities_of(header)
    if caps and caps != sorted(peer_row.capabilities or []):
        peer_row.capabilities = caps
        session.add(peer_row)
        session.flush()
        reissue_roster(session)


def lacking(session: Session, capability: str) -> list[str]:
    """County: the stations (not revoked) whose program has not said it can do `capability`."""
    stations = session.exec(select(SyncPeer).where(SyncPeer.role == "station", SyncPeer.revoked_at.is_(None))
                            .order_by(SyncPeer.node_id)).all()
    return [p.node_id for p in stations if capability not in (p.capabilities or [])]


def roster_revoked(session: Session, node_id: str) -> bool:
    """Station side: the newest roster says `node_id` (this station) is revoked."""
    ident = ensure_identity(session)
    for st in (ident.roster or {}).get("stations", []):
        if st.get("node") == node_id:
            return bool(st.get("revoked_at"))
    return False


# --- county: station registry -------------------------------------------------------------------

def add_station(session: Session, card: dict[str, Any], name: str, principal: Principal) -> SyncPeer:
    """County: register a station's public keys (from its key card) and reissue the roster."""
    require(principal, "settings")  # whom the county trusts is the head's decision
    require_county(session)
    code = str(card.get("node", ""))
    if not code.isdigit() or not 6 <= len(code) <= 12:
        raise UserError("密钥卡中的司法所代码无效：应为 6–12 位数字")
    if card.get("role") != "station":
        raise UserError("该密钥卡不是司法所的（角色不是 station）")
    try:
        sign_pk, box_pk = bytes.fromhex(card["sign_pk"]), bytes.fromhex(card["box_pk"])
    except (KeyError, ValueError, TypeError):
        raise UserError("密钥卡已损坏：公钥不是有效的十六进制") from None
    if len(sign_pk) != 32 or len(box_pk) != 32:
        raise UserError("密钥卡已损坏：公钥长度不对")
    if not name.strip():
        raise UserError("司法所名称不能为空")
    existing = peer(session, code)
    if existing is not None and existing.revoked_at is None:
        raise UserError(f"司法所 {code} 已在名册中；如需更换密钥，请先吊销再重新登记")
    caps = capabilities_of(card)
    if existing is not None:
        existing.sign_pk, existing.box_pk, existing.revoked_at, existing.name = sign_pk, box_pk, None, name.strip()
        existing.capabilities = caps
        # a re-registered station starts over: nothing it had acknowledged is assumed any more
        existing.acked, existing.have, existing.ack_seq = {}, {}, []
        p = existing
    else:
        p = SyncPeer(node_id=code, role="station", name=name.strip(), sign_pk=sign_pk, box_pk=box_pk,
                     capabilities=caps)
    session.add(p)
    session.flush()
    reissue_roster(session)
    return p


def revoke_station(session: Session, code: str, principal: Principal) -> SyncPeer:
    require(principal, "settings")
    require_county(session)
    p = peer(session, code)
    if p is None or p.role != "station":
        raise UserError(f"名册中没有司法所 {code}")
    if p.revoked_at is not None:
        raise UserError(f"司法所 {code} 已于 {p.revoked_at:%Y-%m-%d} 吊销")
    p.revoked_at = utcnow()
    session.add(p)
    session.flush()
    reissue_roster(session)
    return p


def accept_enrollment(session: Session, header: dict[str, Any], payload: dict[str, Any]) -> SyncPeer:
    """Station: take the county's keys, roster and secret from a verified enrollment bundle."""
    node = local_node(session)
    ident = ensure_identity(session)
    if node.role != "station":
        raise UserError("县司法局的程序不能导入登记包")
    keys = header.get("county_keys") or {}
    sign_pk, box_pk = bytes.fromhex(keys["sign_pk"]), bytes.fromhex(keys["box_pk"])
    existing = peer(session, COUNTY_NODE)
    if existing is not None and (existing.sign_pk != sign_pk or existing.box_pk != box_pk):
        raise UserError("本所已由另一个县司法局密钥登记；登记包的县局密钥与已登记的不同，未导入")
    roster = payload.get("roster") or {}
    if payload.get("station") != node.node_id or not roster_valid(roster, sign_pk):
        raise UserError("登记包的名册签名无效或不是发给本所的，未导入")
    me = node_keys(ident)
    entry = next((s for s in roster.get("stations", []) if s.get("node") == node.node_id), None)
    if entry is None or entry.get("sign_pk") != me.sign_pk.hex() or entry.get("box_pk") != me.box_pk.hex():
        raise UserError("登记包中的本所公钥与本机密钥不符：请把本机的密钥卡重新交给县司法局登记")
    if existing is None:
        existing = SyncPeer(node_id=COUNTY_NODE, role="county", name="县司法局", sign_pk=sign_pk, box_pk=box_pk,
                            enrolled_at=utcnow())
    ident.county_secret = bytes.fromhex(payload["county_secret"])
    if int(roster.get("version", 0)) > int((ident.roster or {}).get("version", 0)):
        ident.roster = roster
    _take_county_entry(existing, roster)
    pin = keys.get("tls_sha256")  # signed with the header; the same as the roster's, stated twice
    if isinstance(pin, str) and len(pin) == 64:
        existing.tls_sha256 = pin.lower()
    session.add(existing)
    session.add(ident)
    session.flush()
    return existing


def enrolled_at(session: Session) -> datetime | None:
    county = peer(session, COUNTY_NODE)
    return county.enrolled_at if county else None
