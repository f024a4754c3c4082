"""数据同步 pages: export and import on USB sticks, conflict review, history; the county's stations."""
