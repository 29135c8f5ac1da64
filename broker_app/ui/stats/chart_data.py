"""What each chart of the 统计 page shows, built from the services' figures.

Only labels, colours and order are decided here; every number is passed through
from ``services.stats.monthly`` (via ``stats_overview``), ``stats_trends`` or
``stats_training`` untouched, so the page and the 月度统计表 show the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from broker_app.domain.common.enums import EmploymentStatus, MatchStatus, PlaceTier
from broker_app.services.stats.monthly import WORK_TIERS
from broker_app.services.stats.overview import Overview, PriorityRow
from broker_app.services.stats.training import TrainingProgress
from broker_app.services.stats.trends import ExportMonth, MatchMonths
from broker_app.ui.charts import palette
from broker_app.ui.charts.data import ChartData, Series
from broker_app.ui.charts.scale import count_text, percent_text
from broker_app.ui.i18n import enum_label

_CONTEXT = "StatsCharts"

MATCH_COLORS = {
    MatchStatus.RECOMMENDED: palette.BLUE,
    MatchStatus.CONTACTED: palette.TEAL,
    MatchStatus.INTERVIEW: palette.YELLOW,
    MatchStatus.HIRED: palette.PURPLE,
    MatchStatus.ON_DUTY: palette.GREEN,
    MatchStatus.LEFT: palette.ORANGE,
    MatchStatus.REJECTED: palette.RED,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_chart(overview: Overview) -> ChartData:
    """People by 就业状态 (every status, the roster now)."""
    total = overview.total
    statuses = list(EmploymentStatus)
    values = tuple(float(total.by_status.get(s.value, 0)) for s in statuses)
    return ChartData(
        categories=tuple(enum_label(s) for s in statuses),
        series=(Series(_tr("人数"), values, palette.BLUE),),
        notes=tuple(_share(v, total.workers, _tr("占劳动力")) for v in values),
        keys=tuple(s.value for s in statuses),
    )


def tier_chart(overview: Overview) -> ChartData:
    """The employed by 务工地域."""
    total = overview.total
    tiers = [tier for tier in PlaceTier if tier.value in WORK_TIERS]
    values = tuple(float(total.by_tier.get(t.value, 0)) for t in tiers)
    return ChartData(
        categories=tuple(enum_label(t) for t in tiers),
        series=(Series(_tr("人数"), values, palette.TEAL),),
        notes=tuple(_share(v, total.employed, _tr("占已就业")) for v in values),
        keys=tuple(t.value for t in tiers),
    )


def priority_chart(rows: Sequence[PriorityRow]) -> ChartData:
    """Employed and not employed, stacked, per group / village / township."""
    return ChartData(
        categories=tuple(row.name for row in rows),
        series=(
            Series(_tr("已就业"), tuple(float(r.employed) for r in rows), palette.GREEN),
            Series(_tr("未就业"), tuple(float(r.not_employed) for r in rows), palette.ORANGE),
        ),
        notes=tuple(_share(r.employed, r.total, _tr("就业率")) for r in rows),
        keys=tuple(row.code for row in rows),
    )


def match_chart(moves: MatchMonths) -> ChartData:
    """Moves to each match status, month by month."""
    return ChartData(
        categories=tuple(_tr("{0}月").format(m.month) for m in moves.months),
        series=tuple(
            Series(
                enum_label(status),
                tuple(float(v) for v in moves.moves.get(status.value, ())),
                MATCH_COLORS[status],
            )
            for status in MatchStatus
        ),
        notes=tuple(m.label for m in moves.months),
        keys=tuple(str(m) for m in moves.months),
    )


def export_chart(months: Sequence[ExportMonth]) -> ChartData:
    """People exported per month, 脱贫人口（含监测对象） stacked under the others."""
    return ChartData(
        categories=tuple(_tr("{0}月").format(m.month.month) for m in months),
        series=(
            Series(
                _tr("脱贫人口（含监测对象）"),
                tuple(float(m.priority) for m in months),
                palette.ORANGE,
            ),
            Series(_tr("其他人员"), tuple(float(m.others) for m in months), palette.BLUE),
        ),
        notes=tuple(
            _tr("{0}，输出批次：{1} 批").format(m.month.label, count_text(m.batches))
            for m in months
        ),
        keys=tuple(str(m.month) for m in months),
    )


def training_chart(progress: TrainingProgress) -> ChartData:
    """The year's trainings per target line, with the station's targets marked."""
    lines = progress.lines
    notes = []
    for line in lines:
        parts = []
        if line.line.city_target:
            parts.append(
                _tr("济宁市全年目标 {0} 人次（实施方案{1}）").format(
                    count_text(line.line.city_target), line.line.source
                )
            )
        if line.target:
            parts.append(
                _tr("本驿站目标 {0} 人次，已完成 {1}").format(
                    count_text(line.target), percent_text(line.share or 0.0)
                )
            )
        notes.append("<br>".join(parts))
    return ChartData(
        categories=tuple(QCoreApplication.translate("labels", line.line.label) for line in lines),
        series=(
            Series(_tr("培训人次"), tuple(float(line.trained) for line in lines), palette.BLUE),
        ),
        notes=tuple(notes),
        targets=tuple(float(line.target) if line.target else None for line in lines),
        keys=tuple(line.line.key for line in lines),
    )


def training_label(progress: TrainingProgress, index: int) -> str:
    """ "2,631 / 3,000（87.7%）" with a target, "2,631" without."""
    line = progress.lines[index]
    if not line.target:
        return count_text(line.trained)
    share = percent_text(line.share or 0.0)
    return _tr("{0} / {1}（{2}）").format(count_text(line.trained), count_text(line.target), share)


def _share(value: float, whole: int, what: str) -> str:
    return f"{what} {percent_text(value / whole)}" if whole else ""
