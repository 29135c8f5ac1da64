"""Validation as a table: one helper for workers, postings, batches and projects.

    c = Cleaner(raw, out, partial=partial)
    c.field("phone", parse_phone)           # values["phone"] = parse_phone(raw["phone"])
    c.run(lambda: set_id(...), "id_number")  # a rule that writes several values

Each rule runs only for fields present in ``raw`` when ``partial`` (an edit or a
re-import that updates), and a ``FieldError`` it raises is collected, so the broker
hears about every bad field at once, in the order the rules are listed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from broker_app.domain.common.errors import FieldError


@dataclass
class Cleaned:
    """The outcome of validating one record: the values to store, or why it failed."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class Cleaner:
    def __init__(self, raw: Mapping[str, Any], out: Cleaned, *, partial: bool = False) -> None:
        self.raw = raw
        self.out = out
        self.partial = partial

    def present(self, *names: str) -> bool:
        """True when the rule for ``names`` must run: any of them given, or a whole record."""
        return not self.partial or any(name in self.raw for name in names)

    def field(self, name: str, parse: Callable[..., Any]) -> None:
        """``values[name] = parse(raw value)`` when ``name`` is to be checked (``parse``
        may take further arguments with defaults: the per-field lambdas of a loop)."""
        if self.present(name):
            self.run(lambda: self.out.values.__setitem__(name, parse(self.raw.get(name))))

    def run(self, rule: Callable[[], None], *names: str) -> None:
        """Run ``rule`` (when one of ``names`` is to be checked, or always without names),
        keeping the ``FieldError`` it raises."""
        if names and not self.present(*names):
            return
        try:
            rule()
        except FieldError as err:
            self.out.errors.append(err)
