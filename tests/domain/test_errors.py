from __future__ import annotations

import pickle

import pytest

from broker_app.domain.errors import FieldError


def test_str_is_the_chinese_message_and_attributes_are_kept() -> None:
    err = FieldError("id_number", "身份证号为空", "ID number is empty", reason="empty")
    assert str(err) == "身份证号为空"
    assert (err.field, err.message, err.message_en, err.reason) == (
        "id_number",
        "身份证号为空",
        "ID number is empty",
        "empty",
    )
    assert isinstance(err, ValueError)


def test_reason_defaults_to_empty() -> None:
    assert FieldError("phone", "电话为空", "empty").reason == ""


def test_survives_pickling() -> None:
    err = FieldError("phone", "电话为空", "phone is empty", reason="empty")
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is FieldError
    assert (copy.field, copy.message, copy.message_en, copy.reason) == (
        "phone",
        "电话为空",
        "phone is empty",
        "empty",
    )
    assert str(copy) == "电话为空"


class Duplicate(FieldError):
    def __init__(self, number: str) -> None:
        super().__init__("id_number", f"重复：{number}", f"duplicate {number}", reason="dup")
        self.number = number


def test_subclass_with_own_signature_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(Duplicate("123")))
    assert isinstance(copy, Duplicate)
    assert copy.number == "123"
    assert str(copy) == "重复：123"


def test_can_be_raised_and_caught_as_value_error() -> None:
    with pytest.raises(ValueError, match="电话为空"):
        raise FieldError("phone", "电话为空", "phone is empty")
