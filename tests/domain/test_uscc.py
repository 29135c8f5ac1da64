from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.uscc import ALPHABET, normalize_uscc, uscc_check_char

# Codes published on business licences and in public sources; each passes the
# GB 32100 check, which a remembered-wrong code would do only 1 time in 31.
REAL_CODES = [
    "91110000600037341L",  # the example in a validator library's documentation
    "914403001922038216",  # 华为技术有限公司
    "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
    "91330100799655058B",
    "91110108558521630L",
    "12440600MB2C07549J",  # a 事业单位 (first digit 1: 机构编制), from a public bug report
]
# Genuine, but issued in Xiamen before 2016 with a check character that does not
# satisfy the standard (from a public bug report against a validator library).
XIAMEN_NONCONFORMING = "91350203M0001QKT19"


def failure(raw: str) -> FieldError:
    with pytest.raises(FieldError) as caught:
        normalize_uscc(raw)
    assert caught.value.field == "credit_code"
    assert caught.value.message.startswith("统一社会信用代码")
    return caught.value


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_accepted_unchanged(code: str) -> None:
    assert normalize_uscc(code) == code
    assert uscc_check_char(code[:17]) == code[17]


def test_lowercase_full_width_spaces_and_dashes() -> None:
    assert normalize_uscc(" 9144 0300 7084 6113 6t ") == "91440300708461136T"
    assert normalize_uscc("９１４４０３００７０８４６１１３６ｔ") == "91440300708461136T"
    assert normalize_uscc("91440300-708461136-T") == "91440300708461136T"


def test_letters_in_the_first_two_places_are_allowed() -> None:
    # e.g. N2…: village collective economic organisations registered by agriculture.
    first17 = "N2370883MF1234567"
    code = first17 + uscc_check_char(first17)
    assert normalize_uscc(code) == code


def test_nonconforming_genuine_code_needs_explicit_override() -> None:
    err = failure(XIAMEN_NONCONFORMING)
    assert err.reason == "check_char"
    assert normalize_uscc(XIAMEN_NONCONFORMING, verify_check=False) == XIAMEN_NONCONFORMING


def test_override_still_checks_format() -> None:
    with pytest.raises(FieldError) as caught:
        normalize_uscc("91350203M0001QKTO9", verify_check=False)
    assert caught.value.reason == "excluded_letter"


def test_empty() -> None:
    assert failure(" ").reason == "empty"


@pytest.mark.parametrize("raw", ["9144030070846113", "91440300708461136TT"])
def test_length(raw: str) -> None:
    err = failure(raw)
    assert err.reason == "length"
    assert f"实为{len(raw)}位" in err.message


@pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
def test_letters_never_used(letter: str) -> None:
    err = failure("9144030070846113" + letter + "T")
    assert err.reason == "excluded_letter"
    assert letter in err.message


def test_other_characters() -> None:
    err = failure("91440300708461#36T")
    assert err.reason == "bad_char"
    assert "#" in err.message


def test_wrong_check_char_names_the_expected_one() -> None:
    err = failure("91440300708461136U")
    assert err.reason == "check_char"
    assert "应为 T" in err.message and "实为 U" in err.message


def test_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        uscc_check_char("9144030070846113")
    with pytest.raises(ValueError):
        uscc_check_char("9144030070846113I")


codes = st.text(alphabet=ALPHABET, min_size=17, max_size=17).map(lambda s: s + uscc_check_char(s))


@given(codes)
def test_generated_codes_normalize_to_themselves(code: str) -> None:
    assert normalize_uscc(code) == code
    assert normalize_uscc(code.lower()) == code


@given(codes, st.integers(min_value=0, max_value=17), st.sampled_from(ALPHABET))
def test_any_single_character_change_is_detected(code: str, position: int, new: str) -> None:
    assume(code[position] != new)
    changed = code[:position] + new + code[position + 1 :]
    with pytest.raises(FieldError):
        normalize_uscc(changed)
