from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import Gender
from broker_app.domain.common.errors import FieldError
from broker_app.domain.people.idcard import (
    IdInfo,
    age_on,
    check_char,
    id_number_from_spreadsheet_number,
    mask_id_number,
    normalize_id_number,
    parse_id_number,
)

TODAY = date(2026, 6, 1)
# Annex examples of GB 11643-1999, quoted in the domain notes.
ANNEX_FEMALE = "11010519491231002X"
ANNEX_1880 = "440524188001010014"
# 370883 + 1990-01-01 + 123, check character computed by hand with the weights
# 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2: S = 301, 301 mod 11 = 4 -> "8".
ZOUCHENG = "370883199001011238"


def reason_of(raw: str, **kwargs: date) -> FieldError:
    with pytest.raises(FieldError) as caught:
        normalize_id_number(raw, **kwargs)
    assert caught.value.field == "id_number"
    assert caught.value.message.startswith("身份证号")
    assert caught.value.message_en
    return caught.value


class TestCheckChar:
    def test_annex_examples(self) -> None:
        assert check_char(ANNEX_FEMALE[:17]) == "X"
        assert check_char(ANNEX_1880[:17]) == "4"
        assert check_char(ZOUCHENG[:17]) == "8"

    @pytest.mark.parametrize("bad", ["", "1234567890123456", "1234567890123456X", "１" * 17])
    def test_rejects_anything_but_17_ascii_digits(self, bad: str) -> None:
        with pytest.raises(ValueError):
            check_char(bad)


class TestNormalizeAccepts:
    def test_valid_numbers_come_back_unchanged(self) -> None:
        assert normalize_id_number(ANNEX_FEMALE) == ANNEX_FEMALE
        assert normalize_id_number(ZOUCHENG) == ZOUCHENG

    def test_lowercase_x_is_uppercased(self) -> None:
        assert normalize_id_number("11010519491231002x") == ANNEX_FEMALE

    def test_full_width_digits_and_x(self) -> None:
        assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == ANNEX_FEMALE
        assert normalize_id_number("１１０１０５１９４９１２３１００２Ｘ") == ANNEX_FEMALE

    def test_spaces_of_every_kind_anywhere(self) -> None:
        raw = " 110105\u30001949\u00a01231\t002 X\u200b\n"
        assert normalize_id_number(raw) == ANNEX_FEMALE

    def test_leading_text_apostrophe_from_spreadsheets(self) -> None:
        assert normalize_id_number("'" + ZOUCHENG) == ZOUCHENG

    def test_unknown_or_abolished_address_codes_are_accepted(self) -> None:
        first17 = "999999" + "19800101" + "001"
        assert normalize_id_number(first17 + check_char(first17)) == first17 + check_char(first17)

    def test_legacy_15_digit_number_is_upgraded(self) -> None:
        # 370883 900101 123 -> insert "19" before the date, append the check char.
        assert normalize_id_number("370883900101123") == ZOUCHENG

    def test_birth_today_is_allowed(self) -> None:
        first17 = "370883" + "20260601" + "001"
        number = first17 + check_char(first17)
        assert normalize_id_number(number, today=TODAY) == number

    def test_earliest_allowed_birth_is_1900_01_01(self) -> None:
        first17 = "370883" + "19000101" + "001"
        assert normalize_id_number(first17 + check_char(first17)).endswith(check_char(first17))


class TestNormalizeRejects:
    def test_empty(self) -> None:
        assert reason_of("").reason == "empty"
        assert reason_of(" \u3000 ").message == "身份证号为空"

    def test_non_digit_characters_are_named(self) -> None:
        err = reason_of("37088319900101123A")
        assert err.reason == "not_digits"
        assert "含非数字字符" in err.message and "A" in err.message

    def test_dashes_are_not_digits(self) -> None:
        err = reason_of("370883-19900101-1238")
        assert err.reason == "not_digits"
        assert "-" in err.message

    @pytest.mark.parametrize("length", [1, 14, 16, 17, 19, 20])
    def test_wrong_length_says_how_many(self, length: int) -> None:
        err = reason_of(ZOUCHENG.ljust(20, "1")[:length])
        assert err.reason == "length"
        assert f"位数不对（应为18位，实为{length}位）" in err.message

    def test_x_anywhere_but_last(self) -> None:
        err = reason_of("1101051949123100X2")
        assert err.reason == "x_position"
        assert "最后一位" in err.message

    def test_x_in_a_15_digit_number(self) -> None:
        assert reason_of("37088390010112X").reason == "x_position"

    @pytest.mark.parametrize("stamp", ["19900230", "19901301", "19900001", "19900100", "00000101"])
    def test_impossible_birth_date(self, stamp: str) -> None:
        first17 = "370883" + stamp + "123"
        err = reason_of(first17 + "0")
        assert err.reason == "birth_date_invalid"
        assert "出生日期无效" in err.message

    def test_impossible_birth_date_in_legacy_number(self) -> None:
        assert reason_of("370883900230123").reason == "birth_date_invalid"

    def test_birth_before_1900(self) -> None:
        # The annex example is structurally valid (its check char is right) but
        # nobody born in 1880 is on a labour roster, so the 1900 floor rejects it.
        err = reason_of(ANNEX_1880)
        assert err.reason == "birth_date_too_early"
        assert "1900" in err.message

    def test_birth_in_the_future(self) -> None:
        first17 = "370883" + "20260602" + "001"
        err = reason_of(first17 + check_char(first17), today=TODAY)
        assert err.reason == "birth_date_future"
        assert "出生日期在未来" in err.message

    def test_wrong_check_char_names_the_expected_one(self) -> None:
        err = reason_of(ZOUCHENG[:17] + "7")
        assert err.reason == "check_char"
        assert "校验码错误" in err.message
        assert "应为 8" in err.message and "实为 7" in err.message

    def test_every_reason_is_distinct(self) -> None:
        samples = [
            "",
            "37088319900101123A",
            "1234",
            "1101051949123100X2",
            "370883199002301230",
            ANNEX_1880,
            ZOUCHENG[:17] + "7",
        ]
        reasons = [reason_of(sample, today=TODAY).reason for sample in samples]
        messages = [reason_of(sample, today=TODAY).message for sample in samples]
        assert len(set(reasons)) == len(samples)
        assert len(set(messages)) == len(samples)


class TestSpreadsheetNumbers:
    def test_excel_shown_text_of_a_number_gets_the_same_reason(self) -> None:
        with pytest.raises(FieldError) as caught:
            normalize_id_number("3.70883E+17")
        assert caught.value.reason == "spreadsheet_number"
        assert "后三位已丢失" in caught.value.message

    def test_18_digit_float_lost_its_last_digits(self) -> None:
        # What Excel hands back for 370883199001011238 typed into a General cell.
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(3.70883199001011e17)
        err = caught.value
        assert err.field == "id_number"
        assert err.reason == "spreadsheet_number"
        assert "15位有效数字" in err.message and "文本" in err.message
        # The cell as Excel showed it, the same words the errors workbook re-imports with.
        assert "以数字形式保存，后三位已丢失" in err.message and "3.70883E+17" in err.message
        assert "15 significant digits" in err.message_en

    def test_18_digit_int_is_refused_too(self) -> None:
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(370883199001011238)
        assert caught.value.reason == "spreadsheet_number"

    def test_15_digit_integer_is_a_complete_legacy_number(self) -> None:
        assert id_number_from_spreadsheet_number(370883900101123) == ZOUCHENG
        assert id_number_from_spreadsheet_number(370883900101123.0) == ZOUCHENG

    def test_15_digit_number_with_bad_date_still_fails_on_the_date(self) -> None:
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(370883901301123)
        assert caught.value.reason == "birth_date_invalid"

    @pytest.mark.parametrize("value", [1.5, float("nan"), float("inf")])
    def test_non_integral_values(self, value: float) -> None:
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(value)
        assert caught.value.reason == "spreadsheet_number"

    def test_short_number(self) -> None:
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(12345)
        assert caught.value.reason == "length"
        assert "实为5位" in caught.value.message

    def test_bool_is_not_a_number_here(self) -> None:
        with pytest.raises(FieldError) as caught:
            id_number_from_spreadsheet_number(True)
        assert caught.value.reason == "not_a_number"


class TestParse:
    def test_annex_female(self) -> None:
        assert parse_id_number("11010519491231002x") == IdInfo(
            number=ANNEX_FEMALE,
            birth_date=date(1949, 12, 31),
            gender=Gender.FEMALE,
            address_code="110105",
        )

    def test_odd_17th_digit_is_male(self) -> None:
        info = parse_id_number(ZOUCHENG)
        assert info.gender is Gender.MALE
        assert info.birth_date == date(1990, 1, 1)
        assert info.address_code == "370883"

    def test_legacy_number_is_parsed_after_upgrade(self) -> None:
        info = parse_id_number("370883900101124")
        assert info.number.startswith("37088319900101124")
        assert info.gender is Gender.FEMALE

    def test_errors_propagate(self) -> None:
        with pytest.raises(FieldError):
            parse_id_number("123")


class TestAgeOn:
    @pytest.mark.parametrize(
        ("on", "age"),
        [
            (date(2035, 1, 1), 45),
            (date(2034, 12, 31), 44),
            (date(1990, 1, 1), 0),
            (date(2056, 1, 1), 66),
        ],
    )
    def test_full_years(self, on: date, age: int) -> None:
        assert age_on(date(1990, 1, 1), on) == age

    def test_leap_day_birthday_counts_from_march_first_in_common_years(self) -> None:
        birth = date(2000, 2, 29)
        assert age_on(birth, date(2001, 2, 28)) == 0
        assert age_on(birth, date(2001, 3, 1)) == 1
        assert age_on(birth, date(2004, 2, 29)) == 4

    def test_date_before_birth_is_an_error(self) -> None:
        with pytest.raises(ValueError):
            age_on(date(2000, 1, 2), date(2000, 1, 1))


class TestMask:
    def test_first_six_and_last_four(self) -> None:
        assert mask_id_number(ANNEX_FEMALE) == "110105********002X"
        assert mask_id_number(ZOUCHENG) == "370883********1238"

    def test_lowercase_and_spaces(self) -> None:
        assert mask_id_number(" 11010519491231002x ") == "110105********002X"

    def test_legacy_15_digits(self) -> None:
        assert mask_id_number("370883900101123") == "370883********1123"

    @pytest.mark.parametrize(
        ("raw", "masked"),
        [
            ("", ""),
            ("12", "********"),
            ("12345", "1********5"),
            ("1234567890", "12********90"),
            ("12345678901", "123456********8901"),
        ],
    )
    def test_short_input_never_crashes_and_hides_most(self, raw: str, masked: str) -> None:
        assert mask_id_number(raw) == masked


def test_years_before_is_the_age_bound_age_on_counts() -> None:
    from broker_app.domain.people.idcard import years_before

    assert years_before(date(2026, 3, 1), 45) == date(1981, 3, 1)
    assert years_before(date(2024, 2, 29), 45) == date(1979, 2, 28)
    # Born on or before the bound: at least that many full years old, and no later.
    for on in (date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1)):
        bound = years_before(on, 45)
        assert age_on(bound, on) == 45
        assert age_on(date.fromordinal(bound.toordinal() + 1), on) == 44
