"""关于: the app's icon, name and version, and where this station keeps its data, so a
broker can read them out to support over the phone."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from broker_app.paths import resource_path
from broker_app.ui.context import AppContext
from broker_app.version import VERSION

ICON_PIXELS = 96


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于劳务驿站"))
        icon = QLabel(self)
        picture = QPixmap(str(resource_path("icons", "labor-station.png")))
        if not picture.isNull():
            icon.setPixmap(
                picture.scaled(
                    ICON_PIXELS,
                    ICON_PIXELS,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.title = QLabel(self.tr("劳务驿站"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.version = QLabel(self.tr("版本 {0}").format(VERSION), self)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr("农村劳动力实名台账、岗位匹配、劳务输出与维权卡"), self)
        self.data_folder = QLabel(self.tr("数据文件夹：{0}").format(ctx.data_dir), self)
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_folder.setWordWrap(True)
        qt = QLabel(self.tr("界面组件：Qt {0}").format(pyside_version), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        for label in (self.title, self.version, purpose, self.data_folder, qt):
            text.addWidget(label)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
