"""日志: the tail of the log with a level filter, and the diagnostics zip with ID and
mobile numbers masked."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from broker_app.services.diagnostics import log_file, scrub
from broker_app.ui.context import AppContext
from broker_app.ui.logs.log_dialog import LogDialog
from tests.conftest import VILLAGE, valid_id

LINES = [
    "2026-03-15 09:30:00,001 INFO broker_app.x: started",
    "2026-03-15 09:30:01,002 DEBUG broker_app.x: detail",
    "2026-03-15 09:30:02,003 ERROR broker_app.x: failed",
    "Traceback (most recent call last):",
    "2026-03-15 09:30:03,004 WARNING broker_app.x: slow",
]


@pytest.fixture
def logged(ctx: AppContext) -> Path:
    path = log_file(ctx.data_dir)
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def test_level_filter_keeps_a_traceback_with_its_record(
    ctx: AppContext, logged: Path, qtbot: QtBot
) -> None:
    dialog = LogDialog(ctx)
    qtbot.addWidget(dialog)
    assert "detail" not in dialog.text.toPlainText()  # INFO and above by default
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("ERROR"))
    assert dialog.text.toPlainText().splitlines() == LINES[2:4]
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("DEBUG"))
    assert dialog.text.toPlainText().splitlines() == LINES
    with logged.open("a", encoding="utf-8") as handle:
        handle.write("2026-03-15 09:31:00,000 INFO broker_app.x: later\n")
    dialog.refresh_button.click()
    assert dialog.text.toPlainText().endswith("later")


def test_scrub_masks_id_and_mobile_numbers() -> None:
    text = f"bad row {valid_id()} phone 13812345678 at 2026-03-15 09:30:00,001 id=42"
    assert scrub(text) == (
        "bad row 370883************ phone 138******** at 2026-03-15 09:30:00,001 id=42"
    )


def test_diagnostics_zip_has_no_personal_numbers(
    ctx: AppContext, logged: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    id_number = valid_id(seq="456")
    with logged.open("a", encoding="utf-8") as handle:
        handle.write(f"2026-03-15 09:32:00,000 ERROR broker_app.y: row {id_number} 13912345678\n")
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    dialog = LogDialog(ctx)
    qtbot.addWidget(dialog)
    out = tmp_path / "out" / "diag.zip"
    dialog.export_to(out)
    assert out.is_file() and not list(out.parent.glob(".diag.zip.*.part"))
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        log_text = archive.read("logs/labor-station.log").decode("utf-8")
        summary = json.loads(archive.read("summary.json"))
    assert "summary.json" in names
    assert id_number not in log_text and "13912345678" not in log_text
    assert "370883************ 139********" in log_text
    assert summary["org_code"] == VILLAGE
    assert summary["record_counts"]["worker"] == 0
    assert {"app", "python", "sqlite", "qt", "pyside6"} <= set(summary["versions"])
