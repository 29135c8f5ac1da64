"""How a failure reaches the person at the terminal: Chinese on stderr, English in the log."""

from __future__ import annotations


class CliError(Exception):
    """A failure the command explains itself."""

    def __init__(self, message: str, message_en: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en
        self.exit_code = exit_code


def user_messages(exc: BaseException) -> tuple[str, str] | None:
    """(Chinese, English) for the errors our layers raise for people; None otherwise.

    Every such error carries ``message`` and ``message_en``: FieldError, WorkbookError,
    BackupError and CliError alike; an error holding a list of field errors is joined.
    """
    errors = getattr(exc, "errors", None)
    if isinstance(errors, list) and errors and all(hasattr(e, "message") for e in errors):
        zh = "；".join(e.message for e in errors)
        en = "; ".join(getattr(e, "message_en", e.message) for e in errors)
        return zh, en
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message, str(getattr(exc, "message_en", message))
    return None
