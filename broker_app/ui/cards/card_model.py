"""The cards of one project as a table (a project holds hundreds, not 100k: plain rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from broker_app.services.cards.issuing import CardRow
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.table_models import Index, RowListModel

COLUMNS = (
    QT_TRANSLATE_NOOP("CardTableModel", "卡号"),
    QT_TRANSLATE_NOOP("CardTableModel", "姓名"),
    QT_TRANSLATE_NOOP("CardTableModel", "身份证号"),
    QT_TRANSLATE_NOOP("CardTableModel", "签发日期"),
    QT_TRANSLATE_NOOP("CardTableModel", "有效期至"),
    QT_TRANSLATE_NOOP("CardTableModel", "状态"),
)
_WARNING = QColor("#c62828")


class CardTableModel(RowListModel[CardRow]):
    context = "CardTableModel"
    titles = COLUMNS

    def card(self, row: int) -> CardRow | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index.row())
        if card is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{card.serial:06d}",
                card.worker_name,
                card.masked_id,
                card.issue_date.isoformat(),
                card.expiry_date.isoformat(),
                self.status_text(card),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and not self.is_good(card):
            return _WARNING
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and card.out_of_date:
            return self.tr("工人或项目信息已改动，卡上签名的内容已不是最新，请换发")
        return None

    @staticmethod
    def is_good(card: CardRow) -> bool:
        return not (card.revoked or card.expired or card.out_of_date)

    def status_text(self, card: CardRow) -> str:
        if card.revoked:
            return self.tr("已作废")
        if card.expired:
            return self.tr("已过期")
        if card.out_of_date:
            return self.tr("需换发")
        return self.tr("有效")
