"""What a page of the settings dialog does: ``load`` the settings into its fields,
``check`` them (showing each problem under its field), and ``save`` them into the one
``Settings`` value the dialog writes in one go once every page passes.

A page that keeps its values itself (load()/check()/save() without settings, such as
the privacy page) is added with ``SettingsDialog.add_standalone_page``, which wraps it
in ``StandalonePage``: it is checked with the others and saved after them; its
``check()`` may return a list of problems, one message or None, and the dialog shows
the messages unless the page has a ``show_errors`` of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from broker_app.domain.common.errors import FieldError
from broker_app.services.settings.schema import Settings, SettingsSection
from broker_app.services.settings.text import section_from_texts
from broker_app.ui.field_errors import add_checked_row

#: (field, Chinese message) of one problem, shown under the field.
FieldProblem = tuple[str, str]
_S = TypeVar("_S", bound=SettingsSection)


class SettingsPage(Protocol):
    def load(self, settings: Settings) -> None:
        """Show ``settings`` (the page's part of them) in the fields."""

    def check(self) -> list[FieldProblem]:
        """Every problem of what is typed, also shown under the fields; [] if fine."""

    def save(self, settings: Settings) -> Settings:
        """``settings`` with this page's values (checked) put in; nothing is written."""

    def saved(self, settings: Settings) -> None:
        """After the settings were written: apply what takes effect at once."""


class SettingsPageBase(QWidget):
    """Fields with an error line under each (``add_row``), and the error display."""

    #: The ``Settings`` section this page edits (errors of a save are routed by it).
    section = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}

    def add_row(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> None:
        self.errors[field] = add_checked_row(form, label, widget, self)

    def show_errors(self, problems: Iterable[FieldProblem]) -> None:
        """Replace the shown errors; a field without an error line uses the first one."""
        self.clear_errors()
        for field, message in problems:
            label = self.errors.get(field) or next(iter(self.errors.values()), None)
            if label is not None:
                shown = label.text()  # a second problem of the same line goes below
                label.setText(f"{shown}\n{message}" if shown else message)
                label.show()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def checked(self, loaded: _S, texts: Mapping[str, str]) -> tuple[_S, list[FieldProblem]]:
        """``loaded`` with the typed ``texts``, and its problems (also shown)."""
        section, errors = section_from_texts(loaded, texts)
        problems = [(err.field, err.message) for err in errors]
        self.show_errors(problems)
        return section, problems

    def typed(self) -> tuple[SettingsSection, list[FieldProblem]]:
        """The page's section as typed (``checked``), and its problems (also shown)."""
        raise NotImplementedError

    def check(self) -> list[FieldProblem]:
        return self.typed()[1]

    def save(self, settings: Settings) -> Settings:
        return settings.with_section(self.typed()[0])

    def saved(self, settings: Settings) -> None:
        """Most pages have nothing to apply at once."""


class StandalonePage:
    """A page that stores its own values (``load()``, ``check()``, ``save()``), checked
    with the other pages and saved once the settings were written."""

    section = ""

    def __init__(self, widget: Any) -> None:
        self.widget = widget

    def load(self, settings: Settings) -> None:
        del settings
        self.widget.load()

    def check(self) -> list[FieldProblem]:
        """The page's problems: it may answer a list, one message, or None."""
        found = self.widget.check()
        if not found:
            return []
        if isinstance(found, str | FieldError | tuple):
            found = [found]
        return [_problem(item) for item in found]

    def save(self, settings: Settings) -> Settings:
        return settings

    def saved(self, settings: Settings) -> None:
        del settings
        self.widget.save()

    def show_errors(self, problems: Iterable[FieldProblem]) -> None:
        """Passed on if the page shows errors itself (else the dialog shows them)."""
        show = getattr(self.widget, "show_errors", None)
        if callable(show):
            show(list(problems))

    @property
    def shows_errors(self) -> bool:
        return callable(getattr(self.widget, "show_errors", None))


def _problem(item: Any) -> FieldProblem:
    if isinstance(item, FieldError):
        return item.field, item.message
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), str(item[1])
    return "", str(item)
