"""The selected batch: its facts, its members, and the buttons that act on it. The
panel only shows and asks; the page runs the actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import BatchStatus, PlaceTier
from broker_app.services.dispatch.rows import MemberRow
from broker_app.ui.dispatch.member_model import COLUMNS, MemberTableModel
from broker_app.ui.flow_layout import wrapping_row
from broker_app.ui.i18n import enum_label


class BatchPanel(QWidget):
    edit_requested = Signal()
    add_requested = Signal()
    remove_requested = Signal(list)  # member ids
    status_requested = Signal(object)  # BatchStatus
    cancel_requested = Signal()
    export_requested = Signal()
    cards_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.model = MemberTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, (_title, width) in enumerate(COLUMNS):
            header.resizeSection(column, round(width * char) + 16)

        self.edit_button = QPushButton(self.tr("编辑批次…"), self)
        self.add_button = QPushButton(self.tr("添加人员…"), self)
        self.remove_button = QPushButton(self.tr("移除所选人员"), self)
        self.export_button = QPushButton(self.tr("导出本批名单…"), self)
        self.cards_button = QPushButton(self.tr("打印维权卡…"), self)
        self.cards_button.setToolTip(self.tr("为本批人员签发并预览打印农民工维权联系卡"))
        self.cancel_button = QPushButton(self.tr("取消批次…"), self)
        self.cancel_button.setToolTip(self.tr("未成行的批次（仅筹备中）"))
        self.status_buttons: dict[BatchStatus, QPushButton] = {
            BatchStatus.DEPARTED: QPushButton(self.tr("标记已出发…"), self),
            BatchStatus.ARRIVED: QPushButton(self.tr("标记已到岗…"), self),
            BatchStatus.FINISHED: QPushButton(self.tr("结束批次…"), self),
        }
        buttons = (*self.status_buttons.values(), self.cancel_button, self.export_button)
        # Wraps at 1366x768 and 150%, where nine buttons are wider than the page.
        actions = wrapping_row(
            self,
            [self.edit_button, self.add_button, self.remove_button, *buttons, self.cards_button],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(actions)
        layout.addWidget(self.table, 1)

        self.edit_button.clicked.connect(self.edit_requested)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.selected()))
        self.export_button.clicked.connect(self.export_requested)
        self.cards_button.clicked.connect(self.cards_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _c=False, s=status: self.status_requested.emit(s))
        self.show_batch(None, [])

    def selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        members = [self.model.member(row) for row in rows]
        return [m.id for m in members if m is not None]

    def show_batch(self, details: dict[str, Any] | None, members: list[MemberRow]) -> None:
        """Show one batch (``DispatchService.batch``) and its members, or nothing."""
        self.model.set_rows(members)
        enabled = details is not None
        for button in (self.edit_button, self.export_button, self.cards_button):
            button.setEnabled(enabled)
        if details is None:
            self.title.setText(self.tr("请在上方选择一个批次"))
            self.facts.clear()
            for button in (self.add_button, self.remove_button, self.cancel_button,
                           *self.status_buttons.values()):  # fmt: skip
                button.setEnabled(False)
            return
        self.title.setText(details["name"])
        self.facts.setText(self._facts(details, members))
        editable = bool(details["members_editable"])
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(members))
        self.cancel_button.setEnabled(details["status"] == BatchStatus.PREPARING.value)
        allowed = set(details["next"])
        for status, button in self.status_buttons.items():
            button.setEnabled(status in allowed)

    def _facts(self, details: dict[str, Any], members: list[MemberRow]) -> str:
        status = BatchStatus.from_value(details["status"])
        tier = PlaceTier.from_value(details["place_tier"])
        departure = details["departure_date"]
        employer = details["employer"]
        if details["project"]:
            employer = self.tr("{0}（{1}）").format(employer, details["project"])
        leader = " ".join(p for p in (details["leader_name"], details["leader_phone"]) if p)
        parts = [
            self.tr("状态：{0}").format(enum_label(status) if status else details["status"]),
            self.tr("务工单位：{0}").format(employer),
            self.tr("务工地点：{0}（{1}）").format(
                details["destination"] or "—", enum_label(tier) if tier else ""
            ),
            self.tr("出发日期：{0}").format(
                departure.isoformat() if departure else self.tr("未定")
            ),
            self.tr("交通：{0}").format(details["transport"] or "—"),
            self.tr("带队人：{0}").format(leader or "—"),
            self.tr("共 {0} 人，其中脱贫人口 {1} 人").format(
                len(members), sum(1 for m in members if m.priority)
            ),
        ]
        return "　".join(parts)
