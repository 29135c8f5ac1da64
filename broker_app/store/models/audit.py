"""The privacy audit log: who exported or revealed personal data, and when.

Local only: it never travels over sync (it records what happened on this PC) and it
never holds the personal data itself, only what kind of thing was done to which
record or file and how many rows went out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    #: The station's operator (经纪人) at the time; empty when none is set.
    operator: Mapped[str] = mapped_column(String(64), default="")
    #: ``export`` or ``reveal`` (see ``services.audit``).
    action: Mapped[str] = mapped_column(String(16))
    #: What was exported or looked at: 花名册, 劳务输出名单, 就业帮扶台账, 帮扶预警, 劳动力.
    subject: Mapped[str] = mapped_column(String(32))
    #: A record id (reveal) or the file or folder written (export).
    target: Mapped[str] = mapped_column(Text, default="")
    rows: Mapped[int | None] = mapped_column(Integer)
    #: Whether full ID numbers, phones and priority groups were shown or written.
    full: Mapped[bool] = mapped_column(default=False)
    #: Where it happened: 窗口 (the desktop app) or 命令行 (the CLI).
    channel: Mapped[str] = mapped_column(String(16), default="")

    __table_args__ = (Index("ix_audit_log_at", "at"),)
