"""Named codes of mediation's code tables (resources/codes/mediation.json), so rules and queries
never spell a bare "01"."""

SERVING = "01"  # mediator_status: 在任
SUCCESS, FAILED, WITHDRAWN, REJECTED = "01", "02", "03", "04"  # case result
VILLAGE, COMMUNITY, TOWNSHIP = "01", "02", "03"  # committee_type
AREA_TYPES = (VILLAGE, COMMUNITY)  # a committee tied to one admin area
FEMALE = "2"  # gender
PERFORMED = "01"  # performance: 已履行
OWN_INITIATIVE, GOVERNMENT_REFERRAL = "02", "06"  # case_source: 调委会主动调解, 政府部门移交
