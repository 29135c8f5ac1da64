"""Step 3: the import runs in the background with a progress bar and 取消; then the
summary, the rejected rows with their reasons, and a way to save those rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from broker_app.services.progress import Cancelled, CancelToken, Progress
from broker_app.services.roster.importing import ImportResult, write_errors_workbook
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.import_wizard.problems import names_by_row
from broker_app.ui.import_wizard.state import ImportState
from broker_app.ui.tasks import Job
from broker_app.ui.worker_editor.fields import ERROR_STYLE

#: Rejected rows listed on screen; the saved workbook has all of them.
SHOWN_PROBLEMS = 500
_STEPS = 1000


class RunPage(QWizardPage):
    def __init__(self, ctx: AppContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.job: Job | None = None
        self.finished = False
        self.saved_path: Path | None = None
        self.setTitle(self.tr("导入"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, _STEPS)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("取消导入"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.2)
        big.setBold(True)
        self.summary.setFont(big)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("姓名"), self.tr("列"), self.tr("错误原因")]
        )
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(False)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("中")
        header.resizeSection(0, char * 4)
        header.resizeSection(1, char * 5)
        header.resizeSection(2, char * 7)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.save_button = QPushButton(self.tr("保存有误的行…"), self)
        self.save_button.setToolTip(
            self.tr("把有误的行连同行号和错误原因存成一个 Excel 表格，改好后可以再导入")
        )
        self.save_button.clicked.connect(self.ask_save_rejected)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(bottom)
        self._show_results_area(False)

    # -- running ----------------------------------------------------------------------
    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        state = self.state
        assert state.path is not None
        path, sheet, mapping, service = state.path, state.sheet, state.mapping, state.service
        self.finished = False
        self.progress.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在导入，请稍候……"))
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._show_results_area(False)

        def run(progress: Progress, cancel: CancelToken) -> ImportResult:
            return service.run(path, sheet, mapping, progress=progress, cancel=cancel)

        self.job = self.ctx.runner.run_job(
            run, self._done, self._failed, on_progress=self._progressed, owner=self
        )

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def cancel(self) -> None:
        if self.running and self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消……"))

    def isComplete(self) -> bool:
        return self.finished

    # -- results ----------------------------------------------------------------------
    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * _STEPS))
        if message:
            self.status.setText(message)

    def _done(self, result: ImportResult) -> None:
        self.state.result = result
        self.ctx.broadcast(result.changes)
        self.progress.setValue(_STEPS)
        self.status.setText(self.tr("导入完成"))
        number = QLocale().toString
        self.summary.setText(
            self.tr("新增 {0} 人，更新 {1} 人，未变 {2} 人，有误 {3} 行").format(
                number(result.added),
                number(result.updated),
                number(result.unchanged),
                number(len(result.rejected)),
            )
        )
        self._list_problems(result)
        self._show_results_area(True)
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("已取消导入，没有写入任何数据"))
        else:
            self.status.setText(user_message(exc))
            self.status.setStyleSheet(ERROR_STYLE)
        self._finish()

    def _finish(self) -> None:
        self.finished = True
        self.cancel_button.hide()
        self.completeChanged.emit()

    def _list_problems(self, result: ImportResult) -> None:
        # Values left empty are listed after the refused rows, with their own reason.
        problems = [*result.problems, *result.warnings][:SHOWN_PROBLEMS]
        names = names_by_row(result)
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            name = names.get(problem.row_number, "")
            for column, text in enumerate(
                (str(problem.row_number), name, problem.column, problem.message)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)
        self.save_button.setEnabled(bool(result.rejected or result.warnings))

    def _show_results_area(self, shown: bool) -> None:
        result = self.state.result
        has_problems = shown and bool(result and (result.rejected or result.warnings))
        self.summary.setVisible(shown)
        self.problems.setVisible(has_problems)
        self.save_button.setVisible(has_problems)

    # -- the rejected rows as a workbook ------------------------------------------------
    def ask_save_rejected(self) -> None:
        source = self.state.path
        suggested = (
            source.with_name(f"{source.stem}_有误的行.xlsx") if source else Path("有误的行.xlsx")
        )
        name = ask_save_file(
            self,
            FileKind.ROSTER,
            self.tr("保存有误的行"),
            suggested.name,
            self.tr("Excel 工作簿 (*.xlsx)"),
            default=suggested.parent if source else None,
        )
        if name:
            path = Path(name)
            self.save_rejected(
                path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
            )

    def save_rejected(self, path: Path) -> None:
        result = self.state.result
        if result is None:
            return
        self.save_button.setEnabled(False)

        def saved(written: Path) -> None:
            self.saved_path = written
            self.save_button.setEnabled(True)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("有误的行已保存到：{0}").format(written))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(user_message(exc))

        self.ctx.runner.run_db(
            lambda: write_errors_workbook(result, path), saved, failed, owner=self
        )
