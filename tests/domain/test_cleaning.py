"""The one validation helper: rules run for the fields given, every error is kept."""

from __future__ import annotations

from typing import Any

from broker_app.domain.common.cleaning import Cleaned, Cleaner
from broker_app.domain.common.errors import FieldError


def _positive(name: str, value: Any) -> int:
    if int(value) <= 0:
        raise FieldError(name, f"{name}必须大于零", f"{name}: not positive", reason="range")
    return int(value)


def _clean(raw: dict[str, Any], *, partial: bool) -> Cleaned:
    out = Cleaned()
    c = Cleaner(raw, out, partial=partial)
    for name in ("a", "b", "c"):
        c.field(name, lambda v, n=name: _positive(n, v or 1))
    c.run(lambda: out.values.update(total=sum(out.values.values())), "a", "b")
    return out


def test_a_whole_record_runs_every_rule_and_keeps_every_error_in_order() -> None:
    out = _clean({"a": "-1", "c": "0"}, partial=False)
    assert [err.field for err in out.errors] == ["a", "c"]
    assert out.values == {"b": 1, "total": 1}
    assert not out.ok


def test_an_edit_checks_only_the_fields_it_gives() -> None:
    out = _clean({"c": "3"}, partial=True)
    assert out.ok and out.values == {"c": 3}
    out = _clean({"b": "2"}, partial=True)
    assert out.values == {"b": 2, "total": 2}
