"""Print preview, printing and PDF export of a card selection, from any widget.

Preparing the selection may issue cards (services.cards_print), so it runs as a
background job with the progress dialog, and its Change is broadcast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from broker_app.services.cards_print import CardPrintService, CardSelection, PrintPlan
from broker_app.services.progress import Cancelled, CancelToken, Progress
from broker_app.services.settings import load_settings
from broker_app.ui.cards.pdf import write_cards_pdf
from broker_app.ui.cards.printer_output import card_printer, print_sheets
from broker_app.ui.cards.sheets import SheetLayout
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.progress import run_with_progress


class CardPrintActions(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.service = CardPrintService(ctx.store)

    def preview(self, selection: CardSelection, layout: SheetLayout) -> None:
        def show(plan: PrintPlan) -> None:
            printer = card_printer(self._printer_name())
            dialog = QPrintPreviewDialog(printer, self.widget)
            dialog.setWindowTitle(self.tr("打印预览：维权联系卡"))
            dialog.paintRequested.connect(lambda p: print_sheets(p, plan.faces, layout))
            dialog.exec()

        self._prepare(selection, show)

    def print(self, selection: CardSelection, layout: SheetLayout) -> None:
        printer = card_printer(self._printer_name())
        dialog = QPrintDialog(printer, self.widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def job(progress: Progress, cancel: CancelToken) -> PrintPlan:
            plan = self._plan(selection, progress, cancel)
            print_sheets(printer, plan.faces, layout, progress=_after(progress), cancel=cancel)
            return plan

        self._run(self.tr("正在打印维权卡"), job, lambda plan: None)

    def export_pdf(self, selection: CardSelection, layout: SheetLayout, name: str) -> None:
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

        def job(progress: Progress, cancel: CancelToken) -> PrintPlan:
            plan = self._plan(selection, progress, cancel)
            write_cards_pdf(
                plan.faces, out, layout, title=name, progress=_after(progress), cancel=cancel
            )
            return plan

        def done(plan: PrintPlan) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("导出完成"),
                self.tr("已导出 {0} 张维权卡：\n{1}").format(len(plan.faces), out),
                QMessageBox.StandardButton.NoButton,
                self.widget,
            )
            open_button = box.addButton(self.tr("打开"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

        self._run(self.tr("正在导出维权卡"), job, done)

    # -- plumbing ------------------------------------------------------------------------
    def _printer_name(self) -> str:
        return load_settings(self.ctx.store).cards.printer

    def _plan(self, selection: CardSelection, progress: Progress, cancel: CancelToken) -> PrintPlan:
        return self.service.prepare(
            selection, progress=lambda f, m: progress(0.3 * f, m), cancel=cancel
        )

    def _prepare(self, selection: CardSelection, then: Callable[[PrintPlan], None]) -> None:
        self._run(self.tr("正在准备维权卡"), lambda p, c: self._plan(selection, p, c), then)

    def _run(
        self,
        title: str,
        job: Callable[[Progress, CancelToken], PrintPlan],
        then: Callable[[PrintPlan], None],
    ) -> None:
        def done(plan: PrintPlan) -> None:
            if plan.report.issued or plan.report.replaced:
                self.ctx.broadcast(plan.report.change)
            then(plan)
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

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                show_error(self.widget, exc)

        run_with_progress(self.ctx.runner, self.widget, title, job, done, failed)


def _after(progress: Progress) -> Progress:
    """The drawing part of a job reports over the last 70%."""
    return lambda fraction, message: progress(0.3 + 0.7 * fraction, message)
