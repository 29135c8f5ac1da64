"""Enrolling this station with the county's sync server: address, one-time code and
(for a self-signed server) a CA file. Shared by the 同步 page, the settings dialog
and the first-run dialog; the call runs in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.sync.config import load_config
from broker_app.services.sync.enrol import EnrolResult, enrol
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.file_dialogs import FileKind, ask_open_file
from broker_app.ui.sync.scheduler import SyncScheduler, sync_scheduler
from broker_app.ui.worker_editor.fields import ERROR_STYLE
from sync.client.errors import NoConnection

_DONE_STYLE = "color: #1b6e20;"


class EnrolForm(QWidget):
    #: Enrolment succeeded (the station's org unit and credential are stored).
    enrolled = Signal(object)

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
        self.url_box = QLineEdit(self)
        self.url_box.setPlaceholderText(self.tr("县人社局提供的地址，如 https://sync.example.cn"))
        self.code_box = QLineEdit(self)
        self.code_box.setPlaceholderText(self.tr("县人社局发的一次性注册码"))
        self.ca_box = QLineEdit(self)
        self.ca_box.setPlaceholderText(self.tr("可不填；县里提供了服务器证书文件时在这里选择"))
        self.ca_button = QPushButton(self.tr("选择…"), self)
        self.enrol_button = QPushButton(self.tr("注册"), self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        config = load_config(ctx.store)
        if config is not None:
            self.url_box.setText(config.server_url)
            self.ca_box.setText(config.ca_file or "")

        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_box, 1)
        ca_row.addWidget(self.ca_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("服务器地址"), self.url_box)
        form.addRow(self.tr("注册码"), self.code_box)
        form.addRow(self.tr("服务器证书文件"), ca_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.enrol_button)
        button_row.addWidget(self.result_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(button_row)

        self.ca_button.clicked.connect(self._choose_ca)
        self.enrol_button.clicked.connect(self.submit)
        self.url_box.textChanged.connect(self._update_button)
        self.code_box.textChanged.connect(self._update_button)
        self.code_box.returnPressed.connect(self.submit)
        self._update_button()

    def submit(self) -> None:
        """Enrol in the background; the result shows under the fields."""
        url, code = self.url_box.text().strip(), self.code_box.text().strip()
        if not url or not code or not self.enrol_button.isEnabled():
            return
        ca_file = self.ca_box.text().strip() or None
        store, policy = self.ctx.store, self.scheduler.policy
        self.enrol_button.setEnabled(False)
        self._say(self.tr("正在连接服务器注册…"), "")
        self.ctx.runner.run_network(
            lambda: enrol(store, url, code, ca_file, policy=policy),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, result: EnrolResult) -> None:
        self.code_box.clear()
        place = f"{result.org_code} {result.org_name}".strip()
        self._say(
            self.tr("注册成功：{0}（{1}）").format(result.station_name or place, place),
            _DONE_STYLE,
        )
        self._update_button()
        self.scheduler.enrolled()
        self.enrolled.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NoConnection):
            # Its own message promises a retry, which a sync round makes and enrolment
            # does not.
            text = self.tr("无法连接服务器，没有注册。请检查服务器地址和网络，然后再点“注册”。")
        else:
            text = self.tr("注册失败：{0}").format(user_message(exc))
        self._say(text, ERROR_STYLE)
        self._update_button()

    def _say(self, text: str, style: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(style)
        self.result_label.show()

    def _choose_ca(self) -> None:
        choose_ca_file(self, self.ca_box)

    def _update_button(self) -> None:
        self.enrol_button.setEnabled(
            bool(self.url_box.text().strip() and self.code_box.text().strip())
        )


def choose_ca_file(parent: QWidget, box: QLineEdit) -> None:
    """Let the broker pick the server's CA certificate into ``box`` (enrolment and the
    sync settings page both ask for it)."""
    current = Path(box.text().strip()) if box.text().strip() else None
    path = ask_open_file(
        parent,
        FileKind.CERTIFICATES,
        QCoreApplication.translate("EnrolForm", "选择服务器证书文件"),
        QCoreApplication.translate("EnrolForm", "证书文件 (*.pem *.crt *.cer);;所有文件 (*)"),
        default=current.parent if current else None,
    )
    if path:
        box.setText(path)
