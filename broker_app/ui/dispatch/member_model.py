"""The members of one batch. ID numbers and phones show masked on screen, as the
roster does, and 脱贫/监测 shows only as 重点帮扶 (``domain.people.privacy``); the exports
decide for themselves whether to mask."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)

from broker_app.domain.common.enums import Gender
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.privacy import Personal, shown
from broker_app.services.dispatch.rows import MemberRow
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.table_models import Index, RowListModel

_CONTEXT = "MemberTableModel"

COLUMNS: tuple[tuple[str, float], ...] = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "姓名"), 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "性别"), 2),
    (QT_TRANSLATE_NOOP(_CONTEXT, "年龄"), 2),
    (QT_TRANSLATE_NOOP(_CONTEXT, "身份证号"), 10),
    (QT_TRANSLATE_NOOP(_CONTEXT, "联系电话"), 7),
    (QT_TRANSLATE_NOOP(_CONTEXT, "户籍村"), 6),
    (QT_TRANSLATE_NOOP(_CONTEXT, "重点帮扶"), 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "工种"), 5),
    (QT_TRANSLATE_NOOP(_CONTEXT, "来源"), 3),
    (QT_TRANSLATE_NOOP(_CONTEXT, "备注"), 8),
)


class MemberTableModel(RowListModel[MemberRow]):
    context = _CONTEXT
    titles = tuple(title for title, _ in COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        self.today = date.today()  # ages are counted on the day of the search
        super().set_rows(rows)

    def member(self, row: int) -> MemberRow | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        member = self._rows[index.row()]
        return self._display(member, index.column())

    def _display(self, member: MemberRow, column: int) -> str:
        if column == 0:
            return member.name
        if column == 1:
            gender = Gender.from_value(member.gender)
            return enum_label(gender) if gender else member.gender
        if column == 2:
            return str(age_on(member.birth_date, self.today))
        if column == 3:
            return shown(Personal.ID_NUMBER, member.id_number)
        if column == 4:
            return shown(Personal.PHONE, member.phone)
        if column == 5:
            unit = load_zoucheng().find(member.org_code)
            return unit.short_name if unit else member.org_code
        if column == 6:
            return self._tr("是") if member.priority else ""
        if column == 7:
            return member.work_type
        if column == 8:
            return self._tr("匹配") if member.match_id else self._tr("花名册")
        return member.notes

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate(_CONTEXT, text)
