"""Print preview, printing and PDF export of a card selection, from any widget.

Preparing the selection may issue cards (services.cards.print_jobs), so it runs as a
background job with the progress dialog, and its Change is broadcast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.printer_output import card_printer, print_sheets
from broker_app.printing.render import SheetReport, check_sheets
from broker_app.printing.sheets import SheetLayout
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection, PrintPlan
from broker_app.services.progress import Cancelled, CancelToken, Progress
from broker_app.services.settings.schema import CardSettings
from broker_app.services.settings.storage import load_settings
from broker_app.ui.cards.print_notes import confirm_print
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.progress import run_with_progress

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Checked:
    plan: PrintPlan
    report: SheetReport


class CardPrintActions(QObject):
    """Every action first prepares the selection (issuing what is missing) and lays
    the sheets out without printing; the cards that will not print, or print
    shortened, are listed before anything else happens (print_notes)."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.service = CardPrintService(ctx.store)

    def preview(self, selection: CardSelection, layout: SheetLayout) -> None:
        def show(checked: _Checked) -> None:
            if not confirm_print(checked.report, self.widget):
                return
            printer = card_printer(self._settings().printer)
            dialog = QPrintPreviewDialog(printer, self.widget)
            dialog.setWindowTitle(self.tr("打印预览：维权联系卡"))
            offset = self._settings().offset_mm
            dialog.paintRequested.connect(
                lambda p: print_sheets(p, checked.plan.faces, layout, offset_mm=offset)
            )
            dialog.exec()

        self._prepare(selection, layout, show)

    def print(self, selection: CardSelection, layout: SheetLayout) -> None:
        def go(checked: _Checked) -> None:
            if not confirm_print(checked.report, self.widget):
                return
            settings = self._settings()
            printer = card_printer(settings.printer)
            dialog = QPrintDialog(printer, self.widget)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return

            def job(progress: Progress, cancel: CancelToken) -> None:
                print_sheets(
                    printer,
                    checked.plan.faces,
                    layout,
                    offset_mm=settings.offset_mm,
                    progress=progress,
                    cancel=cancel,
                )

            self._run(self.tr("正在打印维权卡"), job, lambda _none: None)

        self._prepare(selection, layout, go)

    def export_pdf(self, selection: CardSelection, layout: SheetLayout, name: str) -> None:
        def save(checked: _Checked) -> None:
            if not confirm_print(checked.report, self.widget):
                return
            path = ask_save_file(
                self.widget,
                FileKind.CARDS,
                self.tr("导出 PDF"),
                f"{name}.pdf",
                self.tr("PDF 文件 (*.pdf)"),
            )
            if not path:
                return
            out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
            offset = self._settings().offset_mm

            def job(progress: Progress, cancel: CancelToken) -> SheetReport:
                report = SheetReport()
                write_cards_pdf(
                    checked.plan.faces,
                    out,
                    layout,
                    title=name,
                    offset_mm=offset,
                    report=report,
                    progress=progress,
                    cancel=cancel,
                )
                return report

            self._run(self.tr("正在导出维权卡"), job, lambda report: self._exported(report, out))

        self._prepare(selection, layout, save)

    def _exported(self, report: SheetReport, out: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("导出完成"),
            self.tr("已导出 {0} 张维权卡：\n{1}").format(report.printed, out),
            QMessageBox.StandardButton.NoButton,
            self.widget,
        )
        open_button = box.addButton(self.tr("打开"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    # -- plumbing ------------------------------------------------------------------------
    def _settings(self) -> CardSettings:
        return load_settings(self.ctx.store).cards

    def _prepare(
        self, selection: CardSelection, layout: SheetLayout, then: Callable[[_Checked], None]
    ) -> None:
        def job(progress: Progress, cancel: CancelToken) -> _Checked:
            plan = self.service.prepare(
                selection, progress=lambda f, m: progress(0.5 * f, m), cancel=cancel
            )
            report = check_sheets(
                layout,
                plan.faces,
                progress=lambda f, m: progress(0.5 + 0.5 * f, m),
                cancel=cancel,
            )
            return _Checked(plan, report)

        def done(checked: _Checked) -> None:
            plan = checked.plan
            if plan.report.issued or plan.report.replaced:
                self.ctx.broadcast(plan.report.change)
            for warning in plan.warnings:
                QMessageBox.information(self.widget, self.tr("未发新卡"), warning)
            if plan.missing:
                QMessageBox.information(
                    self.widget,
                    self.tr("部分劳动力没有维权卡"),
                    self.tr("{0} 人没有打印：{1}").format(
                        len(plan.missing), "；".join(sorted(set(plan.missing.values())))
                    ),
                )
            then(checked)

        self._run(self.tr("正在准备维权卡"), job, done)

    def _run(
        self,
        title: str,
        job: Callable[[Progress, CancelToken], _T],
        then: Callable[[_T], None],
    ) -> None:
        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                show_error(self.widget, exc)

        run_with_progress(self.ctx.runner, self.widget, title, job, then, failed)


def _after(progress: Progress) -> Progress:
    """The drawing part of a job reports over the last 70%."""
    return lambda fraction, message: progress(0.3 + 0.7 * fraction, message)
