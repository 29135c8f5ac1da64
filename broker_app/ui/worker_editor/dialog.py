"""A worker's page: the editor, then the follow-up and training records.

Saving goes through ``WorkerService`` on the database lane; its field errors land
next to their fields. A duplicate ID number is noticed as soon as it is typed, with
a button to open the person already registered. The last save can be undone once
(撤销上次修改 writes the previous values back), and archiving asks first.

A stored worker opens with the ID number, phone and 帮扶身份 masked; 显示完整信息
shows (and lets the broker edit) them, and is written to the audit log. The reveal
lasts while this dialog shows the same worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import mask_id_number
from broker_app.domain.people.rules import LABELS
from broker_app.services.audit import AuditService
from broker_app.services.changes import Change
from broker_app.services.roster.workers import DuplicateWorker, InvalidWorker, WorkerService
from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.worker_editor import archive
from broker_app.ui.worker_editor.fields import ERROR_STYLE
from broker_app.ui.worker_editor.form import WorkerForm
from broker_app.ui.worker_editor.record_kinds import FOLLOW_UP, TRAINING
from broker_app.ui.worker_editor.records_panel import RecordsPanel

# Fields an undo writes back; gender and birth date follow from the ID number.
_UNDOABLE = frozenset(LABELS) - {"gender"}
_DEFAULT_SIZE = (1060, 720)
_OK_STYLE = "color: #2e7d32;"


class WorkerEditorDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        worker_id: str | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = WorkerService(ctx.store)
        station = StationService(ctx.store).info()
        self.worker_id: str | None = None
        self._loaded: dict[str, Any] = {}
        self._undo: dict[str, Any] | None = None
        self._duplicate_id: str | None = None
        # The worker whose personal data the broker chose to see (audited).
        self._revealed_id: str | None = None

        self.form = WorkerForm(_places(station.org_code), self, today=today)
        self.form.id_number_ready.connect(self._check_duplicate)
        self._build_duplicate_bar()
        operator = station.operator_name
        self.follow_ups = RecordsPanel(
            ctx, FOLLOW_UP, self, defaults=lambda: {"date": date.today(), "operator": operator}
        )
        self.trainings = RecordsPanel(ctx, TRAINING, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("基本资料"))
        self.tabs.addTab(self.follow_ups, self.tr("跟踪服务记录"))
        self.tabs.addTab(self.trainings, self.tr("培训记录"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_button.setDefault(True)
        self.undo_button = QPushButton(self.tr("撤销上次修改"), self)
        self.reveal_button = QPushButton(self.tr("显示完整信息"), self)
        self.reveal_button.setToolTip(self.tr("显示完整的身份证号、电话和帮扶身份（记入审计日志）"))
        self.archive_button = QPushButton(self.tr("归档…"), self)
        self.jobs_button = QPushButton(self.tr("为其推荐岗位…"), self)
        self.jobs_button.setToolTip(self.tr("按工种、意向和重点群体为这位劳动力推荐在招岗位"))
        self.next_button = QPushButton(self.tr("新增下一位"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo_last_edit)
        self.reveal_button.clicked.connect(self.reveal)
        self.archive_button.clicked.connect(self.archive_or_restore)
        self.jobs_button.clicked.connect(self._recommend_jobs)
        self.next_button.clicked.connect(self._next_worker)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        buttons = QHBoxLayout()
        for button in (self.save_button, self.undo_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.jobs_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, *_DEFAULT_SIZE)

        if worker_id is None:
            self.start_new()
        else:
            self.load_worker(worker_id)

    # -- which worker ------------------------------------------------------------------
    def load_worker(self, worker_id: str) -> None:
        """Show a stored worker (the undo of the last save survives a reload of the same one)."""
        if worker_id != self.worker_id:
            self._undo = None
            self._show_message("")
        self.worker_id = worker_id
        self._loaded = self.service.details(worker_id)
        self.form.load(self._loaded)
        self.form.set_masked(worker_id != self._revealed_id)
        self._hide_duplicate()
        self.follow_ups.set_worker(worker_id)
        self.trainings.set_worker(worker_id)
        self._update_state()

    def start_new(self) -> None:
        self.worker_id = None
        self._loaded = {}
        self._undo = None
        self.form.clear()
        self.form.set_masked(False)
        self._hide_duplicate()
        self.follow_ups.set_worker(None)
        self.trainings.set_worker(None)
        self.tabs.setCurrentWidget(self.form)
        self._show_message("")
        self._update_state()
        self.form.editors["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- save, undo, archive -----------------------------------------------------------
    def save(self) -> None:
        values = self.form.values()
        worker_id, service = self.worker_id, self.service
        self.form.clear_errors()
        self._set_busy(True)
        if worker_id is None:
            self.ctx.runner.run_db(
                lambda: service.register(values), self._saved, self._save_failed, owner=self
            )
        else:
            self.ctx.runner.run_db(
                lambda: service.edit(worker_id, values),
                self._saved,
                self._save_failed,
                owner=self,
            )

    def undo_last_edit(self) -> None:
        if self.worker_id is None or not self._undo:
            return
        worker_id, previous, service = self.worker_id, dict(self._undo), self.service
        self._set_busy(True)

        def done(change: Change) -> None:
            self._set_busy(False)
            self._undo = None
            self.ctx.broadcast(change)
            self.load_worker(worker_id)
            self._show_message(self.tr("已撤销上次修改"))

        self.ctx.runner.run_db(
            lambda: service.edit(worker_id, previous), done, self._save_failed, owner=self
        )

    def archive_or_restore(self) -> None:
        worker_id, service = self.worker_id, self.service
        if worker_id is None:
            return
        if self._loaded.get("archived"):

            def restored(change: Change) -> None:
                self.ctx.broadcast(change)
                self.load_worker(worker_id)
                self._show_message(self.tr("已恢复"))

            self.ctx.runner.run_db(lambda: service.restore(worker_id), restored, owner=self)
            return
        if not archive.confirm_archive(self, str(self._loaded.get("name", ""))):
            return

        def archived(change: Change) -> None:
            self.ctx.broadcast(change)
            self.accept()

        self.ctx.runner.run_db(lambda: service.archive(worker_id), archived, owner=self)

    def reveal(self) -> None:
        """Show this worker's ID number, phone and 帮扶身份 in full; audited."""
        if self.worker_id is None or not self.form.is_masked():
            return
        AuditService(self.ctx.store).record_reveal(self.worker_id)
        self._revealed_id = self.worker_id
        self.form.set_masked(False)
        self._update_state()
        # The button hides itself; Qt would hand the focus to the next button, 归档…,
        # and Enter would then ask to archive. The broker wants the numbers shown.
        self.form.editors["id_number"].setFocus(Qt.FocusReason.OtherFocusReason)

    def open_existing(self) -> None:
        """Leave what was typed and open the worker who already has this ID number."""
        if self._duplicate_id is not None:
            self.load_worker(self._duplicate_id)
            self.tabs.setCurrentWidget(self.form)

    # -- closing -----------------------------------------------------------------------
    def reject(self) -> None:
        if self.form.is_modified() and not self._confirm_discard():
            return
        super().reject()

    def _recommend_jobs(self) -> None:
        if self.worker_id is None:
            return
        # Imported here: the jobs pages load only when first used.
        from broker_app.ui.jobs.worker_recommend import open_jobs_for_worker

        open_jobs_for_worker(self.ctx, self.worker_id, self)

    def _next_worker(self) -> None:
        if self.form.is_modified() and not self._confirm_discard():
            return
        self.start_new()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("刚才的修改还没有保存，确定不保存吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- results -----------------------------------------------------------------------
    def _saved(self, change: Change) -> None:
        self._set_busy(False)
        was_new = self.worker_id is None
        if not was_new and change.fields:
            before = self._loaded
            self._undo = {f: before.get(f) for f in change.fields if f in _UNDOABLE} or None
        worker_id = self.worker_id or change.record_ids[0]
        if was_new:
            # The broker has just typed these; masking them now would only get in the way.
            self._revealed_id = worker_id
        self.ctx.broadcast(change)
        self.load_worker(worker_id)
        if not was_new and not change.fields:
            self._show_message(self.tr("没有需要保存的修改"))
        else:
            self._show_message(self.tr("已保存（{0}）").format(datetime.now().strftime("%H:%M")))

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.tabs.setCurrentWidget(self.form)
        if isinstance(exc, DuplicateWorker):
            self._show_duplicate(exc.existing_id)
            self.form.show_errors([exc])
            self._show_message(exc.message, error=True)
            return
        if not isinstance(exc, InvalidWorker):
            show_error(self, exc, self.tr("保存失败"))
            return
        unplaced = self.form.show_errors(exc.errors)
        text = self.tr("有 {0} 处需要修改，见红字说明").format(len(exc.errors))
        if unplaced:
            text += "：" + "；".join(e.message for e in unplaced)
        self._show_message(text, error=True)

    # -- duplicate ID number -----------------------------------------------------------
    def _build_duplicate_bar(self) -> None:
        self.duplicate_bar = QFrame(self)
        self.duplicate_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_bar.setStyleSheet("QFrame { background: #fff3e0; }")
        self.duplicate_label = QLabel(self.duplicate_bar)
        self.duplicate_label.setWordWrap(True)
        self.open_existing_button = QPushButton(self.tr("打开已有记录"), self.duplicate_bar)
        self.open_existing_button.clicked.connect(self.open_existing)
        row = QHBoxLayout(self.duplicate_bar)
        row.addWidget(self.duplicate_label, 1)
        row.addWidget(self.open_existing_button)
        self.duplicate_bar.hide()

    def _check_duplicate(self, id_number: str) -> None:
        if id_number == self._loaded.get("id_number"):
            self._hide_duplicate()
            return
        existing = self.service.find_by_id_number(id_number)
        if existing is None or existing == self.worker_id:
            self._hide_duplicate()
        else:
            self._show_duplicate(existing)

    def _show_duplicate(self, existing_id: str) -> None:
        other = self.service.details(existing_id)
        text = self.tr("身份证号 {0} 已登记为“{1}”，不能重复登记。").format(
            mask_id_number(other["id_number"]), other["name"]
        )
        if other.get("archived"):
            text += self.tr("（该记录已归档，打开后可以恢复）")
        self._duplicate_id = existing_id
        self.duplicate_label.setText(text)
        self.duplicate_bar.show()

    def _hide_duplicate(self) -> None:
        self._duplicate_id = None
        self.duplicate_bar.hide()

    # -- state -------------------------------------------------------------------------
    def _update_state(self) -> None:
        exists = self.worker_id is not None
        archived = bool(self._loaded.get("archived"))
        name = str(self._loaded.get("name", ""))
        if not exists:
            self.setWindowTitle(self.tr("新增劳动力"))
        elif archived:
            self.setWindowTitle(self.tr("劳动力：{0}（已归档）").format(name))
        else:
            self.setWindowTitle(self.tr("劳动力：{0}").format(name))
        self.tabs.setTabEnabled(1, exists)
        self.tabs.setTabEnabled(2, exists)
        self.undo_button.setEnabled(bool(self._undo))
        self.archive_button.setEnabled(exists)
        self.archive_button.setText(self.tr("恢复") if archived else self.tr("归档…"))
        self.next_button.setVisible(exists)
        self.reveal_button.setVisible(exists and self.form.is_masked())
        self.jobs_button.setVisible(exists and not archived)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.undo_button, self.archive_button):
            button.setEnabled(not busy)
        if not busy:
            self._update_state()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else _OK_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _places(scope: str | None) -> list[tuple[str, str]]:
    """(code, name as shown) of the villages a worker here can belong to."""
    if scope is None:
        return []
    directory = load_zoucheng()
    codes = directory.village_codes_in_scope(scope)
    if scope == COUNTY_CODE:
        # Village names repeat across townships; the county needs both.
        return [(code, directory.display_name(code)) for code in codes]
    return [(code, directory.get(code).short_name) for code in codes]
