"""打印告示牌: a project's 维权信息告示牌 as a PDF on A4 or A3, from the 维权卡 page.

The dialog says what the board's QR will do (open the project's page on the county's
card service, or show the complaint phones when no public address is set), takes the
paper, then asks where to save; the drawing runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.printing.notice_board import write_notice_board_pdf
from broker_app.services.cards.notice_board import NoticeBoard, notice_board
from broker_app.services.progress import Cancelled, CancelToken, Progress
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.progress import run_with_progress


class NoticeBoardDialog(QDialog):
    def __init__(self, ctx: AppContext, project_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: NoticeBoard = notice_board(ctx.store, project_id)
        self.setWindowTitle(self.tr("打印维权信息告示牌"))
        name = QLabel(self.board.project_name, self)
        name.setWordWrap(True)
        if self.board.online:
            what = self.tr(
                "告示牌上的二维码：工人用微信扫码打开本项目的页面，可一键投诉、查询进度。"
            )
        else:
            what = self.tr(
                "告示牌上的二维码：扫码显示项目名称和投诉电话。"
                "县里开通公共卡片服务后（设置 → 维权卡 → 公共卡片服务地址），扫码可在线投诉。"
            )
        note = QLabel(what, self)
        note.setWordWrap(True)
        self.a4 = QRadioButton(self.tr("A4（210×297毫米）"), self)
        self.a3 = QRadioButton(self.tr("A3（297×420毫米，张贴在工地出入口更醒目）"), self)
        self.a4.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.a4)
        group.addButton(self.a3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("导出PDF…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(note)
        layout.addWidget(self.a4)
        layout.addWidget(self.a3)
        layout.addWidget(buttons)

    @property
    def paper(self) -> str:
        return "A3" if self.a3.isChecked() else "A4"

    def export(self) -> None:
        paper = self.paper
        suggested = self.tr("{0}告示牌{1}.pdf").format(self.board.project_name, paper)
        path = ask_save_file(
            self, FileKind.CARDS, self.tr("导出告示牌"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        board = self.board

        def job(progress: Progress, cancel: CancelToken) -> Path:
            write_notice_board_pdf(board, out, paper)
            progress(1.0, "")
            return out

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        run_with_progress(
            self.ctx.runner, self, self.tr("正在生成告示牌"), job, self._written, failed
        )

    def _written(self, out: Path) -> None:
        self.written = out
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("导出完成"),
            self.tr("已生成告示牌：\n{0}").format(out),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        open_button = box.addButton(self.tr("打开"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        self.accept()
