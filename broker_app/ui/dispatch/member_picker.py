"""添加人员: pick workers from 录用 / 已上岗 matches, or find them in the roster. People
already in an active batch are shown but cannot be picked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.dispatch_query import MemberPick
from broker_app.domain.enums import MatchStatus
from broker_app.domain.orgunits import load_zoucheng
from broker_app.domain.privacy import Personal, shown
from broker_app.services.dispatch_members import DispatchMemberService
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.i18n import enum_label

_SEARCH_DELAY_MS = 300
_PICK_ROLE = Qt.ItemDataRole.UserRole + 1


class MemberPickerDialog(QDialog):
    def __init__(self, service: DispatchMemberService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("添加人员"))
        self.tabs = QTabWidget(self)
        self.match_filter = QLineEdit(self)
        self.match_filter.setPlaceholderText(self.tr("按姓名、岗位或单位筛选"))
        self.matches = self._table(
            [self.tr("姓名"), self.tr("身份证号"), self.tr("户籍村"), self.tr("岗位"),
             self.tr("单位"), self.tr("匹配状态"), self.tr("已在批次")]
        )  # fmt: skip
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("输入姓名、拼音、身份证号或手机号后几位"))
        self.roster = self._table(
            [self.tr("姓名"), self.tr("身份证号"), self.tr("户籍村"), self.tr("技能"),
             self.tr("已在批次")]
        )  # fmt: skip
        self.tabs.addTab(self._page(self.match_filter, self.matches), self.tr("从匹配选择"))
        self.tabs.addTab(self._page(self.search, self.roster), self.tr("从花名册搜索"))
        hint = QLabel(self.tr("可按住 Ctrl 或 Shift 多选；灰色的人已在未结束的批次中。"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("加入批次"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.match_filter.textChanged.connect(lambda _t: self._timer.start())
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.refresh()
        fit_to_screen(self, 820, 560)

    def picks(self) -> list[MemberPick]:
        """The chosen people, from the tab that is showing."""
        table = self.matches if self.tabs.currentIndex() == 0 else self.roster
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        items = [table.item(row, 0) for row in rows]
        chosen = [item.data(_PICK_ROLE) for item in items if item is not None]
        return [pick for pick in chosen if isinstance(pick, MemberPick)]

    def refresh(self) -> None:
        village = _village_names()
        matches = self.service.match_candidates(self.match_filter.text())
        self._fill(
            self.matches,
            [
                (
                    MemberPick(m.worker_id, m.match_id) if not m.busy_in else None,
                    [
                        m.name,
                        shown(Personal.ID_NUMBER, m.id_number),
                        village(m.org_code),
                        m.job_title,
                        m.employer,
                        _status(m.match_status),
                        m.busy_in,
                    ],
                )
                for m in matches
            ],
        )
        text = self.search.text().strip()
        found = self.service.roster_candidates(text) if text else []
        self._fill(
            self.roster,
            [
                (
                    MemberPick(w.worker_id) if not w.busy_in else None,
                    [
                        w.name,
                        shown(Personal.ID_NUMBER, w.id_number),
                        village(w.org_code),
                        "、".join(w.skills),
                        w.busy_in,
                    ],
                )
                for w in found
            ],
        )

    def _fill(
        self, table: QTableWidget, rows: Sequence[tuple[MemberPick | None, list[str]]]
    ) -> None:
        table.setRowCount(len(rows))
        for n, (pick, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if pick is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                if column == 0:
                    item.setData(_PICK_ROLE, pick)
                table.setItem(n, column, item)
        table.resizeColumnsToContents()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda _i: self.accept())
        return table

    def _page(self, field: QLineEdit, table: QTableWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(field)
        layout.addWidget(table, 1)
        return page


def _status(value: str) -> str:
    status = MatchStatus.from_value(value)
    return enum_label(status) if status else value


def _village_names() -> Callable[[str], str]:
    directory = load_zoucheng()

    def name(code: str) -> str:
        unit = directory.find(code)
        return unit.short_name if unit else code

    return name
