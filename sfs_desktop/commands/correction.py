"""`correction`: the station's daily correction work and the county's decisions, on the command line.

Every verb calls one operation of core/correction (the principal checked there, S3 refused without
"s3.read", what the county decides refused at a station); values are typed as a person writes them
(dates 2024-07-01, codes by code or name) and read by core (core.textvalues), so a bad one is one
Chinese line, exit 2, and nothing is written.
"""

from __future__ import annotations

import json
from datetime import date

from sfs_desktop.commands.common import day as _day, print_fields, print_ledger, work as _work

KINDS = "report 报告、checkin 信息化核查、visit 实地查访、talk 个别谈话、education 教育学习、public_benefit 公益活动、assistance 帮扶"


def register(sub) -> None:
    p = sub.add_parser("correction", help="社区矫正：对象台账、日常监管、外出、违规与提请；县司法局：决定司法所的提请",
                       epilog="对象可写编号（list 第一列，前几位即可）或姓名（仅一人同名时）；日期写成 2024-07-01；"
                              "代码表的值可写代码或名称（警告、03）")
    verbs = p.add_subparsers(dest="verb", metavar="{list,show,report-in,log,leave,violation,proposals,decide,decisions}")
    verbs.required = True

    v = verbs.add_parser("list", help="社区矫正对象台账（与台账相同的遮挡）")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(func=run_list)

    v = verbs.add_parser("show", help="一名对象的信息、各月监管记录、外出与提请（查看留痕）")
    v.add_argument("subject", metavar="SUBJECT")
    v.set_defaults(func=run_show)

    v = verbs.add_parser("report-in", help="登记报到（接收入矫）；逾期报到时生成违规草稿和建议措施")
    v.add_argument("subject", metavar="SUBJECT")
    v.add_argument("--on", required=True, help="报到日期")
    v.set_defaults(func=run_report_in)

    v = verbs.add_parser("log", help="登记日常监管：报告、信息化核查、走访、谈话、教育学习、公益活动、帮扶")
    v.add_argument("subject", metavar="SUBJECT")
    v.add_argument("--kind", required=True, help=f"类别：{KINDS}")
    v.add_argument("--on", required=True, action="append", metavar="DATE",
                   help="日期（可重复：每个日期登记一条，有一个不合格就一条也不登记）")
    v.add_argument("--hours", help="时长（小时），教育学习、公益活动填写")
    v.add_argument("--mode", help="方式：到所、电话、视频、书面；走访地点；谈话事由；教育形式")
    v.add_argument("--place", help="地点")
    v.add_argument("--note", help="内容")
    v.add_argument("--staff", help="工作人员")
    v.set_defaults(func=run_log)

    v = verbs.add_parser("leave", help="外出申请：显示须由谁审批（七日以内司法所受委托时，八至三十日县级机构，更长报上一级）")
    v.add_argument("subject", metavar="SUBJECT")
    v.add_argument("--from", dest="start", required=True, help="外出起")
    v.add_argument("--to", dest="end", required=True, help="外出止")
    v.add_argument("--dest", required=True, help="目的地")
    v.add_argument("--reason", required=True, help="外出事由")
    v.add_argument("--applied", help="申请日期（默认今天）")
    v.add_argument("--phone", help="外出期间联系电话")
    v.set_defaults(func=run_leave)

    v = verbs.add_parser("violation", help="登记违规，显示系统建议措施；--propose 同时提请县级社区矫正机构决定")
    v.add_argument("subject", metavar="SUBJECT")
    v.add_argument("--on", required=True, help="发生日期")
    v.add_argument("--kind", required=True, help="违规类别（代码或名称，如 09 或 其他轻微违规）")
    v.add_argument("--facts", required=True, help="违规事实")
    v.add_argument("--days", help="逾期报到或脱离监管的天数")
    v.add_argument("--evidence", help="证据")
    v.add_argument("--propose", help="提请的措施：训诫、警告、提请治安管理处罚、提请撤销缓刑 …")
    v.add_argument("--proposed-on", help="提请日期（默认今天）")
    v.set_defaults(func=run_violation)

    v = verbs.add_parser("proposals", help="司法所的提请及县级机构的决定（--pending 只列待决定的）")
    v.add_argument("--pending", action="store_true", help="只列尚未决定的提请")
    v.add_argument("--station", help="县司法局：只列这个司法所的")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(func=run_proposals)

    v = verbs.add_parser("decide", help="县司法局：对司法所的提请作出决定（决定随下次同步包送达该所）")
    v.add_argument("proposal", metavar="PROPOSAL", help="提请编号（proposals 第一列，前几位即可）")
    how = v.add_mutually_exclusive_group(required=True)
    how.add_argument("--accept", action="store_true", help="批准：按提请的措施决定（或 --measure 所写的措施）")
    how.add_argument("--reject", action="store_true", help="不批准（须写 --note 理由）")
    v.add_argument("--measure", help="批准时决定的措施，与提请的不同时填写")
    v.add_argument("--on", help="决定日期（默认今天）")
    v.add_argument("--decision-no", help="决定书文号")
    v.add_argument("--note", help="说明（不批准的理由）")
    v.set_defaults(func=run_decide)

    v = verbs.add_parser("decisions", help="司法所：县级社区矫正机构对本所提请作出的决定")
    v.add_argument("--json", action="store_true", help="以 JSON 输出")
    v.set_defaults(func=run_decisions)


def _subject(s, who, text: str) -> str:
    from sfs_desktop.core.correction.lists import find_subject

    return find_subject(s, who, text)


def run_list(args) -> int:
    from sfs_desktop.core.correction.lists import subject_rows

    print_ledger(*_work(args, lambda s, who, _today: subject_rows(s, who)), as_json=args.json, empty="没有社区矫正对象")
    return 0


def run_show(args) -> int:
    from sfs_desktop.core.correction import lists

    def read(s, who, _today):
        sid = _subject(s, who, args.subject)
        return (sid, lists.subject_detail(s, who, sid), lists.supervision_months(s, who, sid), lists.leaves(s, who, sid),
                lists.proposals(s, who, subject_id=sid))

    sid, fields, months, leaves, proposals = _work(args, read)
    print_fields(sid, fields)
    print("日常监管（各月次数、时长）：" if months else "日常监管：暂无记录")
    for m in months:
        print(f"    {m.month}\t" + "；".join(f"{k} {n} 次" + (f" {h} 小时" if h else "") for k, n, h in m.kinds))
    if leaves:
        print("外出：")
        for line in leaves:
            print(f"    {line}")
    if proposals:
        print("违规与提请：")
        for p in proposals:
            print(f"    {_proposal_line(p)}")
    return 0


def run_report_in(args) -> int:
    from sfs_desktop.core.correction import work

    def step(s, who, today):
        v = work.report_in(s, who, _subject(s, who, args.subject), _day(args.on, "报到日期"), today=today)
        return v and (v.id, v.facts, v.suggested)

    late = _work(args, step)
    print("已登记报到，该对象在矫")
    if late:
        print(f"逾期报到：{late[1]}；已生成违规草稿 {late[0]}，系统建议措施代码 {late[2]}"
              f"（用 correction violation 提请，或在程序中提请）")
    return 0


def run_log(args) -> int:
    from sfs_desktop.core.correction import work
    from sfs_desktop.core.correction.models import CcSupervision
    from sfs_desktop.core.textvalues import typed_or_refused

    def step(s, who, today):
        sid = _subject(s, who, args.subject)
        made = []
        for on in args.on:
            values = typed_or_refused(s, CcSupervision, {"kind": args.kind, "day": on, "hours": args.hours,
                                                         "mode": args.mode, "place": args.place,
                                                         "content": args.note, "staff": args.staff})
            made.append(work.record_supervision(s, who, sid, values, today=today).day)
        return made

    days = _work(args, step)
    print(f"已登记 {len(days)} 条：" + "、".join(f"{d:%Y-%m-%d}" for d in days))
    return 0


def run_leave(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.correction import work
    from sfs_desktop.core.correction.models import CcLeave
    from sfs_desktop.core.textvalues import typed_or_refused

    def step(s, who, today):
        values = typed_or_refused(s, CcLeave, {"start": args.start, "end": args.end, "destination": args.dest,
                                               "reason": args.reason, "contact_phone": args.phone,
                                               "applied_on": args.applied or today.isoformat()})
        leave = work.file_leave(s, who, _subject(s, who, args.subject), values)
        return leave.id, leave.days, codes.code_name(s, "cc_approver", leave.approver)

    leave_id, days, approver = _work(args, step)
    print(f"已登记外出申请 {leave_id}：外出 {days} 日，须由{approver}审批")
    return 0


def run_violation(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.correction import work
    from sfs_desktop.core.correction.models import CcViolation
    from sfs_desktop.core.textvalues import typed_or_refused

    def step(s, who, today):
        sid = _subject(s, who, args.subject)
        values = typed_or_refused(s, CcViolation, {"occurred_on": args.on, "kind": args.kind, "facts": args.facts,
                                                   "days": args.days, "evidence": args.evidence})
        v = work.record_violation(s, who, sid, values, today=today)
        if args.propose is not None:
            measure = typed_or_refused(s, CcViolation, {"proposed": args.propose})["proposed"]
            work.propose(s, who, v.id, measure, _day(args.proposed_on, "提请日期"))
        return v.id, codes.code_name(s, "cc_sanction", v.suggested), v.proposed and codes.code_name(
            s, "cc_sanction", v.proposed)

    vid, suggested, proposed = _work(args, step)
    print(f"已登记违规 {vid}，系统建议措施：{suggested}")
    if proposed:
        print(f"已提请县级社区矫正机构决定：{proposed}（下次导出同步包时送达县司法局）")
    return 0


def _proposal_line(p) -> str:
    head = (f"{p.id[:8]}\t{p.subject}\t{p.occurred_on:%Y-%m-%d} {p.kind}\t建议 {p.suggested}\t提请 {p.proposed}"
            f"（{p.proposed_on:%Y-%m-%d}）" if p.proposed_on else "")
    if p.decision is None:
        return f"{head}\t待县级机构决定"
    tail = f"\t文号 {p.decision_no}" if p.decision_no else ""
    note = f"\t说明 {p.note}" if p.note else ""
    return f"{head}\t{p.decided_on:%Y-%m-%d} {p.decision}：{p.measure}{tail}{note}"


def _proposals_json(rows) -> str:
    return json.dumps([{k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(p).items()} for p in rows],
                      ensure_ascii=False, indent=1)


def run_proposals(args) -> int:
    from sfs_desktop.core.correction.lists import proposals

    rows = _work(args, lambda s, who, _t: proposals(s, who, pending=True if args.pending else None,
                                                     station=args.station))
    if args.json:
        print(_proposals_json(rows))
    elif not rows:
        print("没有待决定的提请" if args.pending else "没有提请")
    for p in rows if not args.json else ():
        print(f"{p.station}\t{_proposal_line(p)}")
    return 0


def run_decide(args) -> int:
    from sfs_desktop.core import codes
    from sfs_desktop.core.correction import work
    from sfs_desktop.core.correction.lists import proposal_id
    from sfs_desktop.core.correction.models import CcSanctionDecision
    from sfs_desktop.core.textvalues import typed_or_refused

    def step(s, who, today):
        vid = proposal_id(s, who, args.proposal)
        measure = typed_or_refused(s, CcSanctionDecision, {"measure": args.measure}).get("measure") if args.measure \
            else None
        row = work.decide_sanction(s, who, vid, measure, _day(args.on, "决定日期"), args.decision_no,
                                   approve=args.accept, note=args.note)
        return row.owner, codes.code_name(s, "cc_decision", row.decision), codes.code_name(s, "cc_sanction", row.measure)

    station, decision, measure = _work(args, step)
    print(f"已决定：{decision}（{measure}），下次为司法所 {station} 导出同步包时送达")
    return 0


def run_decisions(args) -> int:
    from sfs_desktop.core.correction.lists import proposals

    rows = _work(args, lambda s, who, _t: proposals(s, who, pending=False))
    if args.json:
        print(_proposals_json(rows))
    elif not rows:
        print("县级社区矫正机构尚未对本所的提请作出决定")
    for p in rows if not args.json else ():
        print(_proposal_line(p))
    return 0
