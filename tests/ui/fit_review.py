"""Opens the main window, every page and every dialog on one small screen and prints,
as JSON, what does not fit: a window larger than the room the taskbar leaves, or a
widget squeezed below the size its text needs (clipped).

Run in its own process, because the screen and the scaling are fixed when the
application starts::

    QT_SCALE_FACTOR=1.5 python -m tests.ui.fit_review DATA_DIR 1366x728

(1366x728 is what a 1366x768 screen leaves above a 40-pixel Windows taskbar.)"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlalchemy import text

from broker_app.ui.screenshot import use_offscreen_screen

CHECKED = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


#: Parts of a composite widget, sized by that widget (a spin box's text, a line
#: edit's clear button, an editable combo box's text).
COMPOSITES = (QAbstractSpinBox, QComboBox, QLineEdit)
#: Rounding at 150% can leave a window one logical pixel over the screen's edge.
ROUNDING = 1


def scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's content: there it scrolls rather than being cut off."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def part_of_composite(widget: QWidget) -> bool:
    return isinstance(widget.parentWidget(), COMPOSITES)


def clipped(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisibleTo(top) or scrolled(widget, top):
            continue
        if part_of_composite(widget):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            label = widget.text() if hasattr(widget, "text") else ""
            found.append(
                f"{type(widget).__name__} {widget.objectName() or label!r}: "
                f"{widget.width()}x{widget.height()} < {need.width()}x{need.height()}"
            )
    return found


def review(top: QWidget, app: QApplication) -> dict[str, object]:
    top.show()
    for _ in range(3):
        app.processEvents()
    screen = top.screen().availableGeometry()
    frame = top.frameGeometry()
    problems = clipped(top)
    room = screen.adjusted(-ROUNDING, -ROUNDING, ROUNDING, ROUNDING)
    if frame.width() > room.width() or frame.height() > room.height():
        problems.append(
            f"window {frame.width()}x{frame.height()} > {screen.width()}x{screen.height()}"
        )
    elif not room.contains(frame):
        problems.append(f"window at {frame.getRect()} leaves the screen {screen.getRect()}")
    return {"size": [frame.width(), frame.height()], "problems": problems}


def sections_shown(dialog: QWidget) -> list[str]:
    """The settings sections whose names are fully in view, without scrolling."""
    sections = dialog.tabs.list  # type: ignore[attr-defined]
    view = sections.viewport().rect()
    return [
        sections.item(row).text()
        for row in range(sections.count())
        if view.contains(sections.visualItemRect(sections.item(row)))
    ]


def import_at_columns(ctx: object, window: QWidget) -> QWidget:
    """The import wizard on its second page (the columns), with a real workbook."""
    import openpyxl

    from broker_app.ui.import_wizard.wizard import ImportWizard

    path = Path(ctx.data_dir) / "review-roster.xlsx"  # type: ignore[attr-defined]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["太平镇农村劳动力花名册"])
    sheet.append(["序号", "姓名", "性别", "身份证号", "手机号", "文化程度", "打工单位"])
    sheet.append([1, "张三", "男", "370883198001011110", "13812345678", "大学生", "物流园区"])
    book.save(path)
    wizard = ImportWizard(ctx, window)
    wizard.file_page.choose(str(path))
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def first_id(ctx: object, table: str) -> str:
    with ctx.store.read() as session:  # type: ignore[attr-defined]
        return str(session.execute(text(f"SELECT id FROM {table} LIMIT 1")).scalar())


def dialogs(ctx: object, window: QWidget) -> dict[str, Callable[[], QWidget]]:
    from broker_app.domain.common.enums import BatchStatus, MatchStatus
    from broker_app.services.dispatch.members import DispatchMemberService
    from broker_app.services.workbook_import import ImportResult
    from broker_app.ui.cards.project_editor import ProjectEditorDialog
    from broker_app.ui.cards.verify_dialog import VerifyDialog
    from broker_app.ui.cards.worker_picker import WorkerPickerDialog
    from broker_app.ui.dispatch.batch_editor import BatchEditorDialog
    from broker_app.ui.dispatch.export_actions import ExportOptionsDialog, MonthDialog
    from broker_app.ui.dispatch.member_picker import MemberPickerDialog
    from broker_app.ui.dispatch.status_dialog import BatchStatusDialog
    from broker_app.ui.first_run import FirstRunDialog
    from broker_app.ui.import_wizard.wizard import ImportWizard
    from broker_app.ui.jobs.import_result import ImportResultDialog
    from broker_app.ui.jobs.job_editor import JobEditorDialog
    from broker_app.ui.jobs.recommend_view import WorkersForJobDialog
    from broker_app.ui.jobs.status_dialog import StatusDialog
    from broker_app.ui.jobs.worker_recommend import JobsForWorkerDialog
    from broker_app.ui.logs.log_dialog import LogDialog
    from broker_app.ui.privacy.audit_dialog import AuditLogDialog
    from broker_app.ui.rights.clue_dialog import RegisterClueDialog
    from broker_app.ui.rights.inspection_dialog import InspectionDialog
    from broker_app.ui.rights.text_dialog import ClueTextDialog
    from broker_app.ui.settings_dialog import SettingsDialog
    from broker_app.ui.stats.settings_dialog import StatsSettingsDialog
    from broker_app.ui.stats.watch_export import WatchExportDialog
    from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
    from broker_app.ui.worker_editor.record_kinds import FOLLOW_UP, TRAINING

    worker, job = first_id(ctx, "worker"), first_id(ctx, "job_posting")
    batch, project = first_id(ctx, "dispatch_batch"), first_id(ctx, "project")
    found: dict[str, Callable[[], QWidget]] = {
        "settings": lambda: SettingsDialog(ctx, window),
        "first-run": lambda: FirstRunDialog(ctx, window),
        "worker-editor": lambda: WorkerEditorDialog(ctx, worker, window),
        "new-worker": lambda: WorkerEditorDialog(ctx, None, window),
        "follow-up": lambda: RecordDialog(ctx, FOLLOW_UP, worker, parent=window),
        "training": lambda: RecordDialog(ctx, TRAINING, worker, parent=window),
        "import": lambda: ImportWizard(ctx, window),
        "import-columns": lambda: import_at_columns(ctx, window),
        "job-editor": lambda: JobEditorDialog(ctx, job, window),
        "new-job": lambda: JobEditorDialog(ctx, None, window),
        "job-import-result": lambda: ImportResultDialog(ImportResult(), window),
        "workers-for-job": lambda: WorkersForJobDialog(ctx, job, window),
        "jobs-for-worker": lambda: JobsForWorkerDialog(ctx, worker, window),
        "match-status": lambda: StatusDialog("张三丰", "电焊工", list(MatchStatus), window),
        "batch-editor": lambda: BatchEditorDialog(ctx, batch, window),
        "batch-status": lambda: BatchStatusDialog("上海建工", BatchStatus.DEPARTED, window),
        "members": lambda: MemberPickerDialog(DispatchMemberService(ctx.store), window),
        "dispatch-export": lambda: ExportOptionsDialog(3, window),
        "month": lambda: MonthDialog(window),
        "project-editor": lambda: ProjectEditorDialog(ctx, project, window),
        "card-workers": lambda: WorkerPickerDialog(ctx, "示例项目", window),
        "verify": lambda: VerifyDialog(ctx, window),
        "stats-settings": lambda: StatsSettingsDialog(ctx, date.today().year, window),
        "watch-export": lambda: WatchExportDialog(12, window),
        "logs": lambda: LogDialog(ctx, window),
        "audit": lambda: AuditLogDialog(ctx, window),
        "register-clue": lambda: RegisterClueDialog(ctx, window),
        "inspection": lambda: InspectionDialog(ctx, project, window),
        "clue-text": lambda: ClueTextDialog("办结", "办理结果：", parent=window),
    }
    from broker_app.ui.worker_editor.record_dialog import RecordDialog

    return found


def main(argv: list[str]) -> int:
    data = Path(argv[0])
    width, height = (int(n) for n in argv[1].split("x"))
    use_offscreen_screen(width, height)
    from broker_app.store.store import open_store
    from broker_app.ui.application import create_application
    from broker_app.ui.context import AppContext
    from broker_app.ui.geometry import show_main_window
    from broker_app.ui.main_window import DEFAULT_SIZE, MainWindow
    from broker_app.ui.pages import registered_pages
    from broker_app.ui.tasks import TaskRunner

    app = create_application([])
    store = open_store(data)
    ctx = AppContext(store, data, TaskRunner(inline=True))
    window = MainWindow(ctx)
    show_main_window(window, DEFAULT_SIZE)
    results: dict[str, object] = {}
    for spec in registered_pages():
        window.show_page(spec.key)
        results[f"page:{spec.key}"] = review(window, app)
    maximised = window.isMaximized()
    for name, make in dialogs(ctx, window).items():
        dialog = make()
        results[f"dialog:{name}"] = review(dialog, app)
        if name == "settings":
            results["settings_sections"] = sections_shown(dialog)
        dialog.close()
        dialog.deleteLater()
    screen = app.primaryScreen()
    report = {
        "scale": screen.devicePixelRatio(),
        "maximised": maximised,
        "results": results,
    }
    print(json.dumps(report, ensure_ascii=False))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
