"""The 岗位 page's search box and filters; emits a ``JobFilter`` when they change."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QWidget

from broker_app.domain.common.enums import JobKind, JobStatus, PlaceTier
from broker_app.domain.jobs.query import JobFilter, Publisher
from broker_app.ui.i18n import enum_label

SEARCH_DELAY_MS = 200
_STATUSES = {m.value: m for m in JobStatus}
_KINDS = {m.value: m for m in JobKind}
_TIERS = {m.value: m for m in PlaceTier}


class JobFilterBar(QWidget):
    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._emitted = JobFilter()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("搜索：岗位名称、单位、工种、地点或信用代码"))
        self.search_box.textEdited.connect(lambda _text: self._timer.start())
        self.search_box.textChanged.connect(lambda text: None if text else self.apply_now())
        self.search_box.returnPressed.connect(self.apply_now)

        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), None)
        for status in JobStatus:
            self.status.addItem(enum_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(JobStatus.OPEN.value))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("全部类型"), None)
        for kind in JobKind:
            self.kind.addItem(enum_label(kind), kind.value)
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("全部地域"), None)
        for tier in PlaceTier:
            if tier is not PlaceTier.NONE:
                self.tier.addItem(enum_label(tier), tier.value)
        self.publisher = QComboBox(self)
        self.publisher.addItem(self.tr("全部发布单位"), Publisher.ANY)
        self.publisher.addItem(self.tr("本驿站发布"), Publisher.LOCAL)
        self.publisher.addItem(self.tr("上级发布"), Publisher.HIGHER)
        self.archived = QCheckBox(self.tr("含已归档"), self)
        for combo in (self.status, self.kind, self.tier, self.publisher):
            combo.currentIndexChanged.connect(self.apply_now)
        self.archived.toggled.connect(self.apply_now)

        self.trailing = QHBoxLayout()
        self.trailing.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.kind, self.tier, self.publisher, self.archived):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box, 0, 0)
        layout.addLayout(self.trailing, 0, 1)
        layout.addLayout(filters, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        self._emitted = self.current_filter()

    def current_filter(self) -> JobFilter:
        # Combo boxes hand enum members back as plain text: keep values, look them up.
        status, kind, tier = (c.currentData() for c in (self.status, self.kind, self.tier))
        return JobFilter(
            text=self.search_box.text().strip(),
            status=_STATUSES.get(status),
            kind=_KINDS.get(kind),
            place_tier=_TIERS.get(tier),
            publisher=self.publisher.currentData() or Publisher.ANY,
            include_archived=self.archived.isChecked(),
        )

    def apply_now(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        if flt != self._emitted:
            self._emitted = flt
            self.filter_changed.emit(flt)
