"""Card wording, translated in the "RightsCard" context (the Chinese is the source)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from broker_app.domain.projects.cards import ComplaintPhone


def tr(text: str) -> str:
    return QCoreApplication.translate("RightsCard", text)


def phone_label(line: ComplaintPhone) -> str:
    return {
        "hrss": tr("劳动保障监察"),
        "housing": tr("住建部门"),
        "national": tr("人社热线"),
    }.get(line.kind, tr("维权电话"))


def wage_text(min_wage: int | None, pay_day: int | None) -> str:
    parts = []
    if min_wage:
        parts.append(tr("最低工资 %1元/月").replace("%1", str(min_wage)))
    if pay_day:
        parts.append(tr("工资支付日 每月%1日").replace("%1", str(pay_day)))
    return "　".join(parts)


def valid_until(expiry: date) -> str:
    return tr("有效期至 %1").replace("%1", expiry.isoformat())


def serial_text(serial: int) -> str:
    return tr("卡号 %1").replace("%1", f"{serial:06d}")
