"""Demo data: a realistic synthetic station, in steps per feature.

``data`` makes the workers and then runs the steps of later record kinds (``cards``,
``jobs``, ``dispatch``); each step takes the one ``DemoContext`` defined here, so the
steps and the runner need not import each other.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from broker_app.store.secrets import SecretStore
    from broker_app.store.writer import RecordWriter

__all__ = ["DemoContext", "DemoStep"]


@dataclass
class DemoContext:
    """What the worker step made, handed to the steps of later record kinds."""

    rng: random.Random
    writer: RecordWriter
    today: date
    station_org: str
    operator: str
    villages: list[str]
    people: list[dict[str, Any]]
    worker_ids: list[str]
    #: The station's secrets (the card-signing key), for the cards step.
    secrets: SecretStore


#: A demo step: takes the context and returns {Chinese label: count made}.
DemoStep = Callable[[DemoContext], dict[str, int]]
