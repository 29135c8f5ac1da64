"""The 维权卡 page of the settings dialog: the local complaint phones a new project
starts with, the sheet layout chosen first and the printer cards go to."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from broker_app.services.settings import CardSettings, Settings
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase

_PHONES = ("complaint_phone_hrss", "complaint_phone_housing", "complaint_phone_national")


class CardSettingsTab(SettingsPageBase):
    section = CardSettings.SECTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = CardSettings()
        note = QLabel(
            self.tr("新建工程项目时，没填的投诉电话按这里预填；已有项目和已发的卡不变。"), self
        )
        note.setWordWrap(True)
        self.phone_boxes = {name: QLineEdit(self) for name in _PHONES}
        self.phone_boxes["complaint_phone_hrss"].setPlaceholderText(
            self.tr("如 0537-5212345 或 12333")
        )
        self.layout_box = QComboBox(self)
        self.layout_box.addItem(self.tr("钱包卡（每页10张）"), "card")
        self.layout_box.addItem(self.tr("安全帽贴（每页24张）"), "sticker")
        self.printer_box = QComboBox(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = (
            self.tr("人社（劳动保障监察）投诉电话"),
            self.tr("住建部门投诉电话"),
            self.tr("全国人社服务热线"),
        )
        for name, label in zip(_PHONES, labels, strict=True):
            self.add_row(form, label, self.phone_boxes[name], name)
        self.add_row(form, self.tr("默认版式"), self.layout_box, "layout")
        self.add_row(form, self.tr("默认打印机"), self.printer_box, "printer")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, settings: Settings) -> None:
        cards = self.loaded = settings.cards
        for name, box in self.phone_boxes.items():
            box.setText(getattr(cards, name))
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(cards.layout)))
        self._fill_printers(cards.printer)
        self.clear_errors()

    def typed(self) -> tuple[CardSettings, list[FieldProblem]]:
        texts = {name: box.text() for name, box in self.phone_boxes.items()}
        texts["layout"] = str(self.layout_box.currentData())
        texts["printer"] = str(self.printer_box.currentData() or "")
        return self.checked(self.loaded, texts)

    def _fill_printers(self, chosen: str) -> None:
        self.printer_box.clear()
        self.printer_box.addItem(self.tr("系统默认打印机"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_box.addItem(name, name)
        if chosen and self.printer_box.findData(chosen) < 0:
            # Kept although not connected now (a USB printer, a laptop away from it).
            self.printer_box.addItem(self.tr("{0}（未连接）").format(chosen), chosen)
        self.printer_box.setCurrentIndex(max(0, self.printer_box.findData(chosen)))
