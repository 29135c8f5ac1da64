"""Progress and cancellation for long work (import, export, printing, sync).

Services take a ``progress(fraction, message)`` callable and an optional
``CancelToken``; the GUI runs them off its thread and the command line runs them
inline. Cancelling raises ``Cancelled`` at the next check, inside the service's
transaction, so a cancelled job writes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from broker_app.domain.common.errors import UserError

Progress = Callable[[float, str], None]


def no_progress(_fraction: float, _message: str) -> None:
    return None


class Cancelled(UserError):
    message = "已取消"
    message_en = "cancelled by the user"


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
