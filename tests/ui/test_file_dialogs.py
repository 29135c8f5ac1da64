"""File dialogs start in the documents folder, then in the folder last used for the
same kind of file (issue 16, item 8). The dialog is the only part replaced: it is
modal and native on Windows; the actions calling it are the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from broker_app.ui.context import AppContext
from broker_app.ui.jobs.job_page import JobsPage
from broker_app.ui.logs.log_dialog import LogDialog


class FakeChooser:
    """Records the folder each dialog opened in and answers with ``answer``."""

    def __init__(self) -> None:
        self.started_in: list[str] = []
        self.answer = ""

    def __call__(
        self, _parent: object, _title: str, start: str = "", *_rest: object
    ) -> tuple[str, str]:
        self.started_in.append(start)
        return self.answer, ""


def test_dialogs_start_in_documents_then_remember_the_folder_per_kind(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chooser = FakeChooser()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    jobs = JobsPage(ctx)
    qtbot.addWidget(jobs)
    logs = LogDialog(ctx)
    qtbot.addWidget(logs)

    jobs.choose_workbook()  # cancelled
    assert chooser.started_in[-1] == documents

    job_folder = tmp_path / "岗位表"
    job_folder.mkdir()
    monkeypatch.setattr(jobs, "import_file", lambda path: None)
    chooser.answer = str(job_folder / "本周岗位.xlsx")
    jobs.choose_workbook()
    chooser.answer = ""
    jobs.choose_workbook()
    assert chooser.started_in[-1] == str(job_folder)

    # Another kind of file is not sent to the job folder.
    logs.choose_and_export()
    assert Path(chooser.started_in[-1]).parent == Path(documents)
    assert Path(chooser.started_in[-1]).name.startswith("labor-station-diagnostics-")

    # Remembered across windows (a new page), as the broker expects the next day.
    again = JobsPage(ctx)
    qtbot.addWidget(again)
    again.choose_workbook()
    assert chooser.started_in[-1] == str(job_folder)


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chooser = FakeChooser()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    jobs = JobsPage(ctx)
    qtbot.addWidget(jobs)
    monkeypatch.setattr(jobs, "import_file", lambda path: None)
    usb = tmp_path / "U盘"
    usb.mkdir()
    chooser.answer = str(usb / "岗位.xlsx")
    jobs.choose_workbook()
    usb.rmdir()  # the stick was pulled out
    chooser.answer = ""
    jobs.choose_workbook()
    assert chooser.started_in[-1] == QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def test_no_file_dialog_is_called_outside_the_one_helper() -> None:
    root = Path(__file__).resolve().parents[2] / "broker_app"
    callers = [
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "QFileDialog." in path.read_text(encoding="utf-8")
    ]
    assert callers == ["ui/file_dialogs.py"]
