"""Who is in the 就业帮扶台账, for the statistics that count the same people.

The SQL lives in ``store.repositories.ledger``; the monthly statistics import the
group conditions from here (their queries are being reworked separately).
"""

from __future__ import annotations

from broker_app.store.repositories.ledger import (
    group_condition,
    ledger_conditions,
    older_condition,
)

__all__ = ["group_condition", "ledger_conditions", "older_condition"]
