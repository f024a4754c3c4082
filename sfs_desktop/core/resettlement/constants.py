"""Named codes of 安置帮教's code tables (resources/codes/resettlement.json), so rules and queries
never spell a bare "02"."""

PRISON, CORRECTION, OTHER_RELEASE = "01", "02", "03"  # rp_release_type: 刑满释放 解除社区矫正 其他
PICK_UP, FAMILY, SELF_REPORT = "01", "02", "03"  # rp_handover: 必接必送 家属接回 自行报到
KEY, ORDINARY = "1", "2"  # rp_category: 重点 一般
AWAITING, ON_REGISTER, EXPIRED, DIED, MOVED, REOFFENDED, LOST = "01", "02", "03", "04", "05", "06", "07"  # rp_status
ACTIVE = (ON_REGISTER, LOST)  # 在册: the period runs, contacts are due
VISIT, TALK, CHECK = "visit", "talk", "check"  # rp_contact_kind: 走访 谈话 思想动态了解
UNEMPLOYED = "06"  # rp_measure: 未就业 (not an outcome for 安置率)
HIGH_RISK = "3"  # cc_risk
