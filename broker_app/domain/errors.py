"""The one error type for input that breaks a domain rule."""

from __future__ import annotations


class FieldError(ValueError):
    """A value entered for one field is not acceptable.

    ``message`` is Chinese and is shown to the broker as is, so it names the field
    and says what is wrong; ``message_en`` is the same for logs. ``reason`` is a
    short stable code (e.g. ``"check_char"``) so that import reports can group rows
    by cause and tests need not match the wording.
    """

    field: str
    message: str
    message_en: str
    reason: str

    def __init__(self, field: str, message: str, message_en: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.message_en = message_en
        self.reason = reason

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(field={self.field!r}, reason={self.reason!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # The default pickling calls ``type(self)(*self.args)``, which fails for this
        # signature and for subclasses with their own; rebuild from the attributes
        # instead, since errors cross process boundaries in background imports.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(
    cls: type[FieldError], args: tuple[object, ...], state: dict[str, object]
) -> FieldError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error
