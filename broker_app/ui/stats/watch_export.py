"""Exporting the 帮扶预警 list: ask whether full ID numbers and phones go in (masked
unless the broker ticks the box; either way the export is audited), ask where, then
write it in the background.

``start_watch_export`` takes the destination and runs the export; ``ask_watch_export``
shows the dialogs first. Tests call ``start_watch_export`` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import PriorityGroup
from broker_app.services.assistance.watch_export import WatchExportResult, export_watch_list
from broker_app.services.assistance.watch_list import WatchReason, load_rules
from broker_app.services.progress import Cancelled
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.progress import run_with_progress
from broker_app.ui.tasks import Job

_CONTEXT = "WatchExport"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class WatchExportDialog(QDialog):
    def __init__(self, people: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出帮扶预警名单"))
        self.full = QCheckBox(self.tr("导出完整身份证号和电话（仅报送人社部门时勾选）"), self)
        hint = QLabel(
            self.tr(
                "不勾选时身份证号只显示前6位和后4位、电话隐藏中间4位、人员类别只写“重点帮扶”。"
                "每次导出都记入审计日志。"
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666666;")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("下一步"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("共 {0} 人").format(people), self))
        layout.addWidget(self.full)
        layout.addWidget(hint)
        layout.addWidget(buttons)


def ask_watch_export(
    ctx: AppContext,
    parent: QWidget,
    people: int,
    groups: Collection[PriorityGroup],
    reason: WatchReason | None,
    *,
    village: str | None = None,
    today: date | None = None,
) -> None:
    """Ask for the options and a file, then export the list (``village``'s only, when
    given)."""
    options = WatchExportDialog(people, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    name = f"帮扶预警名单_{date.today():%Y%m%d}.xlsx"
    chosen = ask_save_file(
        parent, FileKind.EXPORTS, _tr("导出帮扶预警名单"), name, _tr("Excel 工作簿 (*.xlsx)")
    )
    if chosen:
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        start_watch_export(
            ctx,
            parent,
            path,
            groups,
            reason,
            options.full.isChecked(),
            village=village,
            today=today,
        )


def start_watch_export(
    ctx: AppContext,
    parent: QWidget,
    out: Path,
    groups: Collection[PriorityGroup],
    reason: WatchReason | None,
    full: bool,
    on_done: Callable[[WatchExportResult], None] | None = None,
    *,
    village: str | None = None,
    today: date | None = None,
) -> Job:
    store = ctx.store

    def export(_progress: object, _cancel: object) -> WatchExportResult:
        return export_watch_list(
            store, out, load_rules(store), groups=groups, reason=reason, full=full, village=village,
            today=today,
        )  # fmt: skip

    def done(result: WatchExportResult) -> None:
        if on_done is not None:
            on_done(result)
            return
        QMessageBox.information(
            parent,
            _tr("导出完成"),
            _tr("已导出帮扶预警名单 {0} 人到：\n{1}").format(result.people, result.path),
        )

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            show_error(parent, exc, _tr("导出失败"))

    return run_with_progress(ctx.runner, parent, _tr("正在导出帮扶预警名单…"), export, done, failed)
