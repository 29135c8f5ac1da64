"""同步 page: the station's sync state with 立即同步 on top; below, the enrolment form
while the station is not enrolled, else the refused edits and the known conflicts."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from broker_app.services.changes import Change, RecordKind
from broker_app.ui.context import AppContext
from broker_app.ui.sync.conflicts_view import ConflictsView
from broker_app.ui.sync.enrol_form import EnrolForm
from broker_app.ui.sync.quarantine_view import QuarantineView
from broker_app.ui.sync.scheduler import SyncScheduler, sync_scheduler
from broker_app.ui.sync.status_panel import SyncStatusPanel


class SyncPage(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        scheduler: SyncScheduler | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler or sync_scheduler(ctx)
        self.status_panel = SyncStatusPanel(ctx, self.scheduler, self)

        self.enrol_box = QGroupBox(self.tr("注册到县同步服务器"), self)
        intro = QLabel(
            self.tr(
                "本驿站尚未注册。填写县人社局提供的服务器地址和一次性注册码后点“注册”；"
                "注册后本驿站的所属单位以服务器登记的为准，修改会自动上传和下载。"
                "未注册时所有功能照常使用，数据只保存在本机。"
            ),
            self.enrol_box,
        )
        intro.setWordWrap(True)
        self.enrol_form = EnrolForm(ctx, self.enrol_box, scheduler=self.scheduler)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(intro)
        enrol_layout.addWidget(self.enrol_form)

        self.tabs = QTabWidget(self)
        self.quarantine = QuarantineView(ctx, self.scheduler, self.tabs)
        self.conflicts = ConflictsView(ctx, self.scheduler, self.tabs)
        self.tabs.addTab(self.quarantine, "")
        self.tabs.addTab(self.conflicts, "")
        self.quarantine.count_changed.connect(
            lambda n: self.tabs.setTabText(0, self.tr("被拒的修改（{0}）").format(n))
        )
        self.conflicts.count_changed.connect(
            lambda n: self.tabs.setTabText(1, self.tr("冲突（{0}）").format(n))
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.status_panel)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)

        self.scheduler.round_finished.connect(lambda _report: self.reload())
        self.scheduler.status_changed.connect(self._show_mode)
        ctx.changed.connect(self._on_change)
        self.reload()

    def reload(self) -> None:
        self._show_mode()
        self.quarantine.reload()
        self.conflicts.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scheduler.refresh_status()

    def _show_mode(self) -> None:
        enrolled = self.scheduler.is_enrolled()
        self.enrol_box.setVisible(not enrolled)
        self.tabs.setVisible(enrolled)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            # Without the lists, the form sits at the top instead of floating mid-page.
            layout.setStretch(layout.count() - 1, 0 if enrolled else 1)

    def _on_change(self, change: Change) -> None:
        # A worker renamed (or pulled) shows under its new name in the lists.
        if change.touches(RecordKind.WORKER):
            self.quarantine.reload()
            self.conflicts.reload()
