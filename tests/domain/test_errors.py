from __future__ import annotations

import pickle

import pytest

from broker_app.domain.common.errors import FieldError, UserError


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


def test_every_error_our_layers_explain_is_one_user_error() -> None:
    # The window and the command line recognise them by this base alone.
    from broker_app.cli.errors import CliError, user_messages
    from broker_app.services.cards.issuing import CardNotFound
    from broker_app.services.excel.errors import Problem, WorkbookError
    from broker_app.services.progress import Cancelled
    from broker_app.services.roster.workers import InvalidWorker, WorkerNotFound
    from broker_app.store.backup import BackupError
    from sync.client.errors import NotEnrolled

    errors: list[UserError] = [
        FieldError("phone", "电话为空", "phone is empty"),
        InvalidWorker([FieldError("a", "甲错", "a bad"), FieldError("b", "乙错", "b bad")]),
        CardNotFound("c1"),
        WorkbookError("文件打不开", "cannot open", Problem.NOT_WORKBOOK),
        Cancelled(),
        WorkerNotFound("w1"),
        BackupError("备份坏了", "backup broken"),
        NotEnrolled(),
        CliError("不行", "no", 3),
    ]
    for err in errors:
        assert isinstance(err, UserError)
        assert user_messages(err) == (err.message, err.message_en)
        assert err.message and err.message_en
    assert user_messages(errors[1]) == ("甲错；乙错", "a bad; b bad")
    assert user_messages(ValueError("甲错")) is None
    assert isinstance(WorkerNotFound("w1"), LookupError)


def test_a_user_error_with_its_own_signature_survives_pickling() -> None:
    from broker_app.services.roster.workers import InvalidWorker

    copy = pickle.loads(pickle.dumps(InvalidWorker([FieldError("a", "甲错", "a bad")])))
    assert (copy.message, copy.message_en, copy.errors[0].field) == ("甲错", "a bad", "a")
