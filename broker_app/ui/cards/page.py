"""维权卡 page: projects on the left; the selected project's cards on the right, with
issue, reissue, revoke, print preview, print, PDF export and verification."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.printing.sheets import LAYOUTS
from broker_app.services.cards.issuing import CardRow, CardService, IssueReport
from broker_app.services.cards.print_jobs import CardSelection
from broker_app.services.changes import Change, RecordKind
from broker_app.services.progress import CancelToken, Progress
from broker_app.services.projects.records import ProjectService
from broker_app.services.settings.storage import load_settings
from broker_app.ui.cards.card_model import CardTableModel
from broker_app.ui.cards.notice_board_dialog import NoticeBoardDialog
from broker_app.ui.cards.print_actions import CardPrintActions
from broker_app.ui.cards.project_editor import ProjectEditorDialog
from broker_app.ui.cards.verify_dialog import VerifyDialog
from broker_app.ui.cards.worker_picker import WorkerPickerDialog
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.flow_layout import wrapping_row
from broker_app.ui.progress import run_with_progress

_RELOAD_ON = (RecordKind.PROJECT, RecordKind.CARD, RecordKind.WORKER)


class CardsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.projects = ProjectService(ctx.store)
        self.cards = CardService(ctx.store)
        self.printing = CardPrintActions(ctx, self)

        self.project_list = QListWidget(self)
        self.project_list.setSpacing(3)
        self.new_project_button = QPushButton(self.tr("新建项目"), self)
        self.edit_project_button = QPushButton(self.tr("编辑"), self)
        self.notice_button = QPushButton(self.tr("打印告示牌…"), self)
        self.notice_button.setToolTip(
            self.tr("本项目的农民工工资维权信息告示牌（A4 或 A3），张贴在工地")
        )
        self.verify_button = QPushButton(self.tr("核验维权卡…"), self)
        self.verify_button.setToolTip(self.tr("扫码或从图片核验一张维权卡的真伪"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("工程项目"), self))
        left_layout.addWidget(self.project_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_project_button)
        row.addWidget(self.edit_project_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.notice_button)
        left_layout.addWidget(self.verify_button)

        self.project_label = QLabel(self)
        self.project_label.setWordWrap(True)
        self.model = CardTableModel(self)
        self.table = QTableView(self)
        self._setup_table()
        self.issue_button = QPushButton(self.tr("发卡…"), self)
        self.reissue_button = QPushButton(self.tr("换发"), self)
        self.reissue_button.setToolTip(
            self.tr("为选中的人重新签发新卡，旧卡作废（卡丢失、信息变更）")
        )
        self.revoke_button = QPushButton(self.tr("作废"), self)
        self.layout_box = QComboBox(self)
        self.layout_box.addItem(self.tr("钱包卡（每页10张）"), "card")
        self.layout_box.addItem(self.tr("安全帽贴（每页24张）"), "sticker")
        self.layout_box.addItem(self.tr("安全帽贴：标签纸 70×37（每页24张）"), "label-70x37")
        self.layout_box.addItem(self.tr("安全帽贴：标签纸 63.5×38.1（每页21张）"), "label-63x38")
        chosen = load_settings(ctx.store).cards.layout
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(chosen)))
        self.preview_button = QPushButton(self.tr("打印预览"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.pdf_button = QPushButton(self.tr("导出PDF…"), self)
        # Wraps at 1366x768 and 150%, where the row is wider than the page.
        actions = wrapping_row(
            self,
            [self.issue_button, self.reissue_button, self.revoke_button, self.layout_box,
             self.preview_button, self.print_button, self.pdf_button],
        )  # fmt: skip
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.project_label)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(splitter)

        self.project_list.currentItemChanged.connect(lambda *_: self.show_project())
        self.project_list.itemActivated.connect(lambda _item: self.edit_project())
        self.new_project_button.clicked.connect(self.new_project)
        self.edit_project_button.clicked.connect(self.edit_project)
        self.notice_button.clicked.connect(self.open_notice_board)
        self.verify_button.clicked.connect(self.open_verify)
        self.issue_button.clicked.connect(self.issue_cards)
        self.reissue_button.clicked.connect(self.reissue_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.preview_button.clicked.connect(lambda: self._print("preview"))
        self.print_button.clicked.connect(lambda: self._print("print"))
        self.pdf_button.clicked.connect(lambda: self._print("pdf"))
        ctx.changed.connect(self._on_change)
        self.reload_projects()

    # -- projects ------------------------------------------------------------------------
    def reload_projects(self, select: str | None = None) -> None:
        keep = select or self.current_project_id()
        self.project_list.blockSignals(True)
        self.project_list.clear()
        for project in self.projects.projects():
            text = self.tr("{0}\n{1} 张有效卡").format(project["name"], project["active_cards"])
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, project["id"])
            self.project_list.addItem(item)
            if project["id"] == keep:
                self.project_list.setCurrentItem(item)
        if self.project_list.currentRow() < 0 and self.project_list.count():
            self.project_list.setCurrentRow(0)
        self.project_list.blockSignals(False)
        self.show_project()

    def current_project_id(self) -> str | None:
        item = self.project_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def show_project(self) -> None:
        project_id = self.current_project_id()
        has_project = project_id is not None
        for widget in (
            self.edit_project_button,
            self.notice_button,
            self.issue_button,
            self.preview_button,
            self.print_button,
            self.pdf_button,
        ):
            widget.setEnabled(has_project)
        if project_id is None:
            self.project_label.setText(self.tr("还没有工程项目：点“新建项目”开始"))
            self.model.set_rows([])
            self._selection_changed()
            return
        details = self.projects.details(project_id)
        self.project_label.setText(
            self.tr("<b>{0}</b>　总包：{1}　劳资专管员：{2} {3}").format(
                details["name"],
                details["general_contractor"],
                details["labor_officer_name"],
                details["labor_officer_phone"],
            )
        )
        self.ctx.runner.run_db(
            lambda: self.cards.cards(project_id=project_id, include_revoked=True),
            self._show_cards,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def new_project(self) -> None:
        ProjectEditorDialog(self.ctx, None, self).exec()

    def edit_project(self) -> None:
        project_id = self.current_project_id()
        if project_id is not None:
            ProjectEditorDialog(self.ctx, project_id, self).exec()

    def open_notice_board(self) -> None:
        project_id = self.current_project_id()
        if project_id is not None:
            NoticeBoardDialog(self.ctx, project_id, self).exec()

    def open_verify(self) -> None:
        VerifyDialog(self.ctx, self).exec()

    # -- cards ---------------------------------------------------------------------------
    def selected_cards(self) -> list[CardRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [card for row in rows if (card := self.model.card(row)) is not None]

    def issue_cards(self) -> None:
        project_id = self.current_project_id()
        if project_id is None:
            return
        name = self.projects.details(project_id)["name"]
        picker = WorkerPickerDialog(self.ctx, name, self)
        if picker.exec():
            self._issue(project_id, picker.chosen_ids(), reissue=False)

    def reissue_selected(self) -> None:
        project_id = self.current_project_id()
        chosen = [card for card in self.selected_cards() if not card.revoked]
        if project_id is None or not chosen:
            return
        self._issue(project_id, [card.worker_id for card in chosen], reissue=True)

    def revoke_selected(self) -> None:
        chosen = [card for card in self.selected_cards() if not card.revoked]
        if not chosen:
            return
        answer = QMessageBox.question(
            self,
            self.tr("作废维权卡"),
            self.tr("作废选中的 {0} 张卡？作废后扫码核验会显示“已作废”，不能恢复。").format(
                len(chosen)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [card.id for card in chosen]

        def revoke() -> list[Change]:
            return [self.cards.revoke(card_id) for card_id in ids]

        self.ctx.runner.run_db(
            revoke, self.ctx.broadcast, lambda exc: show_error(self, exc), owner=self
        )

    # -- plumbing ------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

    def _show_cards(self, rows: list[CardRow]) -> None:
        self.model.set_rows(rows)
        self._selection_changed()

    def _selection_changed(self) -> None:
        live = [card for card in self.selected_cards() if not card.revoked]
        self.reissue_button.setEnabled(bool(live))
        self.revoke_button.setEnabled(bool(live))

    def _issue(self, project_id: str, worker_ids: list[str], *, reissue: bool) -> None:
        def job(progress: Progress, cancel: CancelToken) -> IssueReport:
            return self.cards.issue(
                project_id, worker_ids, reissue=reissue, progress=progress, cancel=cancel
            )

        def done(report: IssueReport) -> None:
            self.ctx.broadcast(report.change)
            if report.skipped:
                QMessageBox.information(
                    self,
                    self.tr("发卡"),
                    self.tr("{0} 人未发卡：{1}").format(
                        len(report.skipped), "；".join(sorted(set(report.skipped.values())))
                    ),
                )

        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("正在签发维权卡"),
            job,
            done,
            lambda exc: show_error(self, exc),
        )

    def _print(self, mode: str) -> None:
        project_id = self.current_project_id()
        if project_id is None:
            return
        chosen = tuple(card.id for card in self.selected_cards() if not card.revoked)
        # Selected cards print as they are; no selection prints (and completes) the project.
        selection = (
            CardSelection(card_ids=chosen) if chosen else CardSelection(project_id=project_id)
        )
        layout = LAYOUTS[str(self.layout_box.currentData())]
        if mode == "preview":
            self.printing.preview(selection, layout)
        elif mode == "print":
            self.printing.print(selection, layout)
        else:
            name = self.projects.details(project_id)["name"]
            self.printing.export_pdf(selection, layout, self.tr("维权卡-{0}").format(name))

    def _on_change(self, change: Change) -> None:
        if not change.touches(*_RELOAD_ON):
            return
        if change.touches(RecordKind.PROJECT):
            created = change.op == "create" and change.record_ids
            self.reload_projects(select=change.record_ids[0] if created else None)
        else:
            self.reload_projects()
