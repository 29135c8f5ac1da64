"""Setting which org unit this station serves and who runs it (a store write): the
first-run dialog's base."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from broker_app.domain.common.errors import FieldError
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.settings.schema import InvalidSettings, Settings
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.station_form import StationForm


class StationDialog(QDialog):
    """Sets the station's org unit and broker through the station settings."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.reload_station()

    def reload_station(self) -> None:
        """Show the stored station (again: enrolment may have set its unit and name)."""
        self.form.load(load_settings(self.ctx.store))
        self.ok_button.setEnabled(self.form.is_complete())

    def save(self) -> None:
        if self.form.check():
            return
        wanted = self.form.save(load_settings(self.ctx.store))
        store = self.ctx.store
        self.ok_button.setEnabled(False)
        self.ctx.runner.run_db(
            lambda: save_settings(store, wanted), self._saved, self._failed, owner=self
        )

    def _saved(self, _settings: Settings) -> None:
        self.ctx.broadcast(Change(RecordKind.STATION, Op.UPDATE, (self.ctx.store.node_id,)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, InvalidSettings | FieldError):
            errors = exc.errors if isinstance(exc, InvalidSettings) else [exc]
            self.form.show_errors([(e.field.rpartition(".")[2], e.message) for e in errors])
        else:
            show_error(self, exc)
