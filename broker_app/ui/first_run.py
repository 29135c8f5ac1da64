"""The first start: choose which village, township or county this station serves, by
hand (works offline) or by enrolling with the county's sync server."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.station_dialog import StationDialog
from broker_app.ui.sync.enrol_form import EnrolForm


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

        enrol_page = QWidget(self)
        enrol_intro = QLabel(
            self.tr(
                "如果县人社局已发给本驿站注册码，可在这里注册（需要联网）："
                "所属单位按服务器登记的设置，之后再回到“选择所属单位”填写经纪人。"
            ),
            enrol_page,
        )
        enrol_intro.setWordWrap(True)
        self.enrol_form = EnrolForm(ctx, enrol_page)
        enrol_layout = QVBoxLayout(enrol_page)
        enrol_layout.addWidget(enrol_intro)
        enrol_layout.addWidget(self.enrol_form)
        enrol_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        layout = self.layout()
        if layout is not None:
            layout.replaceWidget(self.form, self.tabs)
        self.tabs.addTab(self.form, self.tr("选择所属单位"))
        self.tabs.addTab(enrol_page, self.tr("用注册码注册"))
        self.enrol_form.enrolled.connect(lambda _result: self._enrolled())

    def _enrolled(self) -> None:
        self.reload_station()
        # The server decided the org unit: choosing another would put the station's
        # records outside what it may send.
        self.form.search_box.setEnabled(False)
        self.form.results.setEnabled(False)
        self.tabs.setCurrentIndex(0)
        self.form.operator_box.setFocus()
        self.ok_button.setEnabled(self.form.is_complete())


def ensure_station_configured(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Ask for the org unit on the first start; False if the broker quits instead."""
    if StationService(ctx.store).info().configured:
        return True
    return FirstRunDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted
