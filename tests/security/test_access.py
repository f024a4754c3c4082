"""Roles are enforced in core: mediators see only their committee, inspectors cannot write."""

import pytest
from sqlalchemy.orm import registry
from sqlmodel import Field, Session, SQLModel, create_engine, select

from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.fields import Mask, Sensitivity, field
from sfs_desktop.core.security import audit, masking
from sfs_desktop.core.security.access import AccessRule, Principal, check_row, require, scoped


class _Base(SQLModel, registry=registry()):
    pass


class Case(_Base, table=True):
    __tablename__ = "t_case"
    __access__ = AccessRule(committee_field="committee_id")
    id: str = Field(primary_key=True)
    committee_id: str
    title: str = field("案由")


class Subject(_Base, table=True):
    __tablename__ = "t_subject"
    __access__ = AccessRule(s3=True)
    id: str = Field(primary_key=True)
    crime: str = field("罪名", sensitivity=Sensitivity.S3)


mediator = Principal("tj", "mediator", "调解员", frozenset({"c1"}))
inspector = Principal("ins", "inspector")
staff = Principal("st", "staff")


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    _Base.metadata.create_all(engine)
    audit.AuditLog.__table__.create(engine)
    with Session(engine) as s:
        s.add_all([Case(id="a", committee_id="c1", title="邻里"), Case(id="b", committee_id="c2", title="婚姻"),
                   Subject(id="x", crime="盗窃罪")])
        s.commit()
        yield s


def test_mediator_sees_only_own_committee(session):
    rows = session.exec(scoped(mediator, select(Case), Case)).all()
    assert [r.id for r in rows] == ["a"]
    with pytest.raises(PermissionDenied, match="本调解委员会"):
        check_row(mediator, Case, session.get(Case, "b"))
    assert len(session.exec(scoped(staff, select(Case), Case)).all()) == 2


def test_mediator_cannot_read_correction_records(session):
    with pytest.raises(PermissionDenied, match="涉罪"):
        scoped(mediator, select(Subject), Subject)
    with pytest.raises(PermissionDenied):
        masking.read_sensitive(session, mediator, Subject, "x")


def test_inspector_reads_but_cannot_write(session):
    assert len(session.exec(scoped(inspector, select(Case), Case)).all()) == 2
    with pytest.raises(PermissionDenied, match="只读"):
        check_row(inspector, Case, session.get(Case, "a"), write=True)
    with pytest.raises(PermissionDenied):
        require(inspector, "export")


def test_s3_read_is_audited(session):
    masking.read_sensitive(session, staff, Subject, "x")
    e = audit.entries(session)[-1]
    assert (e.action, e.table_name, e.record_id, e.fields) == ("view_s3", "t_subject", "x", "crime")
    assert "盗窃" not in e.fields


def test_masks():
    assert masking.mask(Mask.ID_NUMBER, "430922198001010011") == "430922********0011"
    assert masking.mask(Mask.PHONE, "13812345678") == "138****5678"
    assert masking.mask(Mask.ADDRESS, "桃江县灰山港镇竹山村3组") == "桃江县灰山港****"
