"""Staff accounts of this PC: who may log in, with which role, and the failed-login lock.

Accounts are local (not a synced table): a login opens this PC's key file, and passwords are
personal to the machine the person works at. The county learns who did what from the audit
chain head and the records' created_by/updated_by.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import JSON, Field, Session, SQLModel, select

from sfs_desktop.core.db.synced import utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import ROLE_NAMES, Principal

USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,31}$")


class Account(SQLModel, table=True):
    __tablename__ = "account"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=32, unique=True)
    display_name: str = Field(default="", max_length=32)
    role: str = Field(max_length=16)
    committee_ids: list = Field(default_factory=list, sa_type=JSON)
    grants: list = Field(default_factory=list, sa_type=JSON, sa_column_kwargs={"server_default": "[]"})
    disabled: bool = False
    last_login: datetime | None = None
    password_changed_at: datetime = Field(default_factory=utcnow)
    created_at: datetime = Field(default_factory=utcnow)

    def principal(self) -> Principal:
        return Principal(self.username, self.role, self.display_name or self.username, frozenset(self.committee_ids or ()),
                         frozenset(self.grants or ()))


def get(session: Session, username: str) -> Account | None:
    return session.exec(select(Account).where(Account.username == username)).first()


def check_new(session: Session, username: str, role: str) -> None:
    if not USERNAME.match(username):
        raise UserError(f"用户名“{username}”应以字母开头，2–32 位字母、数字或 _ . -")
    if role not in ROLE_NAMES:
        raise UserError(f"角色应为 {' / '.join(f'{k}（{v}）' for k, v in ROLE_NAMES.items())}，而不是“{role}”")
    if get(session, username) is not None:
        raise UserError(f"用户名“{username}”已存在")


def add(session: Session, username: str, role: str, display_name: str = "", committee_ids: list[str] | None = None) -> Account:
    check_new(session, username, role)
    if role == "mediator" and not committee_ids:
        raise UserError("调解员账户必须指定所属调解委员会")
    account = Account(username=username, role=role, display_name=display_name, committee_ids=committee_ids or [])
    session.add(account)
    session.flush()
    return account

