"""Setting which org unit this station serves and who runs it (a store write)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from broker_app.domain.errors import FieldError
from broker_app.services.station import StationInfo, StationService
from broker_app.store.writer import UPDATE, Change
from broker_app.ui.context import STATION_RECORD, AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.station_form import StationForm


class StationDialog(QDialog):
    """Sets the station's org unit and broker; the first-run and settings dialogs."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = StationService(ctx.store)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = StationForm(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.completeness_changed.connect(self.ok_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)
        self.ok_button.setEnabled(self.form.is_complete())

    def save(self) -> None:
        form, service = self.form, self.service
        code = form.org_code()
        if code is None:
            return
        form.clear_errors()
        name, operator, phone = form.station_name(), form.operator_name(), form.operator_phone()
        self.ok_button.setEnabled(False)
        self.ctx.runner.run_db(
            lambda: service.configure(code, name, operator, phone),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, info: StationInfo) -> None:
        self.ctx.broadcast(Change(STATION_RECORD, UPDATE, (info.node_id,)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, FieldError):
            self.form.show_error(exc)
        else:
            show_error(self, exc)
