"""`resettlement`: the station's 安置帮教 work on the command line, from the release notice to the end
of the assistance period, and the county's pre-release lists as the station checks them.

Every verb calls one operation of core/resettlement (the principal checked there: S3 refused
without "s3.read", a station's step refused at the county, which hands notices over with `assign`);
values are typed as a person writes them (dates 2024-07-01, codes by code or name) and read by core
(core.textvalues), so a bad one is one Chinese line, exit 2, and nothing is written.
"""

from __future__ import annotations

import json
from datetime import date

from sfs_desktop.commands.common import day as _day, pairs, print_fields, print_ledger, work as _work

ENDINGS = {"expired": "03", "died": "04", "moved": "05"}  # rp_status: 期满解除 死亡 迁出 (names work too)
PERSON_HELP = "安置帮教对象：编号（list 第一列，前几位即可）或姓名（仅一人同名时）"


def register(sub) -> None:
    p = sub.add_parser("resettlement", help="安置帮教：对象台账、登记通知书、衔接、走访谈话、安置帮扶、帮教小组、"
                                            "类别调整、失联、重新犯罪、解除，预释放名单和未衔接人员上报",
                       epilog="对象可写编号（list 第一列，前几位即可）或姓名（仅一人同名时）；日期写成 2024-07-01；"
                              "代码表的值可写代码或名称（必接必送、01）。县司法局用 assign released_person / "
                              "assign rp_prerelease 交办通知书和预释放名单")
    verbs = p.add_subparsers(dest="verb", metavar="{list,show,register,receive,contact,measure,category,team,"
                                                   "agreement,lost,found,reoffence,end,prelist,report-unmatched}")
    verbs.required = True

    v = verbs.add_parser("list", help="安置帮教对象台账（与台账相同的遮挡）")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(func=run_list)

    _person_verb(verbs, "show", "一名对象的信息、时间线、帮教小组、类别调整和到期事项（查看留痕）", run_show)

    v = verbs.add_parser("register", help="登记本所收到的刑满释放人员通知书（或县局名单外的释放人员），待衔接",
                         epilog="例：register --set 姓名=张三 --set 性别=男 --set 罪名=盗窃罪 "
                                "--set 释放（解矫）日期=2024-05-20 --set 收到通知书日期=2024-04-18")
    v.add_argument("--set", dest="values", action="append", required=True, metavar="字段=值",
                   help="一个字段的值（可重复），字段可写名称或字段名")
    v.set_defaults(func=run_register)

    v = _person_verb(verbs, "receive", "衔接登记：本人取自人员信息库（按证件号码或姓名，没有则新建）、衔接方式、日期、"
                                       "接送人员", run_receive)
    v.add_argument("--method", required=True, help="衔接方式：必接必送、家属接回、自行报到（或代码）")
    v.add_argument("--on", required=True, help="衔接日期")
    v.add_argument("--staff", help="接送人员（必接必送时必填）")
    v.add_argument("--reported-on", help="报到日期")
    v.add_argument("--id-number", help="本人的证件号码（默认取通知书上的；没有时按姓名在人员信息库中查找）")
    v.add_argument("--category", help="帮教类别：重点、一般（默认按规则建议）")
    v.add_argument("--risk", help="风险等级")

    v = _person_verb(verbs, "contact", "登记走访、谈话、思想动态了解", run_contact)
    v.add_argument("--kind", required=True, help="类别：visit 走访、talk 谈话、check 思想动态了解")
    v.add_argument("--on", required=True, help="日期")
    v.add_argument("--place", help="地点")
    v.add_argument("--note", help="内容")
    v.add_argument("--staff", help="工作人员")

    v = _person_verb(verbs, "measure", "登记安置帮扶措施（务工、纳入低保、技能培训 …）", run_measure)
    v.add_argument("--kind", required=True, help="措施（代码或名称，如 02 或 务工）")
    v.add_argument("--on", required=True, help="日期")
    v.add_argument("--provider", help="帮扶单位（人）")
    v.add_argument("--result", help="结果")

    v = _person_verb(verbs, "category", "调整帮教类别（及风险等级），留存调整记录", run_category)
    v.add_argument("--to", required=True, help="新的帮教类别：重点、一般")
    v.add_argument("--reason", required=True, help="调整理由")
    v.add_argument("--risk", help="风险等级")
    v.add_argument("--on", help="调整日期（默认今天）")

    v = _person_verb(verbs, "team", "帮教小组增加一名成员", run_team)
    v.add_argument("--name", required=True, help="成员姓名")
    v.add_argument("--role", required=True, help="身份：司法所工作人员、村（居）干部、民警、家庭成员、志愿者")
    v.add_argument("--phone", help="联系电话")
    v.add_argument("--duties", help="帮教职责")

    v = _person_verb(verbs, "agreement", "签订帮教协议（须已组建帮教小组）", run_agreement)
    v.add_argument("--on", required=True, help="签订日期")

    v = _person_verb(verbs, "lost", "登记失联", run_lost)
    v.add_argument("--on", required=True, help="失联日期")
    v.add_argument("--measures", help="查找措施")

    v = _person_verb(verbs, "found", "失联人员已找到", run_found)
    v.add_argument("--on", required=True, help="找到日期")

    v = _person_verb(verbs, "reoffence", "登记重新违法犯罪（收监，移出在册）", run_reoffence)
    v.add_argument("--on", required=True, help="日期")
    v.add_argument("--offence", required=True, help="违法犯罪情况")
    v.add_argument("--source", help="信息来源")

    v = _person_verb(verbs, "end", "解除帮教：期满解除（帮教期届满后）、死亡、迁出，须写帮教小结", run_end)
    v.add_argument("--reason", required=True, help="expired 期满解除、died 死亡、moved 迁出（或名称）")
    v.add_argument("--on", required=True, help="解除日期")
    v.add_argument("--summary", required=True, help="帮教小结")

    v = verbs.add_parser("prelist", help="县局预释放人员名单：已衔接和未衔接的人员；--steps 记录未衔接人员的查找措施")
    v.add_argument("month", nargs="?", metavar="MONTH", help="名单月份，如 2024-05（默认全部）")
    v.add_argument("--steps", nargs=2, metavar=("ENTRY", "TEXT"), help="为未衔接人员记录查找措施：名单编号（第一列）和措施")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(func=run_prelist)

    v = verbs.add_parser("report-unmatched", help="上报某月名单中的未衔接人员及查找措施（每人须已记录措施）")
    v.add_argument("month", metavar="MONTH", help="名单月份，如 2024-05")
    v.add_argument("--on", help="上报日期（默认今天）")
    v.set_defaults(func=run_report_unmatched)


def _person_verb(verbs, name: str, text: str, func):
    """A verb acting on one released person (named as PERSON_HELP says)."""
    v = verbs.add_parser(name, help=text)
    v.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    v.set_defaults(func=func)
    return v


def _person(s, who, text: str) -> str:
    from sfs_desktop.core.resettlement.lists import find_person

    return find_person(s, who, text)


def _typed(s, model, raw: dict) -> dict:
    from sfs_desktop.core.textvalues import typed_or_refused

    return typed_or_refused(s, model, raw)


def run_list(args) -> int:
    from sfs_desktop.core.resettlement.lists import person_rows

    print_ledger(*_work(args, lambda s, who, _today: person_rows(s, who)), as_json=args.json, empty="没有安置帮教对象")
    return 0


def run_show(args) -> int:
    from sfs_desktop.core.resettlement.lists import person_view

    def read(s, who, today):
        pid = _person(s, who, args.person)
        return pid, person_view(s, who, pid, today)

    pid, view = _work(args, read)
    print_fields(pid, view.fields)
    sections = (("时间线（最近的在前）", [f"{d:%Y-%m-%d}\t{t}" + (f"\t{x}" if x else "") for d, t, x in view.events]),
                ("帮教小组", view.team), ("帮教类别调整", view.categories),
                ("到期事项", [f"{d:%Y-%m-%d}\t{t}" + ("\t已逾期" if late else "") for d, t, late in view.due]))
    for title, lines in sections:
        print(f"{title}：" if lines else f"{title}：暂无")
        for line in lines:
            print(f"    {line}")
    return 0


def run_register(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import ReleasedPerson

    def step(s, who, today):
        row = work.register_notice(s, who, _typed(s, ReleasedPerson, pairs(args.values)), today=today)
        return row.id, row.name, row.period_to

    rid, name, period_to = _work(args, step)
    print(f"已登记{name}的释放通知 {rid}，待衔接；帮教期至 {period_to:%Y-%m-%d}")
    return 0


def run_receive(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import ReleasedPerson

    def step(s, who, today):
        rid = _person(s, who, args.person)
        values = _typed(s, ReleasedPerson, {"handover_method": args.method, "handover_on": args.on,
                                            "handover_staff": args.staff, "reported_on": args.reported_on,
                                            "category": args.category, "risk": args.risk})
        person_id, made = work.registry_person(s, who, rid, args.id_number)
        row = work.receive(s, who, rid, {**values, "person_id": person_id}, today=today)
        return row.name, made, codes.code_name(s, "rp_category", row.category), row.period_to

    name, made, category, period_to = _work(args, step)
    print(f"已衔接{name}（{'已在人员信息库新建本人' if made else '本人取自人员信息库'}），在册；"
          f"帮教类别 {category}，帮教期至 {period_to:%Y-%m-%d}")
    return 0


def _event(args, fn, model, raw: dict) -> str:
    """One dated event of a person: `fn(s, who, id, values, today=…)` with `raw` read against `model`;
    the new row's id."""
    return _work(args, lambda s, who, today: fn(s, who, _person(s, who, args.person), _typed(s, model, raw),
                                                today=today).id)


def run_contact(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpContact

    made = _event(args, work.record_contact, RpContact, {"kind": args.kind, "day": args.on, "place": args.place,
                                                          "content": args.note, "staff": args.staff})
    print(f"已登记{RpContact.__title__}（{args.on}）：{made[:8]}")
    return 0


def run_measure(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpResettlement

    made = _event(args, work.add_measure, RpResettlement, {"kind": args.kind, "day": args.on,
                                                            "provider": args.provider, "result": args.result})
    print(f"已登记安置帮扶措施（{args.on}）：{made[:8]}")
    return 0


def run_lost(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpLostContact

    made = _event(args, work.report_lost, RpLostContact, {"lost_on": args.on, "measures": args.measures})
    print(f"已登记失联（{args.on}）：{made[:8]}，该对象状态为失联")
    return 0


def run_reoffence(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpReoffence

    made = _event(args, work.record_reoffence, RpReoffence, {"day": args.on, "offence": args.offence,
                                                              "source": args.source})
    print(f"已登记重新违法犯罪（{args.on}）：{made[:8]}，该对象已移出在册（重新犯罪收监）")
    return 0


def run_category(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpCategoryChange

    def step(s, who, _today):
        rid = _person(s, who, args.person)
        values = _typed(s, RpCategoryChange, {"category": args.to, "risk": args.risk, "reason": args.reason})
        made = work.change_category(s, who, rid, {**values, "changed_on": _day(args.on, "调整日期")})
        return codes.code_name(s, "rp_category", made.category), made.changed_on

    category, on = _work(args, step)
    print(f"已于 {on:%Y-%m-%d} 调整帮教类别为{category}")
    return 0


def run_team(args) -> int:
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import RpTeamMember

    def step(s, who, _today):
        values = _typed(s, RpTeamMember, {"name": args.name, "role": args.role, "phone": args.phone,
                                          "duties": args.duties})
        return work.add_team_member(s, who, _person(s, who, args.person), values).name

    print(f"已将{_work(args, step)}加入帮教小组")
    return 0


def run_agreement(args) -> int:
    from sfs_desktop.core.resettlement import work

    on = _day(args.on, "协议签订日期")
    _work(args, lambda s, who, today: work.sign_agreement(s, who, _person(s, who, args.person), on, today=today))
    print(f"已登记帮教协议，签订日期 {on:%Y-%m-%d}")
    return 0


def run_found(args) -> int:
    from sfs_desktop.core.resettlement import work

    on = _day(args.on, "找到日期")
    _work(args, lambda s, who, today: work.found(s, who, _person(s, who, args.person), on, today=today))
    print(f"已登记于 {on:%Y-%m-%d} 找到，该对象恢复在册")
    return 0


def run_end(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.resettlement import work
    from sfs_desktop.core.resettlement.models import ReleasedPerson

    on = _day(args.on, "解除日期")

    def step(s, who, today):
        rid = _person(s, who, args.person)
        status = ENDINGS.get(args.reason.strip()) or _typed(s, ReleasedPerson, {"status": args.reason})["status"]
        row = work.end(s, who, rid, status, on, args.summary, today=today)
        return row.name, codes.code_name(s, "rp_status", row.status)

    name, status = _work(args, step)
    print(f"{name}：已于 {on:%Y-%m-%d} {status}")
    return 0


def run_prelist(args) -> int:
    from sfs_desktop.core.resettlement import lists, work

    if args.steps:
        entry, text = args.steps
        name = _work(args, lambda s, who, _t: work.record_steps(s, who, lists.find_entry(s, who, entry), text).name)
        print(f"已记录{name}的查找措施")
        return 0
    rows = _work(args, lambda s, who, _t: lists.entries(s, who, args.month))
    if args.json:
        print(json.dumps([{k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(e).items()} for e in rows],
                         ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有预释放人员名单" + (f"（{args.month}）" if args.month else ""))
    for e in rows:
        state = (f"已衔接（{e.found}）" if e.found else "未衔接" + (f"\t查找措施：{e.steps}" if e.steps else "\t尚未记录查找措施")
                 + (f"\t已于 {e.reported_on:%Y-%m-%d} 上报" if e.reported_on else ""))
        print(f"{e.id[:8]}\t{e.month}\t{e.name}\t预计释放 {e.release_date:%Y-%m-%d}\t{state}")
    return 0


def run_report_unmatched(args) -> int:
    from sfs_desktop.core.resettlement import work

    on = _day(args.on, "上报日期")
    names = _work(args, lambda s, who, today: [r.name for r in work.report_unmatched(s, who, args.month, on,
                                                                                     today=today)])
    print(f"已上报 {args.month} 名单中的未衔接人员 {len(names)} 名" + (f"：{'、'.join(names)}" if names else ""))
    return 0
