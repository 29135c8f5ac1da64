"""The roster's search box and filters; emits a ``RosterFilter`` when they change.

Typing searches as you type, ~200 ms after the last key (Enter searches at once);
the choices apply immediately. Township and village lists come from the station's
scope: a village station needs neither, a township station only the village list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from broker_app.domain.common.enums import EmploymentStatus, OrgLevel, PriorityGroup
from broker_app.domain.org.units import OrgUnit, load_zoucheng
from broker_app.domain.people.roster_query import RosterFilter
from broker_app.ui.i18n import enum_label

SEARCH_DELAY_MS = 200


class RosterFilterBar(QWidget):
    filter_changed = Signal(object)
    #: Down arrow in the search box: the table should take the focus.
    leave_search = Signal()

    def __init__(
        self,
        scope_code: str | None,
        settings: QSettings,
        brands: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._emitted = RosterFilter()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("搜索：姓名、拼音首字母（如 zsf）、身份证后几位或手机号  （Ctrl+F）")
        )
        self.search_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 22)
        self.search_box.textEdited.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.apply_now)
        # Clearing with the clear button emits textChanged only.
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.installEventFilter(self)

        self.township = QComboBox(self)
        self.village = QComboBox(self)
        self.village.setMaxVisibleItems(20)
        self._setup_places(scope_code)

        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部就业状态"), None)
        for status in EmploymentStatus:
            self.status.addItem(enum_label(status), status)
        self.priority = QComboBox(self)
        self.priority.addItem(self.tr("全部重点群体"), None)
        for group in PriorityGroup:
            self.priority.addItem(enum_label(group), group)
        self.brand = QComboBox(self)
        self.brand.setEditable(True)
        self.brand.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        brand_line = QLineEdit(self.brand)
        self.brand.setLineEdit(brand_line)
        brand_line.setPlaceholderText(self.tr("劳务品牌"))
        self.brand.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 8)
        self.brand.setToolTip(self.tr("选择或输入劳务品牌后按回车筛选；清空则不限"))
        self.brand.addItem("")
        self.brand.addItems(list(brands))
        self.archived = QCheckBox(self.tr("含已归档"), self)

        for combo in (self.township, self.village, self.status, self.priority):
            combo.currentIndexChanged.connect(self.apply_now)
        self.brand.activated.connect(self.apply_now)
        brand_line.editingFinished.connect(self.apply_now)
        self.archived.toggled.connect(self.apply_now)

        self.trailing = QHBoxLayout()
        self.trailing.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.township,
            self.village,
            self.status,
            self.priority,
            self.brand,
            self.archived,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box, 0, 0)
        layout.addLayout(self.trailing, 0, 1)
        layout.addLayout(filters, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    # -- public ------------------------------------------------------------------------
    def current_filter(self) -> RosterFilter:
        brand = self.brand.currentText().strip()
        return RosterFilter(
            text=self.search_box.text().strip(),
            org_code=self._org_code(),
            status=self.status.currentData(),
            priority=self.priority.currentData(),
            labor_brand=brand or None,
            include_archived=self.archived.isChecked(),
        )

    def apply_now(self) -> None:
        """Emit the filter now (skipping the typing delay) if it changed."""
        self._timer.stop()
        flt = self.current_filter()
        if flt != self._emitted:
            self._emitted = flt
            self.filter_changed.emit(flt)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def is_filtered(self) -> bool:
        return self._emitted != RosterFilter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self.apply_now()
                self.leave_search.emit()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    # -- places ------------------------------------------------------------------------
    def _setup_places(self, scope_code: str | None) -> None:
        directory = load_zoucheng()
        scope = directory.find(scope_code) if scope_code else None
        self.township.addItem(self.tr("全部镇街"), None)
        self.village.addItem(self.tr("全部村（社区）"), None)
        if scope is None or scope.level is OrgLevel.VILLAGE:
            self.township.hide()
            self.village.hide()
            return
        if scope.level is OrgLevel.COUNTY:
            for unit in directory.townships():
                self.township.addItem(unit.short_name, unit.code)
            self.township.currentIndexChanged.connect(self._township_chosen)
            self.village.setEnabled(False)
        else:
            self.township.hide()
            self._fill_villages(directory.villages(scope.code))

    def _township_chosen(self) -> None:
        code = self.township.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("全部村（社区）"), None)
        if code:
            self._fill_villages(load_zoucheng().villages(code))
        self.village.setEnabled(bool(code))
        self.village.blockSignals(False)

    def _fill_villages(self, villages: list[OrgUnit]) -> None:
        for unit in villages:
            self.village.addItem(unit.short_name, unit.code)

    def _org_code(self) -> str | None:
        code = self.village.currentData() or self.township.currentData()
        return str(code) if code else None

    # -- text ------------------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        if not text:
            self.apply_now()
