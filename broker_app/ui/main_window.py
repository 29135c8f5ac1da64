"""The main window: page navigation on the left, the current page, the status bar.

Pages come from the registry in ``ui.pages`` and are built the first time they are
opened, so start-up pays only for the first page. When the operator has set a PIN,
``pin_lock`` covers the window after the idle minutes (``ui.privacy.lock``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.changes import Change, RecordKind
from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.pages import page_title, registered_pages
from broker_app.ui.privacy.lock import PinLock
from broker_app.ui.status_bar import StationStatusBar

_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_LAST_PAGE_KEY = "main_window/page"
#: Fits a 1366x768 screen, taskbar included, at 100% scaling.
DEFAULT_SIZE = QSize(1280, 700)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.specs = {spec.key: spec for spec in registered_pages()}
        self.pages: dict[str, QWidget] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav_font = QFont(self.font())
        nav_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.nav.setStyleSheet(
            "QListWidget#navigation { outline: 0; }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
        )
        for number, spec in enumerate(self.specs.values(), start=1):
            item = QListWidgetItem(page_title(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            self._add_page_shortcut(number, spec.key, item)
        self.settings_button = QPushButton(self.tr("设置"), self)
        self.settings_button.setToolTip(self.tr("驿站所属单位和经纪人"))
        self.settings_button.clicked.connect(self.open_settings)
        self.about_button = QPushButton(self.tr("关于"), self)
        self.about_button.setToolTip(self.tr("版本号和数据文件夹"))
        self.about_button.clicked.connect(self.open_about)
        metrics = self.nav.fontMetrics()
        widest = max(
            [metrics.horizontalAdvance(page_title(spec)) for spec in self.specs.values()]
            + [self.settings_button.sizeHint().width()]
        )
        side = QWidget(self)
        side.setFixedWidth(widest + 40)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 8)
        side_layout.addWidget(self.nav, 1)
        side_layout.addWidget(self.settings_button)
        side_layout.addWidget(self.about_button)

        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StationStatusBar(ctx, self)
        self.setStatusBar(self.status)

        self.nav.currentItemChanged.connect(self._nav_changed)
        ctx.changed.connect(self._on_change)
        ctx.runner.failed.connect(lambda exc: show_error(self, exc))
        self._update_title()
        self.pin_lock = PinLock(ctx, self)
        self.resize(DEFAULT_SIZE)
        last = str(ctx.ui_settings().value(_LAST_PAGE_KEY, ""))
        first = last if last in self.specs else next(iter(self.specs), "")
        if first:
            self.show_page(first)

    # -- pages ------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        """Open page ``key`` (building it on first use); KeyError if not registered."""
        spec = self.specs[key]
        page = self.pages.get(key)
        if page is None:
            page = spec.factory(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        row = list(self.specs).index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return page

    def _add_page_shortcut(self, number: int, key: str, item: QListWidgetItem) -> None:
        """Ctrl+1, Ctrl+2, ... open the pages in navigation order."""
        if number > 9:
            return
        sequence = QKeySequence(f"Ctrl+{number}")
        action = QAction(self)
        action.setShortcut(sequence)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.show_page(key))
        self.addAction(action)
        shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(self.tr("{0}（{1}）").format(item.text(), shown))

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def open_settings(self) -> None:
        from broker_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_about(self) -> None:
        from broker_app.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- geometry ---------------------------------------------------------------------
    def restore_geometry(self) -> bool:
        """Put the window where the broker left it; False when there is nothing saved."""
        settings = self.ctx.ui_settings()
        geometry = settings.value(_GEOMETRY_KEY)
        state = settings.value(_STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        return isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        settings = self.ctx.ui_settings()
        settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(_STATE_KEY, self.saveState())
        key = self.current_page_key()
        if key:
            settings.setValue(_LAST_PAGE_KEY, key)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)

    # -- reactions --------------------------------------------------------------------
    def _nav_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_change(self, change: Change) -> None:
        if change.touches(RecordKind.STATION):
            self._update_title()
            self.pin_lock.configure()

    def _update_title(self) -> None:
        # Qt adds the application's name ("— 劳务驿站") after the title itself.
        self.setWindowTitle(StationService(self.ctx.store).info().name)
