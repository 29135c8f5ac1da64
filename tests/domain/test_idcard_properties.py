from __future__ import annotations

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact
from broker_app.domain.people.idcard import mask_id_number, normalize_id_number, parse_id_number

TODAY = date(2026, 6, 1)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_DIGITS = "0123456789"


def reference_check(first17: str) -> str:
    """Independent of the code under test: weights and table copied from the notes."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


@st.composite
def valid_ids(draw: st.DrawFn, earliest: date = date(1900, 1, 1)) -> str:
    address = draw(st.from_regex(r"[1-9][0-9]{5}", fullmatch=True))
    birth = draw(st.dates(min_value=earliest, max_value=TODAY))
    sequence = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first17 = f"{address}{birth:%Y%m%d}{sequence}"
    return first17 + reference_check(first17)


def rejected(raw: str) -> bool:
    try:
        normalize_id_number(raw, today=TODAY)
    except FieldError:
        return True
    return False


@given(valid_ids())
def test_valid_ids_normalize_to_themselves(number: str) -> None:
    assert normalize_id_number(number, today=TODAY) == number
    assert normalize_id_number(number.lower(), today=TODAY) == number


@given(valid_ids())
def test_full_width_and_spaced_forms_normalize_to_the_same(number: str) -> None:
    wide = "".join(chr(ord(ch) + 0xFEE0) for ch in number)
    spaced = " ".join([number[:6], number[6:14], number[14:]]).replace(" ", "\u3000", 1)
    assert normalize_id_number(wide, today=TODAY) == number
    assert normalize_id_number(spaced, today=TODAY) == number


@given(valid_ids(), st.integers(min_value=0, max_value=17), st.sampled_from(_DIGITS + "X"))
def test_changing_any_single_character_is_detected(number: str, position: int, new: str) -> None:
    assume(number[position] != new)
    changed = number[:position] + new + number[position + 1 :]
    assert rejected(changed)


@given(valid_ids(), st.integers(min_value=0, max_value=16))
def test_swapping_neighbours_is_detected(number: str, position: int) -> None:
    assume(number[position] != number[position + 1])
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert rejected(swapped)


@given(valid_ids(earliest=date(1900, 1, 1)).filter(lambda n: n[6:8] == "19"))
def test_legacy_form_upgrades_to_the_18_digit_number(number: str) -> None:
    legacy = number[:6] + number[8:17]
    assert normalize_id_number(legacy, today=TODAY) == number


@given(valid_ids())
def test_parse_reads_gender_from_the_17th_digit(number: str) -> None:
    info = parse_id_number(number, today=TODAY)
    assert info.gender.value == ("male" if int(number[16]) % 2 else "female")
    assert f"{info.birth_date:%Y%m%d}" == number[6:14]


@given(st.text(alphabet=_DIGITS + "Xx \u3000", max_size=30))
def test_mask_never_fails_and_never_shows_the_whole_number(raw: str) -> None:
    masked = mask_id_number(raw)
    text = compact(raw).upper()
    if text:
        assert "*" in masked
        assert text not in masked
    else:
        assert masked == ""
