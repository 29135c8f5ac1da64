"""File sizes as brokers read them on their phones' data plans: KB, MB, GB (1024
based, like Windows Explorer), never Qt's KiB/MiB."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_UNITS = ("KB", "MB", "GB")


def file_size_text(size: int) -> str:
    if size < 1024:
        return QCoreApplication.translate("sizes", "{0} 字节").format(size)
    value = float(size)
    for unit in _UNITS:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")
