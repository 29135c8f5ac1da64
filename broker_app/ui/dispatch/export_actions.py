"""The page's exports: dispatch lists (one workbook with a summary, or a folder of one
file per batch; ID numbers, phones and 帮扶身份 masked unless the broker ticks
导出完整身份证号和电话), the 就业帮扶台账 and the monthly
statistics. Each asks where to save, then runs in the background with a progress
dialog whose 取消 leaves nothing behind (the services write temp-then-rename).

``start_*`` take the destination and run the export; the ``ask_*`` wrappers show
the dialogs first. Tests call ``start_*`` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.dispatch.query import BatchFilter
from broker_app.services.assistance.ledger import LedgerExportService, LedgerResult
from broker_app.services.dispatch.export import DispatchExportResult, DispatchExportService
from broker_app.services.progress import Cancelled
from broker_app.services.stats.export import StatsExportResult, StatsExportService
from broker_app.services.stats.monthly import Month
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.filters import to_date, to_qdate
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_folder, ask_save_file
from broker_app.ui.progress import run_with_progress
from broker_app.ui.tasks import Job

_CONTEXT = "DispatchExport"
_XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class ExportOptionsDialog(QDialog):
    """One workbook (with a summary sheet) or one file per batch; masked or in full."""

    def __init__(self, batches: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出劳务输出名单"))
        self.one_book = QRadioButton(self.tr("一个工作簿：每批一个工作表，另附汇总表"), self)
        self.folder = QRadioButton(self.tr("每批一个文件，保存到一个文件夹"), self)
        self.one_book.setChecked(True)
        self.full = QCheckBox(self.tr("导出完整身份证号和电话"), self)
        self.full.setToolTip(
            self.tr(
                "不勾选时身份证号只显示前6位和后4位、电话隐藏中间4位、不写脱贫身份；"
                "完整导出会记入审计日志"
            )
        )
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("下一步"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("共 {0} 个批次").format(batches), self))
        layout.addWidget(self.one_book)
        layout.addWidget(self.folder)
        layout.addWidget(self.full)
        layout.addWidget(buttons)


class MonthDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出月度统计表"))
        self.month = QDateEdit(to_qdate(date.today()), self)
        self.month.setDisplayFormat("yyyy-MM")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("下一步"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("统计月份"), self))
        layout.addWidget(self.month)
        layout.addWidget(buttons)

    def chosen(self) -> Month:
        return Month.of(to_date(self.month.date()))


# -- dialogs, then the export -------------------------------------------------------------


def ask_dispatch_export(ctx: AppContext, parent: QWidget, flt: BatchFilter, count: int) -> None:
    options = ExportOptionsDialog(count, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return
    full = options.full.isChecked()
    title = _tr("导出劳务输出名单")
    if options.one_book.isChecked():
        name = f"劳务输出名单_{date.today():%Y%m%d}.xlsx"
        path = ask_save_file(parent, FileKind.EXPORTS, title, name, _tr(_XLSX_FILTER))
        if path:
            start_dispatch_export(ctx, parent, _xlsx(path), flt, full)
        return
    folder = ask_folder(parent, FileKind.EXPORTS, _tr("选择保存名单的文件夹"))
    if folder:
        start_dispatch_export(ctx, parent, Path(folder), flt, full)


def ask_ledger_export(ctx: AppContext, parent: QWidget) -> None:
    answer = QMessageBox.question(
        parent,
        _tr("导出就业帮扶台账"),
        _tr(
            "导出完整身份证号和电话？\n选“否”时身份证号只显示前6位和后4位、电话隐藏中间4位、"
            "人员类别只写“重点帮扶”。报送人社部门的台账请选“是”，这次导出会记入审计日志。"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    name = f"就业帮扶台账_{date.today():%Y%m%d}.xlsx"
    path = ask_save_file(parent, FileKind.EXPORTS, _tr("导出就业帮扶台账"), name, _tr(_XLSX_FILTER))
    if path:
        start_ledger_export(ctx, parent, _xlsx(path), answer == QMessageBox.StandardButton.Yes)


def ask_stats_export(ctx: AppContext, parent: QWidget) -> None:
    dialog = MonthDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    month = dialog.chosen()
    name = f"月度统计_{month}.xlsx"
    path = ask_save_file(parent, FileKind.EXPORTS, _tr("导出月度统计表"), name, _tr(_XLSX_FILTER))
    if path:
        start_stats_export(ctx, parent, _xlsx(path), month)


# -- the exports ----------------------------------------------------------------------------


def start_dispatch_export(
    ctx: AppContext,
    parent: QWidget,
    out: Path,
    flt: BatchFilter,
    full: bool,
    on_done: Callable[[DispatchExportResult], None] | None = None,
) -> Job:
    service = DispatchExportService(ctx.store)

    def done(result: DispatchExportResult) -> None:
        if on_done is not None:
            on_done(result)
            return
        _tell(
            parent,
            _tr("已导出 {0} 批、{1} 人（其中脱贫人口 {2} 人）到：\n{3}").format(
                result.batches, result.people, result.priority_shown, result.path
            ),
        )

    return run_with_progress(
        ctx.runner,
        parent,
        _tr("正在导出劳务输出名单…"),
        lambda progress, cancel: service.export(
            out, flt, full=full, progress=progress, cancel=cancel
        ),
        done,
        lambda exc: _failed(parent, exc),
    )


def start_ledger_export(
    ctx: AppContext,
    parent: QWidget,
    out: Path,
    full: bool,
    on_done: Callable[[LedgerResult], None] | None = None,
) -> Job:
    service = LedgerExportService(ctx.store)

    def done(result: LedgerResult) -> None:
        if on_done is not None:
            on_done(result)
            return
        _tell(parent, _tr("已导出就业帮扶台账 {0} 人到：\n{1}").format(result.people, result.path))

    return run_with_progress(
        ctx.runner,
        parent,
        _tr("正在导出就业帮扶台账…"),
        lambda progress, cancel: service.export(out, full=full, progress=progress, cancel=cancel),
        done,
        lambda exc: _failed(parent, exc),
    )


def start_stats_export(
    ctx: AppContext,
    parent: QWidget,
    out: Path,
    month: Month,
    on_done: Callable[[StatsExportResult], None] | None = None,
) -> Job:
    service = StatsExportService(ctx.store)

    def done(result: StatsExportResult) -> None:
        if on_done is not None:
            on_done(result)
            return
        _tell(parent, _tr("已导出{0}统计表到：\n{1}").format(month.label, result.path))

    return run_with_progress(
        ctx.runner,
        parent,
        _tr("正在导出月度统计表…"),
        lambda _progress, _cancel: service.export(out, month),
        done,
        lambda exc: _failed(parent, exc),
    )


def _xlsx(path: str) -> Path:
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")


def _tell(parent: QWidget, text: str) -> None:
    QMessageBox.information(parent, _tr("导出完成"), text)


def _failed(parent: QWidget, exc: BaseException) -> Any:
    if isinstance(exc, Cancelled):
        return None  # the broker cancelled: nothing was written, nothing to say
    show_error(parent, exc, _tr("导出失败"))
    return None
