"""社区矫正's manifest: what the rest of the program needs to know about this duty.

Not yet declared: its dashboard charts.
"""

from sfs_desktop.core.duties import Assignable, Duty, Tile
from sfs_desktop.core.params import ParamSpec

DUTY = Duty(
    key="correction",
    title="社区矫正",
    models=("sfs_desktop.core.correction.models",),
    templates=("sfs_desktop.core.correction.documents",),
    deadline_sources=("sfs_desktop.core.correction.deadlines",),
    demo=("sfs_desktop.core.correction.demo",),
    reports={"correction": "sfs_desktop.core.correction.stats:REPORT"},
    tiles=(Tile("在册社区矫正对象", "sfs_desktop.core.correction.stats:on_register"),
           Tile("本年脱管漏管（目标 0）", "sfs_desktop.core.correction.stats:lost_or_missed_this_year")),
    county_figures="correction",
    ledgers={"correction_subject": "社区矫正对象台账", "cc_leave": "社区矫正对象外出审批台账",
             "cc_violation": "社区矫正对象违规情况台账", "cc_investigation": "调查评估台账"},
    page="sfs_desktop.ui.correction.page:CorrectionPage",
    page_tables=("correction_", "cc_"),
    search_labels={"correction_subject": "社区矫正"},
    workspaces={"correction_subject": "sfs_desktop.core.correction.workspace:WORKSPACE"},
    permissions=("record.read", "record.write", "s3.read"),
    params=(ParamSpec("correction.station_may_approve_leave", "县级机构委托司法所审批七日以内外出（1 是 0 否）", int, 1),
            ParamSpec("correction.leave_lead_days", "外出申请提前天数", int, 3, "天"),
            ParamSpec("correction.release_notice_days", "矫正期满前几天开始解矫准备", int, 30, "天"),
            ParamSpec("correction.locator_notice_days", "电子定位期满前提醒天数", int, 7, "天"),
            ParamSpec("correction.commendation_months", "表扬须已矫正的月数", int, 6, "月"),
            ParamSpec("correction.station_issues_release_certificate", "县级机构委托司法所出具解除社区矫正证明书（1 是 0 否）",
                      int, 0)),
    # 县局交办: the county enters a subject (the person's own fields with it) for the station that will
    # supervise them; registering by hand stays possible when the documents reach the station first.
    assignables={"correction_subject": Assignable("交办社区矫正对象", check="sfs_desktop.core.correction.work:check_assigned",
                                                  summary="name", person="person_id")},
)
