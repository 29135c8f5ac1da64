from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import mask_phone, normalize_mobile, normalize_phone


def failure(func: object, raw: str, **kwargs: bool) -> FieldError:
    assert callable(func)
    with pytest.raises(FieldError) as caught:
        func(raw, **kwargs)
    assert caught.value.field == "phone"
    assert caught.value.message_en
    return caught.value


class TestMobile:
    @pytest.mark.parametrize(
        "raw",
        [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "8613812345678",
            "0086 13812345678",
            "１３８１２３４５６７８",
            "\u00a0138\u30001234\u200b5678 ",
            "138—1234—5678",
            "(+86) 138 1234 5678",
        ],
    )
    def test_accepted_forms(self, raw: str) -> None:
        assert normalize_mobile(raw) == "13812345678"

    @pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
    def test_every_mobile_prefix(self, prefix: str) -> None:
        assert normalize_mobile(prefix + "012345678") == prefix + "012345678"

    def test_empty(self) -> None:
        assert failure(normalize_mobile, "  ").reason == "empty"

    def test_letters(self) -> None:
        err = failure(normalize_mobile, "138abc45678")
        assert err.reason == "not_digits"
        assert "含非数字字符" in err.message and "a" in err.message

    @pytest.mark.parametrize("raw", ["1381234567", "138123456789"])
    def test_length(self, raw: str) -> None:
        err = failure(normalize_mobile, raw)
        assert err.reason == "length"
        assert f"实为{len(raw)}位" in err.message

    @pytest.mark.parametrize("raw", ["12812345678", "10812345678", "23812345678"])
    def test_wrong_prefix(self, raw: str) -> None:
        err = failure(normalize_mobile, raw)
        assert err.reason == "mobile_prefix"
        assert "号段" in err.message

    def test_landline_is_not_a_mobile(self) -> None:
        err = failure(normalize_mobile, "0537-5212345")
        assert err.reason == "kind_not_allowed"
        assert "固定电话" in err.message

    def test_foreign_country_code(self) -> None:
        assert failure(normalize_mobile, "+1 415 555 0100").reason == "not_digits"


class TestPhone:
    @pytest.mark.parametrize(
        ("raw", "canonical"),
        [
            ("13812345678", "13812345678"),
            ("+86 138 1234 5678", "13812345678"),
            ("0537-5212345", "0537-5212345"),
            ("05375212345", "0537-5212345"),
            ("0537 5212345", "0537-5212345"),
            ("(0537)5212345", "0537-5212345"),
            ("（０５３７）５２１２３４５", "0537-5212345"),
            ("0537—5212345", "0537-5212345"),
            ("0537-521-2345", "0537-5212345"),
            ("+86 537 5212345", "0537-5212345"),
            ("010-62345678", "010-62345678"),
            ("01062345678", "010-62345678"),
            ("021 52345678", "021-52345678"),
            ("053-75212345", "0537-5212345"),
            ("12333", "12333"),
            ("12345", "12345"),
            ("95588", "95588"),
            ("955 88", "95588"),
            ("4001234567", "400-123-4567"),
            ("400-123-4567", "400-123-4567"),
        ],
    )
    def test_canonical_display_form(self, raw: str, canonical: str) -> None:
        assert normalize_phone(raw) == canonical

    def test_landline_refused_when_not_allowed(self) -> None:
        err = failure(normalize_phone, "0537-5212345", allow_landline=False)
        assert err.reason == "kind_not_allowed"
        assert "固定电话" in err.message

    def test_service_number_refused_when_not_allowed(self) -> None:
        err = failure(normalize_phone, "12333", allow_service=False)
        assert err.reason == "kind_not_allowed"
        assert "服务号码" in err.message

    def test_mobile_still_fine_without_landlines(self) -> None:
        assert normalize_phone("138 1234 5678", allow_landline=False) == "13812345678"

    def test_local_number_without_area_code(self) -> None:
        err = failure(normalize_phone, "5212345")
        assert err.reason == "no_area_code"
        assert "区号" in err.message and "0537-5212345" in err.message

    @pytest.mark.parametrize("raw", ["0537-12345", "0537-0212345", "0537-521234567", "00537"])
    def test_malformed_landline(self, raw: str) -> None:
        err = failure(normalize_phone, raw)
        assert err.reason == "landline_format"
        assert "0537-5212345" in err.message

    def test_malformed_mobile(self) -> None:
        assert failure(normalize_phone, "1381234567").reason == "length"

    def test_text(self) -> None:
        assert failure(normalize_phone, "打12333").reason == "not_digits"


class TestMask:
    @pytest.mark.parametrize(
        ("phone", "masked"),
        [
            ("13812345678", "138****5678"),
            ("0537-5212345", "053****2345"),
            ("12333", "12333"),
            ("", ""),
        ],
    )
    def test_first_three_and_last_four(self, phone: str, masked: str) -> None:
        assert mask_phone(phone) == masked


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_any_mobile_round_trips_through_both_validators(mobile: str) -> None:
    assert normalize_mobile(mobile) == mobile
    assert normalize_phone("+86 " + mobile) == mobile
    assert mask_phone(mobile) == mobile[:3] + "****" + mobile[-4:]


@given(st.from_regex(r"0[3-9][0-9]{2}-[2-9][0-9]{6,7}", fullmatch=True))
def test_any_four_digit_area_landline_keeps_its_split(landline: str) -> None:
    assert normalize_phone(landline) == landline
    assert normalize_phone(landline.replace("-", "")) == landline
