"""The 维权卡 page of the settings dialog: the local complaint phones a new project
starts with, the sheet layout chosen first, the printer cards go to, that
printer's offset (measured on the test page this page can make), and the county's
public card address the printed QR opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.printing.sheets import LAYOUTS
from broker_app.printing.test_page import write_test_page
from broker_app.services.settings.schema import CardSettings, Settings
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase

_PHONES = ("complaint_phone_hrss", "complaint_phone_housing", "complaint_phone_national")
_OFFSETS = ("offset_x_mm", "offset_y_mm")


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
        self.layout_box.addItem(self.tr("安全帽贴：标签纸 70×37（每页24张）"), "label-70x37")
        self.layout_box.addItem(self.tr("安全帽贴：标签纸 63.5×38.1（每页21张）"), "label-63x38")
        self.printer_box = QComboBox(self)
        self.offset_boxes = {name: QLineEdit(self) for name in _OFFSETS}
        for box in self.offset_boxes.values():
            box.setPlaceholderText(self.tr("0，单位毫米，如 -1.5"))
        self.base_url_box = QLineEdit(self)
        self.base_url_box.setPlaceholderText(
            self.tr("如 https://wq.zcrs.gov.cn；不填则二维码显示文字")
        )
        self.base_url_box.setToolTip(
            self.tr(
                "县里开通公共卡片服务后填写（同步时也会自动填上）。填了：工人用微信扫卡上的"
                "二维码打开卡片页面，可一键投诉；不填：扫码显示投诉电话。两种二维码本机都能验卡。"
            )
        )
        self.test_page_button = QPushButton(self.tr("生成打印测试页…"), self)
        self.test_page_button.clicked.connect(self.write_test_page)
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
        self.add_row(
            form, self.tr("打印偏移：向右（毫米）"), self.offset_boxes["offset_x_mm"], "offset_x_mm"
        )
        self.add_row(
            form, self.tr("打印偏移：向下（毫米）"), self.offset_boxes["offset_y_mm"], "offset_y_mm"
        )
        form.addRow("", self.test_page_button)
        self.add_row(form, self.tr("公共卡片服务地址"), self.base_url_box, "public_base_url")
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
        for name, box in self.offset_boxes.items():
            box.setText(f"{getattr(cards, name):g}")
        self.base_url_box.setText(cards.public_base_url)
        self.clear_errors()

    def typed(self) -> tuple[CardSettings, list[FieldProblem]]:
        texts = {name: box.text() for name, box in self.phone_boxes.items()}
        texts["layout"] = str(self.layout_box.currentData())
        texts["printer"] = str(self.printer_box.currentData() or "")
        texts.update({name: box.text() for name, box in self.offset_boxes.items()})
        texts["public_base_url"] = self.base_url_box.text()
        return self.checked(self.loaded, texts)

    def write_test_page(self) -> None:
        """A test page with the offsets as typed (saved or not), to print and measure."""
        typed, problems = self.typed()
        if problems:
            return
        path = ask_save_file(
            self,
            FileKind.CARDS,
            self.tr("保存打印测试页"),
            self.tr("打印测试页.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        layout = LAYOUTS.get(str(self.layout_box.currentData()), LAYOUTS["card"])
        try:
            write_test_page(out, layout, offset_mm=typed.offset_mm)
        except OSError as exc:
            show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def _fill_printers(self, chosen: str) -> None:
        self.printer_box.clear()
        self.printer_box.addItem(self.tr("系统默认打印机"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_box.addItem(name, name)
        if chosen and self.printer_box.findData(chosen) < 0:
            # Kept although not connected now (a USB printer, a laptop away from it).
            self.printer_box.addItem(self.tr("{0}（未连接）").format(chosen), chosen)
        self.printer_box.setCurrentIndex(max(0, self.printer_box.findData(chosen)))
