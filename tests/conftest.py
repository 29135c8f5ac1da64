"""Fixtures shared by every test: a fresh data folder and store per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from broker_app.services.station import StationService
from broker_app.store.store import Store, open_store

#: A village of 太平镇, and its township.
VILLAGE = "370883107200"
OTHER_VILLAGE = "370883107201"
TOWNSHIP = "370883107000"


@pytest.fixture(autouse=True)
def _user_settings(tmp_path: Path) -> None:
    """The user's own Qt settings (the folders file dialogs remember) go to the test's
    folder, never to the real user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path / "user_settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    StationService(opened).configure(VILLAGE, operator_name="测试经纪人")
    yield opened
    opened.close()


def valid_id(birth: str = "19800101", seq: str = "123", area: str = "370883") -> str:
    """A GB 11643-valid ID number for the given birth date and sequence code."""
    from broker_app.domain.idcard import check_char

    first17 = f"{area}{birth}{seq}"
    return first17 + check_char(first17)


def worker_input(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "张三丰",
        "id_number": valid_id(),
        "phone": "13812345678",
        "org_code": VILLAGE,
        "employment_status": "未就业",
        "skills": "焊工、电工",
    }
    values.update(overrides)
    return values
