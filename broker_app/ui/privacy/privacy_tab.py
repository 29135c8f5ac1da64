"""隐私与安全: the settings page for the operator PIN lock, and the way to the audit log.

A page of the settings dialog with ``load()`` / ``check()`` / ``save()``: ``check``
returns a Chinese message when the page cannot be saved as it is (else None), and
``save`` writes through ``PinLockService`` and tells the window (the lock reads its
settings again on the station change it broadcasts).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.settings.pin_lock import (
    IDLE_MINUTES_SETTING,
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    PIN_HASH_SETTING,
    PIN_MAX_LENGTH,
    PIN_MIN_LENGTH,
    PinLockService,
)
from broker_app.ui.context import AppContext


class PrivacyTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = PinLockService(ctx.store)
        self._had_pin = False
        intro = QLabel(
            self.tr(
                "名单和导出的表格里，身份证号、电话和帮扶身份默认遮盖；显示完整信息和每次导出"
                "都记入审计日志。设置 PIN 后，电脑空闲一段时间会锁屏，输入 PIN 才能继续。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.lock_box = QCheckBox(self.tr("空闲后锁屏，用 PIN 解锁"), self)
        self.lock_box.toggled.connect(self._update_state)
        self.status = QLabel(self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("privacy_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX_LENGTH)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("privacy_pin_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setMaxLength(PIN_MAX_LENGTH)
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.audit_button = QPushButton(self.tr("查看审计日志…"), self)
        self.audit_button.clicked.connect(self.open_audit_log)
        layout = QFormLayout(self)
        layout.addRow(intro)
        layout.addRow(self.lock_box)
        layout.addRow(self.status)
        layout.addRow(self.tr("新 PIN"), self.pin)
        layout.addRow(self.tr("再输一次"), self.confirm)
        layout.addRow(self.tr("空闲多久后锁屏"), self.idle_minutes)
        layout.addRow(self.audit_button)
        self.load()

    def load(self) -> None:
        settings = self.service.settings()
        self._had_pin = settings.enabled
        self.lock_box.setChecked(settings.enabled)
        self.idle_minutes.setValue(settings.idle_minutes)
        self.pin.clear()
        self.confirm.clear()
        self._update_state()

    def check(self) -> str | None:
        """What stops saving, in Chinese; None when the page can be saved."""
        if not self.lock_box.isChecked():
            return None
        pin, again = self.pin.text(), self.confirm.text()
        if not pin and not again and self._had_pin:
            return None  # keep the PIN already set
        if not pin:
            return self.tr("请设置 PIN")
        if not (pin.isascii() and pin.isdigit()):
            return self.tr("PIN 只能是数字")
        if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
            return self.tr("PIN 要 {0} 到 {1} 位数字").format(PIN_MIN_LENGTH, PIN_MAX_LENGTH)
        if pin != again:
            return self.tr("两次输入的 PIN 不一样")
        return None

    def save(self) -> None:
        """Write the page (call ``check`` first)."""
        if self.lock_box.isChecked():
            if self.pin.text():
                self.service.set_pin(self.pin.text())
            self.service.set_idle_minutes(self.idle_minutes.value())
        elif self._had_pin:
            self.service.clear_pin()
        self.load()
        self.ctx.broadcast(
            Change(
                RecordKind.STATION,
                Op.UPDATE,
                (),
                frozenset({PIN_HASH_SETTING, IDLE_MINUTES_SETTING}),
            )
        )

    def open_audit_log(self) -> None:
        from broker_app.ui.privacy.audit_dialog import AuditLogDialog

        dialog = AuditLogDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _update_state(self) -> None:
        on = self.lock_box.isChecked()
        for widget in (self.pin, self.confirm, self.idle_minutes):
            widget.setEnabled(on)
        if self._had_pin:
            self.status.setText(self.tr("已设置 PIN；要更换就输入新的 PIN，不换就留空。"))
        else:
            self.status.setText(self.tr("尚未设置 PIN。"))
        self.status.setVisible(on)
