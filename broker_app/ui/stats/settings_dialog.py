"""统计设置: the station's own training targets for a year, and the 帮扶预警 rules.

The mission's targets are the whole city's (济宁市); a station only measures
itself against targets it was given, so they are entered here, per year, and
shown as 未设置 until then. Saving writes the station's settings and broadcasts
a change of the station record, so the 统计 page reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.people.watch_urgency import WEEKLY_CAPACITY
from broker_app.services.assistance.watch_list import (
    DEFAULT_FOLLOW_UP_DAYS,
    DEFAULT_JOB_END_DAYS,
    MAX_DAYS,
    RULES_SETTING,
    WatchRules,
    load_rules,
    save_rules,
)
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.stats.training import (
    MAX_TARGET,
    TARGET_LINES,
    TARGETS_SETTING,
    TrainingTargets,
    load_targets,
    save_targets,
)
from broker_app.ui.charts.scale import count_text
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen


class StatsSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.setWindowTitle(self.tr("统计设置"))
        targets = load_targets(ctx.store, year).targets
        rules = load_rules(ctx.store)

        target_box = QGroupBox(self.tr("本驿站 {0} 年培训目标（人次）").format(year), self)
        target_form = QFormLayout(target_box)
        self.target_spins: dict[str, QSpinBox] = {}
        for line in TARGET_LINES:
            if line.city_target is None:
                continue
            spin = QSpinBox(target_box)
            spin.setRange(0, MAX_TARGET)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText(self.tr("未设置"))
            spin.setValue(targets.get(line.key, 0))
            spin.setToolTip(
                self.tr("济宁市全年目标 {0} 人次（实施方案{1}）").format(
                    count_text(line.city_target), line.source
                )
            )
            self.target_spins[line.key] = spin
            target_form.addRow(QCoreApplication.translate("labels", line.label), spin)
        note = QLabel(
            self.tr(
                "实施方案的目标是济宁市全市的；本驿站的目标由上级分解下达后填写，0 表示未设置。"
            ),
            target_box,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666666;")
        target_form.addRow(note)

        rules_box = QGroupBox(self.tr("帮扶预警规则"), self)
        rules_form = QFormLayout(rules_box)
        self.job_end_days = self._days(rules.job_end_days, DEFAULT_JOB_END_DAYS)
        self.follow_up_days = self._days(rules.follow_up_days, DEFAULT_FOLLOW_UP_DAYS)
        rules_form.addRow(self.tr("离岗后多少天内预警"), self.job_end_days)
        rules_form.addRow(self.tr("多少天未跟踪服务即预警"), self.follow_up_days)
        self.weekly_capacity = QSpinBox(self)
        self.weekly_capacity.setRange(1, MAX_DAYS)
        self.weekly_capacity.setSuffix(self.tr(" 人"))
        self.weekly_capacity.setValue(rules.weekly_capacity)
        self.weekly_capacity.setToolTip(
            self.tr("预警名单按紧急程度排序，本周先处理的人数；默认 {0} 人").format(WEEKLY_CAPACITY)
        )
        rules_form.addRow(self.tr("每周可处理人数"), self.weekly_capacity)

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(target_box)
        layout.addWidget(rules_box)
        layout.addWidget(buttons)
        # Qt opens a dialog at most 2/3 of the screen high, which at 1366x768 and 150%
        # squeezes the spin boxes (the wrapped note's height is not in the minimum).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)
        hint = self.sizeHint().expandedTo(self.minimumSize())
        fit_to_screen(self, hint.width(), hint.height())

    def _days(self, value: int, default: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, MAX_DAYS)
        spin.setSuffix(self.tr(" 天"))
        spin.setValue(value)
        spin.setToolTip(self.tr("默认 {0} 天").format(default))
        return spin

    def targets(self) -> TrainingTargets:
        return TrainingTargets(self.year, {k: s.value() for k, s in self.target_spins.items()})

    def rules(self) -> WatchRules:
        return WatchRules(
            self.job_end_days.value(), self.follow_up_days.value(), self.weekly_capacity.value()
        )

    def save(self) -> None:
        store, targets, rules = self.ctx.store, self.targets(), self.rules()

        def write() -> Change:
            save_targets(store, targets)
            save_rules(store, rules)
            return Change(
                RecordKind.STATION, Op.UPDATE, (), frozenset({TARGETS_SETTING, RULES_SETTING})
            )

        def saved(change: Change) -> None:
            self.ctx.broadcast(change)
            self.accept()

        self.ctx.runner.run_db(
            write, saved, lambda exc: show_error(self, exc, self.tr("保存失败")), owner=self
        )
