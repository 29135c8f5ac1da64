"""The errors our code explains to people: one base carrying the Chinese message shown
to the broker and the English one written to the log (Anki's ``LocalizedError``).

The window and the command line recognise them with ``isinstance(exc, UserError)``;
anything else is an unexpected failure, shown with an incident number instead."""

from __future__ import annotations

from collections.abc import Sequence


class UserError(Exception):
    """A failure whose ``message`` (Chinese) is shown as is and whose ``message_en`` goes
    to the log. A subclass may give both as class attributes and be raised bare."""

    message: str
    message_en: str

    def __init__(self, message: str = "", message_en: str = "") -> None:
        if message:
            self.message = message
        if message_en:
            self.message_en = message_en
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # The default pickling calls ``type(self)(*self.args)``, which fails for the
        # subclasses with their own signature; rebuild from the attributes instead,
        # since errors cross process boundaries in background imports.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class FieldError(UserError, ValueError):
    """A value entered for one field is not acceptable.

    ``message`` is Chinese and is shown to the broker as is, so it names the field
    and says what is wrong; ``message_en`` is the same for logs. ``reason`` is a
    short stable code (e.g. ``"check_char"``) so that import reports can group rows
    by cause and tests need not match the wording.
    """

    field: str
    reason: str

    def __init__(self, field: str, message: str, message_en: str, *, reason: str = "") -> None:
        super().__init__(message, message_en)
        self.field = field
        self.reason = reason

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(field={self.field!r}, reason={self.reason!r}, message={self.message!r})"


class InvalidInput(UserError):
    """Input that breaks one or more rules; ``errors`` says which, field by field."""

    errors: list[FieldError]

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(
            "；".join(err.message for err in self.errors),
            "; ".join(err.message_en for err in self.errors),
        )


def _rebuild(cls: type[UserError], args: tuple[object, ...], state: dict[str, object]) -> UserError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def user_messages(exc: BaseException) -> tuple[str, str] | None:
    """(Chinese, English) for the errors our layers raise for people (``UserError``);
    None for anything else, which is an unexpected failure."""
    if isinstance(exc, UserError):
        return exc.message, exc.message_en
    return None
