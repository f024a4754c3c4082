"""安置帮教's manifest: what the rest of the program needs to know about this duty.

The county hands over the prisons' release notices (F-R1) and its monthly pre-release lists (R9);
the station receives (衔接) the person and links the registry's person then, since the county's
registry does not travel with an assignment.
"""

from sfs_desktop.core.duties import Assignable, Duty, Tile
from sfs_desktop.core.params import ParamSpec

DUTY = Duty(
    key="resettlement",
    title="安置帮教",
    models=("sfs_desktop.core.resettlement.models",),
    templates=("sfs_desktop.core.resettlement.documents",),
    deadline_sources=("sfs_desktop.core.resettlement.deadlines",),
    demo=("sfs_desktop.core.resettlement.demo",),
    reports={"resettlement": "sfs_desktop.core.resettlement.stats:REPORT"},
    tiles=(Tile("在册安置帮教对象", "sfs_desktop.core.resettlement.stats:on_register"),),
    county_figures="resettlement",
    ledgers={"released_person": "安置帮教对象台账", "rp_resettlement": "安置帮扶情况台账",
             "rp_prerelease": "预释放人员名单"},
    page="sfs_desktop.ui.resettlement.page:ResettlementPage",
    page_tables=("released_person", "rp_"),
    workspaces={"released_person": "sfs_desktop.core.resettlement.workspace:WORKSPACE"},
    permissions=("record.read", "record.write", "s3.read"),
    params=(ParamSpec("resettlement.period_years", "帮教期（释放之日起）", int, 5, "年", minimum=1),
            ParamSpec("resettlement.notice_months", "监狱释放前寄送通知书的提前月数", int, 1, "月"),
            ParamSpec("resettlement.report_days", "释放后报到（衔接）期限", int, 10, "天"),
            ParamSpec("resettlement.first_visit_days", "返回后首次走访期限", int, 7, "天"),
            ParamSpec("resettlement.unmatched_report_day", "每月上报未衔接人员的日期", int, 5, "日", minimum=1, maximum=28),
            ParamSpec("resettlement.half_year_report", "半年报上报日期（月-日）", str, "07-02"),
            ParamSpec("resettlement.annual_report", "年报上报日期（月-日）", str, "02-02")),
    assignables={"released_person": Assignable("刑满释放人员通知书",
                                               check="sfs_desktop.core.resettlement.work:check_notice",
                                               summary="name", due="report_by",
                                               derived=("period_from", "period_to"),
                                               derive="sfs_desktop.core.resettlement.work:notice_period"),
                 "rp_prerelease": Assignable("预释放人员名单", check="sfs_desktop.core.resettlement.work:check_prerelease",
                                             summary="name", due="release_date")},
)
