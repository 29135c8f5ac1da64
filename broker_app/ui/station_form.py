"""Which org unit this station serves and who runs it: the fields shared by the
first-run dialog and the settings dialog (its 本驿站 page)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.org.units import OrgUnit, load_zoucheng
from broker_app.services.settings.schema import Settings, StationSettings
from broker_app.ui.i18n import enum_label
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase

_RESULTS = 60


class StationForm(SettingsPageBase):
    #: The form became complete or incomplete.
    completeness_changed = Signal(bool)
    section = StationSettings.SECTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: OrgUnit | None = None
        self.loaded = StationSettings()
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("输入村、镇街名称或拼音首字母，如 太平 或 tp"))
        self.results = QListWidget(self)
        self.results.setMinimumHeight(self.fontMetrics().height() * 8)
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self.name_box = QLineEdit(self)
        self.name_box.setPlaceholderText(self.tr("不填则按单位名称生成，如 某某村就业服务驿站"))
        self.operator_box = QLineEdit(self)
        self.phone_box = QLineEdit(self)
        self.phone_box.setPlaceholderText(self.tr("11位手机号"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_row(form, self.tr("所属单位"), self.search_box, "org_code")
        form.addRow("", self.results)
        form.addRow("", self.chosen_label)
        self.add_row(form, self.tr("驿站名称"), self.name_box, "name")
        self.add_row(form, self.tr("经纪人姓名"), self.operator_box, "operator_name")
        self.add_row(form, self.tr("经纪人手机"), self.phone_box, "operator_phone")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.search_box.textChanged.connect(self._search)
        self.results.currentItemChanged.connect(self._result_chosen)
        for box in (self.operator_box, self.phone_box):
            box.textChanged.connect(lambda _t: self.completeness_changed.emit(self.is_complete()))
        self._search("")

    # -- the settings page -------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        station = self.loaded = settings.station
        unit = load_zoucheng().find(station.org_code) if station.org_code else None
        if unit is not None:
            self.search_box.setText(unit.short_name)
            self._choose(unit)
        self.name_box.setText(station.name)
        self.operator_box.setText(station.operator_name)
        self.phone_box.setText(station.operator_phone)
        self.clear_errors()
        self.completeness_changed.emit(self.is_complete())

    def typed(self) -> tuple[StationSettings, list[FieldProblem]]:
        texts = {
            "org_code": self.org_code() or "",
            "name": self.name_box.text(),
            "operator_name": self.operator_name(),
            "operator_phone": self.operator_phone(),
        }
        return self.checked(self.loaded, texts)

    def org_code(self) -> str | None:
        return self._chosen.code if self._chosen else None

    def station_name(self) -> str | None:
        return self.name_box.text().strip() or None

    def operator_name(self) -> str:
        return self.operator_box.text().strip()

    def operator_phone(self) -> str:
        return self.phone_box.text().strip()

    def is_complete(self) -> bool:
        return self._chosen is not None and bool(self.operator_name())

    # -- search ------------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.results.clear()
        directory = load_zoucheng()
        units: Sequence[OrgUnit] = directory.search(text, _RESULTS)
        for unit in units:
            shown = directory.display_name(unit.code)
            item = QListWidgetItem(self.tr("{0}（{1}）").format(shown, enum_label(unit.level)))
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            self.results.addItem(item)
        if len(units) == 1:
            self.results.setCurrentRow(0)

    def _result_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            unit = load_zoucheng().find(str(item.data(Qt.ItemDataRole.UserRole)))
            if unit is not None:
                self._choose(unit)

    def _choose(self, unit: OrgUnit) -> None:
        self._chosen = unit
        directory = load_zoucheng()
        self.chosen_label.setText(
            self.tr("已选：{0}（{1}）").format(directory.display_name(unit.code), unit.code)
        )
        self.errors["org_code"].hide()
        self.completeness_changed.emit(self.is_complete())
