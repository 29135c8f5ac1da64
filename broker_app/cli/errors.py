"""How a failure reaches the person at the terminal: Chinese on stderr, English in the log."""

from __future__ import annotations

from broker_app.domain.common.errors import UserError

# one reading of an error for people, shared with the window (which may not import cli)
from broker_app.domain.common.errors import user_messages as user_messages


class CliError(UserError):
    """A failure the command explains itself."""

    def __init__(self, message: str, message_en: str, exit_code: int = 2) -> None:
        super().__init__(message, message_en)
        self.exit_code = exit_code
