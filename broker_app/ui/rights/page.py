"""维权 page: 欠薪线索 (wage-arrears clues and their deadlines) and 双清单 (projects not
visited this month, problems not yet rectified), one tab each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from broker_app.ui.context import AppContext
from broker_app.ui.rights.clue_panel import CluePanel
from broker_app.ui.rights.site_lists import SiteListsPanel


class RightsPage(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.clues = CluePanel(ctx, self, today=today)
        self.lists = SiteListsPanel(ctx, self, today=today)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.clues, self.tr("欠薪线索"))
        self.tabs.addTab(self.lists, self.tr("双清单"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
