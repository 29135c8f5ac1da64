"""欠薪线索 use cases: register, list, accept, close, refuse; the month's figures."""
