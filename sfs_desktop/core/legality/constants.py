"""Named codes of legality review's code tables (resources/codes/legality.json), so rules and
queries never spell a bare "03"."""

DECISION, NORMATIVE, CONTRACT, ENFORCEMENT, VILLAGE, PARTY = "01", "02", "03", "04", "05", "06"  # lh_type
LAWFUL, LAWFUL_AMENDED, UNLAWFUL, RISKY = "01", "02", "03", "04"  # lh_conclusion
REVIEWING, RETURNED, ISSUED = "01", "02", "03"  # lh_state
PENDING, ADOPTED, PARTLY, REJECTED = "01", "02", "03", "04"  # lh_adoption
ALL_TYPES = "*"  # lh_material.parent_code: a material every type needs
NO_MEETING = "不得提交会议讨论"  # H1's flag, in the ledger, the workspace and the report
OPINION = "legality.opinion"  # F-H2's template: its number is the review number
