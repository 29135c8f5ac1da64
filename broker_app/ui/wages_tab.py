"""The 工资 page of the settings dialog: the local minimum wage and usual pay day a new
project starts with, and the income line for reviewing 公益性岗位 holders."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from broker_app.services.settings.schema import MAX_EXIT_THRESHOLD, Settings, WageSettings
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase


class WageSettingsTab(SettingsPageBase):
    section = WageSettings.SECTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded = WageSettings()
        note = QLabel(
            self.tr("新建工程项目时，没填的最低工资标准和工资支付日按这里预填，并印在维权卡上。"),
            self,
        )
        note.setWordWrap(True)
        self.min_wage_box = QLineEdit(self)
        self.min_wage_box.setPlaceholderText(self.tr("元/月，如 2010；不填则不预填"))
        self.pay_day_box = QLineEdit(self)
        self.pay_day_box.setPlaceholderText(self.tr("每月几日，如 15；不填则不预填"))
        self.threshold_box = QSpinBox(self)
        self.threshold_box.setRange(1, MAX_EXIT_THRESHOLD)
        self.threshold_box.setSingleStep(100)
        self.threshold_box.setSuffix(self.tr(" 元/月"))
        self.threshold_box.setToolTip(self.tr("公益性岗位人员月收入高于此数时，列入退出复核名单"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_row(form, self.tr("当地最低工资标准"), self.min_wage_box, "min_wage")
        self.add_row(form, self.tr("工资支付日"), self.pay_day_box, "pay_day")
        self.add_row(
            form, self.tr("公益性岗位退出监测线"), self.threshold_box, "welfare_exit_threshold"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addStretch(1)

    def load(self, settings: Settings) -> None:
        wages = self.loaded = settings.wages
        self.min_wage_box.setText("" if wages.min_wage is None else str(wages.min_wage))
        self.pay_day_box.setText("" if wages.pay_day is None else str(wages.pay_day))
        self.threshold_box.setValue(wages.welfare_exit_threshold)
        self.clear_errors()

    def typed(self) -> tuple[WageSettings, list[FieldProblem]]:
        texts = {
            "min_wage": self.min_wage_box.text(),
            "pay_day": self.pay_day_box.text(),
            "welfare_exit_threshold": str(self.threshold_box.value()),
        }
        return self.checked(self.loaded, texts)
