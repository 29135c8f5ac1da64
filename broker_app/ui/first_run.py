"""The first start: choose which village, township or county this station serves."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from broker_app.services.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.station_dialog import StationDialog


class FirstRunDialog(StationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("欢迎使用劳务驿站"))
        self.intro.setText(
            self.tr(
                "第一次使用，请先选择本驿站服务的村（社区）、镇街或市级单位，"
                "并填写经纪人的姓名和手机号。以后可以在“设置”里修改。"
            )
        )
        self.ok_button.setText(self.tr("开始使用"))
        self.cancel_button.setText(self.tr("退出"))


def ensure_station_configured(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Ask for the org unit on the first start; False if the broker quits instead."""
    if StationService(ctx.store).info().configured:
        return True
    return FirstRunDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted
