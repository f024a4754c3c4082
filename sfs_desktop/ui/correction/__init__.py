"""社区矫正 GUI: the subject ledger, the subject workspace, the county's decisions, statistics."""
