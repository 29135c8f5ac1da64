"""验证 dialog: paste what a scanner typed, or pick a photo of the card; the verdict
comes from this station's key ring, offline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.rights_card import card_key_id
from broker_app.printing.scan import qr_texts_in_file
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.verify import VerificationReport, verification_report
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_open_file
from broker_app.ui.geometry import fit_to_screen

_OK_STYLE = "color: #2e7d32; font-size: 18pt; font-weight: bold;"
_BAD_STYLE = "color: #c62828; font-size: 18pt; font-weight: bold;"


class VerifyDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = CardService(ctx.store)
        self.setWindowTitle(self.tr("核验维权卡"))
        self.text_box = QPlainTextEdit(self)
        self.text_box.setTabChangesFocus(True)
        self.text_box.setPlaceholderText(
            self.tr(
                "用扫码枪扫描卡上的二维码，或粘贴扫码得到的网址或文字（网址含 /C/，文字含“WQ1:”）"
            )
        )
        self.text_box.setFixedHeight(self.fontMetrics().height() * 4)
        self.verify_button = QPushButton(self.tr("核验"), self)
        self.image_button = QPushButton(self.tr("从图片读取…"), self)
        self.headline = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.details = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.image_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_box)
        layout.addLayout(row)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        layout.addLayout(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.verify_button.clicked.connect(self.verify_text)
        self.image_button.clicked.connect(self.choose_image)
        buttons.rejected.connect(self.reject)
        fit_to_screen(self, 520, 520)

    def verify_text(self, text: str | None = None) -> VerificationReport | None:
        text = (text if isinstance(text, str) else self.text_box.toPlainText()).strip()
        if not text:
            return None
        result = self.service.verify(text, date.today())
        key_id = card_key_id(text)
        report = verification_report(result, key_id.hex().upper() if key_id else "")
        self.show_report(report)
        return report

    def choose_image(self) -> None:
        path = ask_open_file(
            self,
            FileKind.QR_IMAGES,
            self.tr("选择二维码图片"),
            self.tr("图片 (*.png *.jpg *.jpeg *.bmp)"),
        )
        if path:
            self.verify_image(Path(path))

    def verify_image(self, path: Path) -> VerificationReport | None:
        try:
            texts = qr_texts_in_file(path)
        except OSError as exc:
            show_error(self, exc)
            return None
        if not texts:
            self._show_verdict(False, self.tr("无效"), self.tr("图片中没有找到二维码"))
            self._clear_details()
            return None
        self.text_box.setPlainText(texts[0])
        return self.verify_text(texts[0])

    def show_report(self, report: VerificationReport) -> None:
        self._show_verdict(report.ok, report.headline, report.message)
        self._clear_details()
        for label, value in report.lines:
            shown = QLabel(value, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(label, shown)

    def _show_verdict(self, ok: bool, headline: str, message: str) -> None:
        self.headline.setText(headline)
        self.headline.setStyleSheet(_OK_STYLE if ok else _BAD_STYLE)
        self.message.setText(message)

    def _clear_details(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
