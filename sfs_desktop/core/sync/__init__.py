"""Sync between stations and the county bureau: bundles on USB sticks (sync-design.md §4).

Modules: ``crypto`` (the PyNaCl suite), ``bundle`` (file format v1), ``identity`` (node keys,
roster, enrollment), ``policy`` (who receives which rows and fields), ``entries`` (rows as
portable entries), ``merge`` (§4.3), ``digest`` (partition digests for acks), ``exporter``,
``importer``, ``conflicts``, ``status``.
"""
