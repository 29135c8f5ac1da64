"""查验维权卡 on a site visit: a scan field a keyboard-wedge scanner types into (the QR
text, then Enter), and the project's active cards to tick the workers seen. Each
scan is verified offline; the counts (valid, missing, invalid) follow every scan
and tick, and the inspection dialog copies them into its fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.arrears.card_tally import CardCounts, CardTally
from broker_app.services.arrears.card_check import ScannedCard, SiteCardCheck

_OK_STYLE = "color: #2e7d32; font-weight: bold;"
_BAD_STYLE = "color: #c62828; font-weight: bold;"
_CARD_ID = Qt.ItemDataRole.UserRole


class ScanField(QLineEdit):
    """A line a scanner types into. Enter hands the text on and clears the line; it
    is kept from the dialog, whose default button would otherwise save the visit."""

    scanned = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            self.clear()
            if text:
                self.scanned.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)


class SiteCardsBox(QGroupBox):
    """The cards checked on one visit to one project."""

    counts_changed = Signal(object)  # CardCounts

    def __init__(self, check: SiteCardCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("查验维权卡（扫码或勾选在场工人）"))
        self.check = check
        self.project_id: str | None = None
        self.tally = CardTally.of(())
        self.today = date.today()
        #: Something was scanned or ticked since the project's cards were shown: until
        #: then the counts say nothing (no card was checked), so nothing is filled in.
        self.touched = False
        self.scan_edit = ScanField(self)
        self.scan_edit.setPlaceholderText(
            self.tr("用扫码枪扫描工人的维权卡，或粘贴扫码得到的内容后按回车")
        )
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.card_list = QListWidget(self)
        self.card_list.setMinimumHeight(90)
        self.failed_list = QListWidget(self)
        self.failed_list.setMaximumHeight(60)
        self.failed_list.hide()
        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.result_label)
        layout.addWidget(self.card_list, 1)
        layout.addWidget(self.failed_list)
        layout.addWidget(self.summary_label)
        self.scan_edit.scanned.connect(self.scan)
        self.card_list.itemChanged.connect(self._ticked)

    def load(self, project_id: str | None, today: date | None = None) -> None:
        """Show the project's active cards, none seen yet."""
        self.project_id = project_id
        self.today = today or date.today()
        cards = self.check.project_cards(project_id, self.today) if project_id else []
        self.tally = CardTally.of(card.id for card in cards)
        self.touched = False
        self.card_list.blockSignals(True)
        self.card_list.clear()
        for card in cards:
            item = QListWidgetItem(
                self.tr("{0}  {1}  第 {2} 号").format(
                    card.worker_name, card.masked_id, f"{card.serial:06d}"
                )
            )
            item.setData(_CARD_ID, card.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.card_list.addItem(item)
        self.card_list.blockSignals(False)
        self.failed_list.clear()
        self.failed_list.hide()
        self.result_label.clear()
        if not cards:
            self.result_label.setText(self.tr("本项目还没有有效的维权卡"))
        self._changed()

    def counts(self) -> CardCounts:
        return self.tally.counts()

    def scan(self, text: str) -> ScannedCard | None:
        """Verify one scanned text and count it (a card scanned again counts once)."""
        if self.project_id is None:
            return None
        found = self.check.scan(self.project_id, text, self.today)
        self.touched = True
        who = f"{found.holder}：" if found.holder else ""
        if found.card_id is not None:
            new = self.tally.see(found.card_id)
            self._tick(found.card_id)
            note = "" if new else self.tr("（已查验过，不重复计数）")
            self._show(True, f"{found.verdict}  {who}{found.message}{note}")
        else:
            new = self.tally.fail(found.identity, found.verdict)
            note = "" if new else self.tr("（已扫过，不重复计数）")
            self._show(False, f"{found.verdict}  {who}{found.message}{note}")
            if new:
                self.failed_list.addItem(f"{found.verdict}  {found.holder or found.message}")
                self.failed_list.show()
        self._changed()
        return found

    def _tick(self, card_id: str) -> None:
        for row in range(self.card_list.count()):
            item = self.card_list.item(row)
            if item.data(_CARD_ID) == card_id:
                self.card_list.blockSignals(True)
                item.setCheckState(Qt.CheckState.Checked)
                self.card_list.blockSignals(False)
                self.card_list.scrollToItem(item)

    def _ticked(self, item: QListWidgetItem) -> None:
        card_id = item.data(_CARD_ID)
        self.touched = True
        if item.checkState() == Qt.CheckState.Checked:
            self.tally.see(card_id)
        else:
            self.tally.unsee(card_id)
        self._changed()

    def _show(self, ok: bool, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_OK_STYLE if ok else _BAD_STYLE)

    def _changed(self) -> None:
        counts = self.tally.counts()
        self.summary_label.setText(
            self.tr("有效 {0} 张，未见 {1} 张，无效 {2} 张").format(
                counts.valid, counts.missing, counts.invalid
            )
        )
        self.counts_changed.emit(counts)
