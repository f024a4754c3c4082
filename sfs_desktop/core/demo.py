"""Realistic generated demo data for a station in 桃江县 — never real people.

Names are drawn from common surnames and given-name characters, ID numbers are fictitious but
carry valid check characters (so the program's checks accept them), phone numbers use the
reserved-looking 1380000xxxx style range. Each duty registers a generator that adds its own
records on top of the shared ones (:func:`register`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from sqlmodel import Session, select

from sfs_desktop.core import idcheck, townships
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.station.models import AdminArea, Staff, Station

COUNTY_CODE = "430922"
TOWNSHIPS = townships.TOWNSHIPS  # the county's list (core/townships.py)
SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志春林海波辉鹏飞燕凤琴云莲福生德荣"
VILLAGE_WORDS = "桃花 竹山 石门 清溪 荷塘 枫树 茶园 松柏 白石 杨家 新桥 龙潭 金鸡 凤凰 长塘 大塘 望城 沙坪 双江 高峰 团山 马鞍 黄泥 青山 水口 莲花 仙峰 梅林".split()
OCCUPATIONS = ["务农", "个体经营", "外出务工", "教师", "退休", "自由职业", "企业职工", "无业"]


@dataclass
class DemoContext:
    """What every duty's generator may build on."""

    db: Database
    rng: random.Random
    scale: int
    station: Station
    villages: list[AdminArea]
    person_ids: list[str]
    staff_ids: list[str]
    counts: dict[str, int] = field(default_factory=dict)


Generator = Callable[[DemoContext], None]
_GENERATORS: list[Generator] = []


def register(generator: Generator) -> Generator:
    """Duties call this (as a decorator) to add their demo records."""
    _GENERATORS.append(generator)
    return generator


Key = Callable[[dict], object]


def insert_missing(session: Session, model, rows: list[dict], key: Key, column_key: Key | None = None
                   ) -> tuple[list[str], list[bool]]:
    """Insert the rows not already present, by their natural key; returns every row's id (the
    existing one for a row already there) and which rows are new. What makes a generator
    idempotent: run twice with the same seed, the second run finds everything and adds nothing.

    `key(row)` reads the key of a row to insert; `column_key(record)` the same key of a stored
    record (default: the same function applied to the record's attributes)."""
    column_key = column_key or (lambda r: key(r.__dict__))
    existing = {column_key(r): r.id for r in session.exec(select(model).where(model.deleted == False)).all()}  # noqa: E712
    ids: list[str | None] = []
    new_rows, fresh = [], []
    seen: dict[object, int] = {}
    for row in rows:
        k = key(row)
        if k in existing:
            ids.append(existing[k])
            fresh.append(False)
        elif k in seen:  # the same key twice in one run: one row
            ids.append(None)
            fresh.append(False)
        else:
            seen[k] = len(ids)
            ids.append(None)
            fresh.append(True)
            new_rows.append(row)
    inserted = iter(insert_synced(session, model, new_rows))
    for i, is_new in enumerate(fresh):
        if is_new:
            ids[i] = next(inserted)
    for i, row in enumerate(rows):
        if ids[i] is None:
            ids[i] = ids[seen[key(row)]]
    return ids, fresh  # type: ignore[return-value]


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def demo_phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10)}0000{rng.randrange(10000):04d}"


def demo_id_number(rng: random.Random, birth: date, male: bool, used: set[str] | None = None) -> str:
    """A fictitious number with a valid check character; unique among `used` (which it extends)."""
    while True:
        seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
        number = idcheck.make_id_number(COUNTY_CODE, birth, seq)
        if used is None or number not in used:
            if used is not None:
                used.add(number)
            return number


def _birth(rng: random.Random, youngest: int = 18, oldest: int = 85) -> date:
    today = date.today()
    return date(today.year - rng.randint(youngest, oldest), 1, 1) + timedelta(days=rng.randrange(365))


def _villages(station: Station, rng: random.Random) -> list[dict]:
    words = rng.sample(VILLAGE_WORDS, 18)
    rows = []
    prefix = (station.township_code or station.station_code).ljust(9, "0")[:9]
    for i, word in enumerate(words):
        community = i < 2
        rows.append({"code": f"{prefix}{i + 1 if community else 200 + i:03d}",
                     "name": f"{word}{'社区' if community else '村'}",
                     "level": "community" if community else "village", "parent_code": prefix})
    return rows


def generate(db: Database, who: Principal, *, scale: int = 200, seed: int = 2024) -> dict[str, int]:
    """Fill the database with `scale` persons and what goes with them; returns counts by table.
    Only the 所长 may: demo data goes into every committee and register."""
    require(who, "demo")
    rng = random.Random(seed)
    with db.read() as s:
        station = s.exec(select(Station)).first()
        s.expunge(station)

    def shared(session: Session) -> DemoContext:
        """Villages, staff, people and organisations, each found by its natural key (code, ID
        number, credit code) and added only when missing: `demo` run twice doubles nothing."""
        area_rows = _villages(station, rng)
        area_ids, area_new = insert_missing(session, AdminArea, area_rows, key=lambda r: r["code"])
        used: set[str] = set()
        staff_rows = []
        for post in ("01", "03", "03", "04"):
            male = rng.random() < 0.5
            birth = _birth(rng, 24, 55)
            staff_rows.append({
                "name": person_name(rng), "gender": "1" if male else "2", "birth_date": birth,
                "id_number": demo_id_number(rng, birth, male, used), "post": post,
                "establishment": rng.choice(["01", "02", "04"]), "education": rng.choice(["02", "03"]),
                "legal_qualification": rng.random() < 0.4, "party_member": rng.random() < 0.7,
                "hire_date": date(rng.randint(2005, 2023), rng.randint(1, 12), 1),
                "phone": demo_phone(rng), "active": True,
            })
        staff_ids, staff_new = insert_missing(session, Staff, staff_rows, key=lambda r: r["id_number"])
        by_id = {a.id: a for a in session.exec(select(AdminArea).where(AdminArea.id.in_(area_ids))).all()}
        villages = [by_id[i] for i in area_ids]
        person_rows = []
        for _ in range(scale):
            male = rng.random() < 0.52
            birth = _birth(rng)
            village = rng.choice(villages)
            address = f"{station.township_name or '桃江县'}{village.name}{rng.randint(1, 15)}组{rng.randint(1, 60)}号"
            person_rows.append({
                "name": person_name(rng), "gender": "1" if male else "2", "ethnicity": "01" if rng.random() < 0.97 else "03",
                "birth_date": birth, "id_type": "01", "id_number": demo_id_number(rng, birth, male, used),
                "household_address": address, "residence_address": address, "area_code": village.code,
                "phone": demo_phone(rng), "education": rng.choice(["04", "05", "06", "06", "07"]),
                "occupation": rng.choice(OCCUPATIONS), "marital_status": rng.choice(["10", "20", "20", "20", "30", "40"]),
            })
        person_ids, person_new = insert_missing(session, Person, person_rows, key=lambda r: r["id_number"])
        org_rows = [{"name": f"桃江县{rng.choice(VILLAGE_WORDS)}{kind}", "org_type": code,
                     "uscc": idcheck.make_uscc(COUNTY_CODE, f"{rng.randrange(10**8):08d}", kind="1" if code == "01" else "2"),
                     "legal_rep": person_name(rng), "phone": demo_phone(rng)}
                    for kind, code in [("竹业有限公司", "01"), ("农业专业合作社", "03"), ("建材有限公司", "01"), ("百货商店", "02")]]
        _org_ids, org_new = insert_missing(session, Organization, org_rows, key=lambda r: r["uscc"])
        return DemoContext(db=db, rng=rng, scale=scale, station=station, villages=villages,
                           person_ids=person_ids, staff_ids=staff_ids,
                           counts={"村（社区）": sum(area_new), "工作人员": sum(staff_new), "人员": sum(person_new),
                                   "单位": sum(org_new)})

    from sfs_desktop.core import duties

    duties.import_all(duties.demo_modules())  # each duty's manifest names its generator
    ctx = db.write(shared)
    for gen in _GENERATORS:
        gen(ctx)
    from sfs_desktop.core.security import audit

    db.write(lambda s: audit.record(s, who.username, "create", fields=("demo",)))  # bulk rows: one entry
    return ctx.counts
