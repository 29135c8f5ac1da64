"""Step 2: which column holds which field, and how the first rows check out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from broker_app.services.excel.roster_columns import ROSTER_HEADER_SYNONYMS
from broker_app.services.roster.importing import REQUIRED
from broker_app.ui.errors import user_message
from broker_app.ui.import_wizard.preview_model import PreviewModel, column_letter
from broker_app.ui.import_wizard.problems import problem_text
from broker_app.ui.import_wizard.state import PREVIEW_ROWS, ImportState
from broker_app.ui.worker_editor.fields import ERROR_STYLE

_GRID_COLUMNS = 3
#: Preview columns grow with their content up to this many Chinese characters.
_WIDEST_COLUMN = 16


class MappingPage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("核对列的对应关系"))
        self.setSubTitle(
            self.tr(
                "每项信息取自表格的哪一列，已按表头自动认出，认错了可以改。"
                "下面是前 {0} 行的检查结果，红色表示有误。"
            ).format(PREVIEW_ROWS)
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("开始导入"))
        self.combos: dict[str, QComboBox] = {}
        grid_holder = QWidget(self)
        self.grid = QGridLayout(grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for index, field in enumerate(ROSTER_HEADER_SYNONYMS):
            combo = QComboBox(grid_holder)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.activated.connect(self._mapping_changed)
            self.combos[field] = combo
            label = QLabel(_field_title(field), grid_holder)
            if field in REQUIRED:
                label.setText(f"{_field_title(field)}<span style='color:#c62828'> *</span>")
            label.setBuddy(combo)
            row, col = divmod(index, _GRID_COLUMNS)
            self.grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(combo, row, col * 2 + 1)
        for col in range(_GRID_COLUMNS):
            self.grid.setColumnStretch(col * 2 + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(grid_holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(ERROR_STYLE)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.table, 1)
        lower_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(scroll)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def initializePage(self) -> None:
        preview = self.state.preview
        assert preview is not None
        header = preview.header
        width = max([len(r.cells) for r in preview.rows] + [max(header.labels, default=-1) + 1])
        for field, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("（不导入）"), None)
            for column in range(width):
                label = header.labels.get(column, "")
                combo.addItem(
                    self.tr("{0}列 {1}").format(column_letter(column), label).strip(), column
                )
            combo.setCurrentIndex(max(0, combo.findData(header.columns.get(field, -1))))
        self._show()

    def isComplete(self) -> bool:
        return all(self.combos[field].currentData() is not None for field in REQUIRED)

    def mapping(self) -> dict[str, int]:
        return {
            field: int(combo.currentData())
            for field, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def set_column(self, field: str, column: int | None) -> None:
        """Map ``field`` to a column (None: do not import it), as a choice in its box would."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(column)) if column is not None else 0)
        self._mapping_changed()

    def _mapping_changed(self, *_args: object) -> None:
        self.completeChanged.emit()
        if not self.isComplete():
            self.summary.setText(self.tr("请为带 * 的项选择所在的列"))
            self.summary.setStyleSheet(ERROR_STYLE)
            return
        self.state.mapping = self.mapping()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.state.load_preview()
        except Exception as exc:
            self.summary.setText(user_message(exc))
            self.summary.setStyleSheet(ERROR_STYLE)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()

    def _show(self) -> None:
        self.model.set_preview(self.state.preview)
        shown = self.model.rowCount()
        bad = self.model.problem_rows()
        header_row = self.state.preview.header.row_number if self.state.preview else 0
        text = self.tr(
            "表头在第 {0} 行。前 {1} 行数据中，{2} 行有误（标红，点一下那一行可看原因）。"
        ).format(header_row, shown, bad)
        if not bad:
            text = self.tr("表头在第 {0} 行。前 {1} 行数据都正确。").format(header_row, shown)
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if bad else "")
        self.detail.clear()
        # A preview has at most PREVIEW_ROWS rows: measuring them is cheap.
        self.table.resizeColumnsToContents()
        widest = self.fontMetrics().horizontalAdvance("中") * _WIDEST_COLUMN
        for column in range(self.model.columnCount()):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        outcome = self.model.outcome(current.row()) if current.isValid() else None
        if outcome is None or not outcome.problems:
            self.detail.clear()
            return
        reasons = "；".join(problem_text(p) for p in outcome.problems)
        self.detail.setText(self.tr("第 {0} 行：{1}").format(outcome.row_number, reasons))


def _field_title(field: str) -> str:
    return QCoreApplication.translate("labels", ROSTER_HEADER_SYNONYMS[field][0])
