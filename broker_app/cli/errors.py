"""How a failure reaches the person at the terminal: Chinese on stderr, English in the log."""

from __future__ import annotations

from broker_app.domain.common.errors import UserError


class CliError(UserError):
    """A failure the command explains itself."""

    def __init__(self, message: str, message_en: str, exit_code: int = 2) -> None:
        super().__init__(message, message_en)
        self.exit_code = exit_code


def user_messages(exc: BaseException) -> tuple[str, str] | None:
    """(Chinese, English) for the errors our layers raise for people (``UserError``);
    None for anything else, which is an unexpected failure."""
    if isinstance(exc, UserError):
        return exc.message, exc.message_en
    return None
