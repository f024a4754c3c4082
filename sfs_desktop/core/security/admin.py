"""Account administration: add, disable, change passwords, recovery-key reset.

A password change rewraps the database key for that account only; the database itself is
never re-encrypted. Disabling an account removes its wrap, so the password no longer opens
anything even on a copy of the key file made later.
"""

from __future__ import annotations

from sqlmodel import Session, select

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, attempts, audit, keys
from sfs_desktop.core.security.access import GRANTABLE, PERMISSION_NAMES, ROLE_NAMES, ROLE_PERMISSIONS, require
from sfs_desktop.core.security.passwords import password_problem
from sfs_desktop.core.security.session import AppSession, policy_of


def _station_code(s: Session) -> str:
    from sfs_desktop.core.station.models import Station

    return s.exec(select(Station.station_code)).first() or ""


def _check_password(s: Session, username: str, password: str) -> None:
    problem = password_problem(password, username=username, station_code=_station_code(s))
    if problem:
        raise UserError(f"密码不符合要求：{problem}")


def add_user(app: AppSession, username: str, role: str, password: str, display_name: str = "",
             committee_ids: list[str] | None = None) -> None:
    require(app.principal, "user.admin")
    keyfile = keys.KeyFile.load(app.paths.keyfile)

    def work(s: Session) -> None:
        _check_password(s, username, password)
        accounts.add(s, username, role, display_name, committee_ids)
        audit.record(s, app.principal.username, "user_admin", "account", fields=(f"add:{username}",))
        keyfile.set_account(username, app.dek, password, role)
        keyfile.save(app.dek)  # inside the transaction: if saving fails, the account is not created
    app.write(work)


def disable_user(app: AppSession, username: str) -> None:
    require(app.principal, "user.admin")
    if username == app.principal.username:
        raise UserError("不能停用自己正在使用的账户")
    keyfile = keys.KeyFile.load(app.paths.keyfile)

    def work(s: Session) -> None:
        account = accounts.get(s, username)
        if account is None:
            raise UserError(f"没有账户“{username}”")
        others = [a for a in s.exec(select(accounts.Account).where(accounts.Account.role == "head",
                                                                   accounts.Account.disabled == False))  # noqa: E712
                  if a.username != username]
        if account.role == "head" and not others:
            raise UserError("不能停用最后一个所长账户")
        account.disabled = True
        audit.record(s, app.principal.username, "user_admin", "account", fields=(f"disable:{username}",))
        keyfile.remove_account(username)
        keyfile.save(app.dek)
    app.write(work)


def set_password(app: AppSession, username: str, new_password: str) -> None:
    """Change one's own password, or (所长) reset another account's."""
    if username != app.principal.username:
        require(app.principal, "user.admin")
    keyfile = keys.KeyFile.load(app.paths.keyfile)

    def work(s: Session) -> None:
        account = accounts.get(s, username)
        if account is None or account.disabled:
            raise UserError(f"没有可用的账户“{username}”")
        _check_password(s, username, new_password)
        from sfs_desktop.core.db.synced import utcnow

        account.password_changed_at = utcnow()
        audit.record(s, app.principal.username, "user_admin", "account", fields=(f"passwd:{username}",))
        keyfile.set_account(username, app.dek, new_password, account.role)
        keyfile.data.setdefault("logins", {})[username] = {"failed": []}  # a reset ends a lockout (and re-signs)
        keyfile.save(app.dek)
    app.write(work)


def change_own_password(app: AppSession, current: str, new_password: str) -> None:
    """One's own change needs the current password: a PC left signed in must not be taken over.
    A wrong current password counts like a failed login."""
    attempts.verify(keys.KeyFile.load(app.paths.keyfile), app.principal.username, current)
    if new_password == current:
        raise UserError("新密码不能与当前密码相同")
    set_password(app, app.principal.username, new_password)


def recover(db: Database, dek: bytes, username: str, new_password: str) -> None:
    """Reset a 所长 account's password with the recovery key (opened by session.login_recovery)."""
    keyfile = keys.KeyFile.load(db.paths.keyfile, check_signature=False, repair=True)
    damaged = not keyfile.signature_ok() or not keyfile.belongs_to(dek)
    upgrading = not keyfile.signed

    def work(s: Session) -> None:
        account = accounts.get(s, username)
        if account is None or account.role != "head":
            raise UserError(f"“{username}”不是所长账户：恢复密钥只能重置所长账户的密码")
        _check_password(s, username, new_password)
        account.disabled = False
        audit.record(s, username, "recover", "account", fields=(f"passwd:{username}",))
        roles = {a.username: a.role for a in s.exec(select(accounts.Account)).all() if not a.disabled}
        _reseal(keyfile, roles, damaged)
        keyfile.data["policy"] = policy_of(s)
        if damaged or upgrading:
            audit.record(s, username, "keyfile", fields=("repair" if damaged else "upgrade",))
        keyfile.set_account(username, dek, new_password, "head")
        keyfile.data.setdefault("logins", {})[username] = {"failed": []}
        keyfile.save(dek)
    db.write(work)


def _reseal(keyfile: keys.KeyFile, roles: dict[str, str], damaged: bool) -> None:
    """Before the recovery key signs the file again: only wraps of current accounts stay, with their
    roles from the database; after tampering, unbound (format-1) wraps go too — those accounts get a
    new password from the 所长 — and failure records that were changed are kept as they are now."""
    for label in [k for k in keyfile.wraps if k.startswith("user:")]:
        name, entry = label.removeprefix("user:"), keyfile.wraps[label]
        if name not in roles or (damaged and entry.get("v", 1) == 1):
            del keyfile.wraps[label]
        elif entry.get("v", 1) == 1:
            entry["role"] = roles[name]


def grant(app: AppSession, username: str, permission: str, *, on: bool = True) -> None:
    """Give (or, with `on=False`, take back) one account a permission beyond its role: the 所长
    designates the 工作人员 who supervise juvenile subjects ("juvenile.read", access.GRANTABLE)."""
    require(app.principal, "user.admin")

    def work(s: Session) -> None:
        account = accounts.get(s, username)
        if account is None or account.disabled:
            raise UserError(f"没有可用的账户“{username}”")
        allowed = GRANTABLE.get(account.role, frozenset())
        if permission not in allowed:
            if permission not in PERMISSION_NAMES:
                raise UserError(f"没有权限“{permission}”；可授予的权限：{'、'.join(sorted(set().union(*GRANTABLE.values())))}")
            raise UserError(f"不能给{ROLE_NAMES.get(account.role, account.role)}账户单独授予“{PERMISSION_NAMES[permission]}”"
                            f"（{'该角色已有此权限' if permission in ROLE_PERMISSIONS.get(account.role, ()) else '该角色不得持有此权限'}）")
        held = set(account.grants or ())
        account.grants = sorted((held | {permission}) if on else (held - {permission}))
        s.add(account)
        audit.record(s, app.principal.username, "user_admin", "account",
                     fields=(f"{'grant' if on else 'revoke'}:{username}:{permission}",))
    app.write(work)


def list_users(app: AppSession) -> list[accounts.Account]:
    require(app.principal, "user.admin")
    with app.db.read() as s:
        return list(s.exec(select(accounts.Account).order_by(accounts.Account.username)).all())
