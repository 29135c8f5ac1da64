"""审计日志: who exported or revealed personal data, and when. Read-only; the entries
are written by the exports and by 显示完整信息 (``services.audit``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.audit import EXPORT, AuditRecord, AuditService
from broker_app.ui.context import AppContext

# The newest entries shown; the CLI ``audit-log`` lists them all.
SHOWN_ENTRIES = 2000


class AuditLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审计日志"))
        self.service = AuditService(ctx.store)
        intro = QLabel(
            self.tr(
                "每次导出名单、台账，每次“显示完整信息”都记在这里（只记文件名、记录编号和人数，"
                "不记身份证号和电话）。审计日志只保存在本机，不能修改。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("经纪人"),
                self.tr("操作"),
                self.tr("内容"),
                self.tr("身份证号和电话"),
                self.tr("人数"),
                self.tr("文件或记录"),
                self.tr("来源"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(close)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 70, 480)
        self.refresh()

    def refresh(self) -> None:
        entries = self.service.entries(SHOWN_ENTRIES)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(self._cells(entry)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == 6:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.count_label.setText(self.tr("共 {0} 条").format(self.service.count()))

    def _cells(self, entry: AuditRecord) -> list[str]:
        action = self.tr("导出") if entry.action == EXPORT else self.tr("显示完整信息")
        return [
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.operator or self.tr("（未设经纪人）"),
            action,
            entry.subject,
            self.tr("完整") if entry.full else self.tr("已遮盖"),
            "" if entry.rows is None else str(entry.rows),
            entry.target,
            entry.channel,
        ]
