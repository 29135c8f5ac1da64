"""The station side of sync: HTTP client, and the round that pushes and pulls.

No Qt and no desktop storage here: the round works against the ``Replica`` protocol,
which the desktop implements over its SQLite store.
"""
