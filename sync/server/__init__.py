"""The county channel server: enrolment, push, pull, conflict log, card keys.

An ASGI app (FastAPI) on SQLAlchemy 2 with its own tables and migrations. It never
imports Qt or the desktop's services; it shares only the pure domain rules.
"""
