"""为岗位推荐: the best workers for one posting with their score and reasons; tick
some and 推荐选中的人 creates their matches (people already matched to the posting
show their match's status and cannot be ticked again)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.people.privacy import shown_reasons
from broker_app.services.matching.recommend import MatchingService, WorkerRecommendations
from broker_app.services.matching.workflow import MatchesCreated, MatchWorkflowService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.jobs.recommend_model import WorkerCandidateModel
from broker_app.ui.privacy.reveal import audit_reveal

LIMITS = (50, 100, 200)


class WorkersForJobDialog(QDialog):
    def __init__(self, ctx: AppContext, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job_id = job_id
        self.matching = MatchingService(ctx.store)
        self.workflow = MatchWorkflowService(ctx.store)
        self.recommendations: WorkerRecommendations | None = None
        self.last_created: MatchesCreated | None = None
        self.setWindowTitle(self.tr("为岗位推荐劳动力"))

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.limit = QComboBox(self)
        for limit in LIMITS:
            self.limit.addItem(self.tr("前 {0} 名").format(limit), limit)
        self.limit.currentIndexChanged.connect(lambda _i: self.load())
        self.model = WorkerCandidateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._show_reasons)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.select_all = QPushButton(self.tr("全部勾选"), self)
        self.select_all.clicked.connect(self._tick_all)
        # Calling the people found is the next act: the phone is one audited click away.
        self.reveal_button = QPushButton(self.tr("显示完整信息"), self)
        self.reveal_button.setToolTip(self.tr("显示选中劳动力的完整电话（记入审计日志）"))
        self.reveal_button.clicked.connect(self._reveal_current)
        self.create_button = QPushButton(self.tr("推荐选中的人"), self)
        self.create_button.setToolTip(self.tr("为勾选的劳动力建立“推荐”状态的匹配"))
        self.create_button.clicked.connect(self.create_matches)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.limit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.select_all)
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasons)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 640)
        self.load()

    def load(self) -> None:
        """Rank again (in the background: ~0.5 s for a 100k roster)."""
        self.heading.setText(self.tr("正在计算推荐…"))
        self.create_button.setEnabled(False)
        limit = int(self.limit.currentData())
        self.ctx.runner.run_db(
            lambda: self.matching.workers_for_job(self.job_id, limit),
            self._loaded,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def tick_rows(self, rows: list[int]) -> None:
        for row in rows:
            self.model.set_checked(row, True)

    def create_matches(self) -> None:
        chosen = self.model.checked_ids()
        if not chosen:
            QMessageBox.information(self, self.windowTitle(), self.tr("请先勾选要推荐的劳动力"))
            return
        self.ctx.runner.run_db(
            lambda: self.workflow.create_matches(self.job_id, chosen),
            self._created,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    # -- results -------------------------------------------------------------------------
    def _loaded(self, result: WorkerRecommendations) -> None:
        self.recommendations = result
        self.model.set_items(result.items)
        if result.job_problems:
            text = self.tr("{0}：{1}").format(result.job_title, "；".join(result.job_problems))
        else:
            text = self.tr(
                "{0}：从 {1} 名可推荐的劳动力中选出 {2} 名（勾选后点“推荐选中的人”）"
            ).format(result.job_title, result.considered, len(result.items))
        self.heading.setText(text)
        self.create_button.setEnabled(bool(result.items))
        self.table.resizeColumnsToContents()

    def _created(self, created: MatchesCreated) -> None:
        self.last_created = created
        for change in created.changes:
            self.ctx.broadcast(change)
        lines = [self.tr("已推荐 {0} 人。").format(len(created.match_ids))]
        lines += [
            self.tr("未推荐 {0}：{1}").format(s.name or s.worker_id, s.reason)
            for s in created.skipped
        ]
        self.reasons.setText("\n".join(lines))
        self.load()

    def reveal_row(self, row: int) -> None:
        """Show the full phone of the worker in ``row``, written to the audit log."""
        if 0 <= row < self.model.rowCount():
            audit_reveal(self.ctx, self.model.items[row].worker_id)
            self.model.set_revealed(row)

    def _reveal_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.reveal_row(index.row())

    def _tick_all(self) -> None:
        self.tick_rows(list(range(self.model.rowCount())))

    def _show_reasons(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            item = self.model.items[current.row()]
            self.reasons.setText(f"{item.name}：" + "；".join(shown_reasons(item.reasons)))
