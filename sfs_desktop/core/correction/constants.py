"""Named codes of correction's code tables (resources/codes/correction.json), so rules and queries
never spell a bare "02"."""

CONTROL, PROBATION, PAROLE, TEMP_EXEC = "01", "02", "03", "04"  # cc_type: 管制 缓刑 假释 暂予监外执行
MEDICAL_PAROLE = "01"  # cc_temp_reason: 保外就医
P_CONTROL, P_DETENTION, P_FIXED, P_LIFE, P_SUSPENDED_DEATH = "01", "02", "03", "04", "05"  # cc_penalty
STRICT, NORMAL, LENIENT = "1", "2", "3"  # cc_level: 严管 普管 宽管
AWAITING, SUPERVISED, ON_LEAVE, LOST, RELEASED, TERMINATED = "01", "02", "03", "04", "05", "06"  # cc_status
ACTIVE_STATUSES = (SUPERVISED, ON_LEAVE, LOST)  # under supervision: frequencies and timers run
ON_REGISTER = (AWAITING, SUPERVISED, ON_LEAVE, LOST)  # 在册
STATION, COUNTY, HIGHER = "01", "02", "03"  # cc_approver
PENDING, APPROVED, REFUSED = "01", "02", "03"  # cc_decision
COMMEND, ADMONISH, WARN, POLICE_PENALTY, REVOKE_PROBATION, REVOKE_PAROLE, RECOMMIT = (
    "01", "02", "03", "04", "05", "06", "07")  # cc_sanction
LATE_REPORT, ABSCONDED = "01", "02"  # cc_violation_kind with a number of days
MINOR_KINDS = ("03", "05", "06", "08", "09")  # the other kinds, minor …
SERIOUS_KINDS = ("04", "07", "10")  # … and serious
BREACH_PROHIBITION_SERIOUS = "07"
MEDICAL_NO_REEXAM = "08"
LOST_CONTACT, MISSED_INTAKE, COERCIVE, REOFFENDED, DIED = "01", "02", "03", "04", "05"  # cc_major_kind
T_REVOKE_PROBATION, T_REVOKE_PAROLE, T_RECOMMIT, T_DEATH = "01", "02", "03", "04"  # cc_termination_reason
FEMALE = "2"  # gender
HEALTH_REPORT, REEXAM = "health_report", "reexam"  # cc_activity of a medical-parole subject
LEAVE_PERMIT = "correction.leave_permit"  # the 外出证明's template: its number is given on approval
