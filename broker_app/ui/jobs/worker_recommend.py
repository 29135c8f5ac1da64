"""为劳动力推荐: the open jobs that fit one worker, best first, with reasons; the
broker recommends the worker to the selected job. Open it from anywhere with
``open_jobs_for_worker(ctx, worker_id, parent)`` (the roster's 为其推荐岗位)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.people.privacy import shown_reasons
from broker_app.services.matching.recommend import JobRecommendations, MatchingService
from broker_app.services.matching.workflow import MatchesCreated, MatchWorkflowService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.jobs.recommend_model import JobCandidateModel

LIMIT = 100


def open_jobs_for_worker(ctx: AppContext, worker_id: str, parent: QWidget | None = None) -> None:
    dialog = JobsForWorkerDialog(ctx, worker_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class JobsForWorkerDialog(QDialog):
    def __init__(self, ctx: AppContext, worker_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker_id = worker_id
        self.matching = MatchingService(ctx.store)
        self.workflow = MatchWorkflowService(ctx.store)
        self.recommendations: JobRecommendations | None = None
        self.setWindowTitle(self.tr("为劳动力推荐岗位"))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = JobCandidateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.recommend_button = QPushButton(self.tr("推荐到所选岗位"), self)
        self.recommend_button.setEnabled(False)
        self.recommend_button.clicked.connect(self.recommend_selected)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.recommend_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasons)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 600)
        self.load()

    def load(self) -> None:
        self.heading.setText(self.tr("正在计算推荐…"))
        self.ctx.runner.run_db(
            lambda: self.matching.jobs_for_worker(self.worker_id, LIMIT),
            self._loaded,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def recommend_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        job_id = self.model.items[index.row()].job_id
        self.ctx.runner.run_db(
            lambda: self.workflow.create_matches(job_id, [self.worker_id]),
            self._created,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _loaded(self, result: JobRecommendations) -> None:
        self.recommendations = result
        self.model.set_items(result.items)
        if result.worker_problems:
            text = self.tr("{0} 目前不在推荐范围：{1}").format(
                result.worker_name, "；".join(result.worker_problems)
            )
        else:
            text = self.tr("{0}：在 {1} 个在招岗位中，适合的有 {2} 个").format(
                result.worker_name, result.considered, len(result.items)
            )
        self.heading.setText(text)
        self.table.resizeColumnsToContents()

    def _created(self, created: MatchesCreated) -> None:
        for change in created.changes:
            self.ctx.broadcast(change)
        if created.skipped:
            self.reasons.setText("；".join(s.reason for s in created.skipped))
        else:
            self.reasons.setText(self.tr("已推荐。"))
        self.load()

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.recommend_button.setEnabled(False)
            return
        item = self.model.items[current.row()]
        self.recommend_button.setEnabled(item.match_status is None)
        self.reasons.setText(f"{item.title}：" + "；".join(shown_reasons(item.reasons)))
