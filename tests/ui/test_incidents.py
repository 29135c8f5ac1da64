"""No Python exception text ever reaches a broker: an unexpected failure in an action
shows a Chinese sentence with an incident number; the log holds the number and the
traceback. Faults are forced where a real bug would sit (a service or a dialog that
raises), and the action is driven through the real widgets."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from broker_app.cli.main import main
from broker_app.domain.common.enums import JobStatus
from broker_app.logs import LOG_FILE, setup_logging
from broker_app.services.jobs.postings import JobPostingService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import install_error_hook
from broker_app.ui.jobs.job_page import JobsPage
from broker_app.ui.main_window import MainWindow

# What a broker must never read: Python's own words.
PYTHON_TEXT = re.compile(r"Traceback|Error|object has no attribute|'str'|\bNone\b|File \"")
INCIDENT = re.compile(r"\d{4}-[A-Z2-9]{4}")
BUG = "'str' object has no attribute 'value'"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    folder.mkdir()
    path = setup_logging(folder)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


def answer_next_box(seen: list[tuple[str, str]]) -> None:
    """Read the next modal message box once it is up, then close it."""

    def read() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read)
            return
        seen.append((box.windowTitle(), box.text()))
        box.done(0)

    QTimer.singleShot(0, read)


def assert_incident_told_and_logged(text: str, log_file: Path) -> None:
    assert not PYTHON_TEXT.search(text), text
    assert "没有丢失" in text
    number = INCIDENT.search(text)
    assert number is not None, text
    logged = log_file.read_text(encoding="utf-8")
    assert f"incident {number.group(0)}" in logged
    assert "Traceback (most recent call last)" in logged
    assert BUG in logged


def raise_bug(*_args: object, **_kwargs: object) -> None:
    raise AttributeError(BUG)


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_shows_a_chinese_sentence_with_an_incident_number(
    ctx: AppContext, qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("jobs")
    assert isinstance(page, JobsPage)
    monkeypatch.setattr("broker_app.ui.jobs.job_editor.JobEditorDialog.__init__", raise_bug)
    seen: list[tuple[str, str]] = []
    answer_next_box(seen)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    title, text = seen[0]
    assert title == "操作没有完成"
    assert_incident_told_and_logged(text, log_file)


@pytest.mark.qt_no_exception_capture
def test_failures_while_the_box_is_up_open_no_second_box(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_hook()
    button = QPushButton("统计")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: raise_bug())
    seen: list[tuple[str, str]] = []

    def while_up() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, while_up)
            return
        button.click()  # fails again, as a view repainting behind the box would
        button.click()
        seen.append((box.windowTitle(), box.text()))
        box.done(0)

    QTimer.singleShot(0, while_up)
    button.click()
    assert len(seen) == 1
    assert log_file.read_text(encoding="utf-8").count("incident ") == 3


def test_a_background_action_that_fails_says_what_did_not_happen(
    ctx: AppContext, qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("jobs")
    assert isinstance(page, JobsPage)
    monkeypatch.setattr(JobPostingService, "close", raise_bug)
    seen: list[tuple[str, str]] = []
    answer_next_box(seen)
    page.set_status("any-job", JobStatus.CLOSED)
    assert len(seen) == 1
    assert_incident_told_and_logged(seen[0][1], log_file)


def test_the_command_line_prints_chinese_and_an_incident_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "station"
    assert main(["--data-dir", str(data), "init-station", "--org", "370883107200"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("broker_app.cli.list_cmds.iter_records", raise_bug)
    assert main(["--data-dir", str(data), "list", "workers"]) == 1
    err = capsys.readouterr().err
    assert_incident_told_and_logged(err, data / "logs" / LOG_FILE)
