"""Adding or changing one 跟踪服务记录 or 培训记录 of a worker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.assistance.records import AssistanceService, InvalidRecord
from broker_app.services.changes import Change
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.worker_editor.fields import ERROR_STYLE, FieldEditor
from broker_app.ui.worker_editor.record_kinds import RecordForm


class RecordDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        kind: RecordForm,
        worker_id: str,
        record: Mapping[str, Any] | None = None,
        *,
        defaults: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.worker_id = worker_id
        self.record_id: str | None = record["id"] if record else None
        self.service = AssistanceService(ctx.store)
        title = QCoreApplication.translate("labels", kind.title)
        self.setWindowTitle(
            self.tr("修改{0}").format(title) if record else self.tr("新增{0}").format(title)
        )
        self.editors: dict[str, FieldEditor] = {}
        form = QFormLayout()
        for spec in kind.fields:
            editor = FieldEditor(spec, self)
            editor.set_value((record or defaults or {}).get(spec.name))
            self.editors[spec.name] = editor
            form.addRow(spec.shown_label, editor)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        char = self.fontMetrics().horizontalAdvance("中")
        self.setMinimumWidth(char * 34)

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def save(self) -> None:
        values = self.values()
        record_id, worker_id = self.record_id, self.worker_id
        kind, service = self.kind, self.service
        for editor in self.editors.values():
            editor.set_error(None)
        self.message.hide()
        self.save_button.setEnabled(False)
        if record_id is None:
            self.ctx.runner.run_db(
                lambda: kind.add(service, worker_id, values), self._saved, self._failed, owner=self
            )
        else:
            self.ctx.runner.run_db(
                lambda: kind.edit(service, record_id, values), self._saved, self._failed, owner=self
            )

    def _saved(self, change: Change) -> None:
        self.save_button.setEnabled(True)
        self.ctx.broadcast(change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, InvalidRecord):
            show_error(self, exc)
            return
        unplaced = []
        for error in exc.errors:
            editor = self.editors.get(error.field)
            if editor is None:
                unplaced.append(error.message)
            else:
                editor.set_error(error.message)
        if unplaced:
            self.message.setText("；".join(unplaced))
            self.message.show()
