"""合法性审查's manifest: what the rest of the program needs to know about this duty.

Not yet declared: dashboard charts and tiles, and county assignables (a review is the township's own).
"""

from sfs_desktop.core.duties import Duty
from sfs_desktop.core.params import ParamSpec

DUTY = Duty(
    key="legality",
    title="合法性审查",
    models=("sfs_desktop.core.legality.models",),
    templates=("sfs_desktop.core.legality.documents",),
    deadline_sources=("sfs_desktop.core.legality.deadlines",),
    reports={"legality": "sfs_desktop.core.legality.stats:REPORT"},
    county_figures="legality",
    demo=("sfs_desktop.core.legality.demo",),
    ledgers={"legality_review": "合法性审查台账"},
    page="sfs_desktop.ui.legality.page:LegalityPage",
    workspaces={"legality_review": "sfs_desktop.core.legality.workspace:WORKSPACE"},
    page_tables=("legality_", "lh_"),
    search_labels={"legality_review": "合法性审查"},
    permissions=("record.read", "record.write", "print"),
    params=(ParamSpec("legality.decision_workdays", "重大行政决策审查期限", int, 7, "工作日", minimum=1),
            ParamSpec("legality.normative_workdays", "行政规范性文件审查期限（最长）", int, 15, "工作日", minimum=1),
            ParamSpec("legality.normative_min_workdays", "行政规范性文件审查时间（一般不少于）", int, 5, "工作日"),
            ParamSpec("legality.contract_workdays", "合同协议审查期限", int, 7, "工作日", minimum=1),
            ParamSpec("legality.enforcement_workdays", "重大行政执法决定审查期限", int, 5, "工作日", minimum=1),
            ParamSpec("legality.village_workdays", "村规民约审查期限", int, 15, "工作日", minimum=1),
            ParamSpec("legality.supplement_restarts", "补充材料后审查期限重新计算（1 重新计算 0 扣除已用时间）", int, 1,
                      maximum=1)),
)
