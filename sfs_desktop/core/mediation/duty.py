"""人民调解's manifest: everything the rest of the program needs to know about this duty."""

from sfs_desktop.core.duties import Assignable, Duty, Tile
from sfs_desktop.core.params import ParamSpec

DUTY = Duty(
    key="mediation",
    title="人民调解",
    models=("sfs_desktop.core.mediation.models",),
    templates=("sfs_desktop.core.mediation.documents",),
    deadline_sources=("sfs_desktop.core.mediation.deadlines",),
    demo=("sfs_desktop.core.mediation.demo",),
    reports={"mediation": "sfs_desktop.core.mediation.stats:REPORT"},
    charts=("sfs_desktop.ui.mediation.charts",),
    tiles=(Tile("本年受理纠纷", "sfs_desktop.core.mediation.stats:received_this_year"),),
    county_figures="mediation",
    search_labels={"mediation_case": "人民调解", "mediation_committee": "人民调解", "mediator": "人民调解"},
    ledgers={"mediation_case": "人民调解案件台账", "mediation_committee": "人民调解委员会台账", "mediator": "人民调解员台账",
             "dispute_screening": "矛盾纠纷排查台账", "mediation_guidance": "指导人民调解工作台账",
             "mediator_training": "人民调解员培训台账"},
    page="sfs_desktop.ui.mediation.page:MediationPage",
    page_tables=("mediation_", "mediator", "dispute_screening"),
    permissions=("record.read", "record.write", "print", "export"),
    workspaces={"mediation_case": "sfs_desktop.core.mediation.workspace:WORKSPACE"},
    params=(ParamSpec("mediation.village_share_target", "村（社区）调委会调解案件占比目标", int, 70, "%"),
            ParamSpec("mediation.warn_day", "受理后第几天提醒调解期限", int, 20, "天"),
            ParamSpec("mediation.follow_up_days", "履行期满后回访期限", int, 7, "天"),
            ParamSpec("mediation.archive_days", "结案后归档期限", int, 30, "天")),
    # 县局交办的矛盾纠纷: a screening row, not a case. The county cannot know which village committee
    # will take it up, nor whether the parties agree to mediation; the station screens it, then turns it
    # into a draft case (source 政府部门移交) with the committee it chooses (work.screening_to_case).
    assignables={"dispute_screening": Assignable("交办矛盾纠纷", check="sfs_desktop.core.mediation.work:check_screening",
                                                 summary="found", due="target_date")},
)
