"""The privacy audit log (审计日志): every export of personal data and every reveal of
a masked record, with the operator and the time.

An entry names what was done (export / reveal), to what (花名册, 劳务输出名单…), the
file or the record id, and how many rows; never an ID number, phone or name. The
log is local to this PC and is not synced. Export services write their entry after
the file is complete; ``channel`` says whether the window or the CLI did it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from broker_app.store.models.audit import AuditEntry
from broker_app.store.repositories import audit as audit_repo
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

log = logging.getLogger(__name__)

EXPORT: Final = "export"
REVEAL: Final = "reveal"
ACTION_LABELS: Final = {EXPORT: "导出", REVEAL: "显示完整信息"}

CHANNEL_APP: Final = "窗口"
CHANNEL_CLI: Final = "命令行"

# What an entry is about (its ``subject``).
ROSTER: Final = "花名册"
DISPATCH_LIST: Final = "劳务输出名单"
LEDGER: Final = "就业帮扶台账"
WATCH_LIST: Final = "帮扶预警名单"
WORKER: Final = "劳动力"
WORKER_LIST: Final = "劳动力列表"
WAGE_CLUE: Final = "欠薪线索"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    operator: str
    action: str
    subject: str
    target: str
    rows: int | None
    full: bool
    channel: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "operator": self.operator,
            "action": self.action,
            "subject": self.subject,
            "target": self.target,
            "rows": self.rows,
            "full": self.full,
            "channel": self.channel,
        }


class AuditService:
    def __init__(
        self,
        store: Store,
        *,
        channel: str = CHANNEL_APP,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.store = store
        self.channel = channel
        self._now = now

    def record_export(self, subject: str, target: Path | str, rows: int, *, full: bool) -> None:
        """An export of ``rows`` people to the file or folder ``target``."""
        self._record(EXPORT, subject, str(target), rows, full)

    def record_reveal(self, record_id: str, *, subject: str = WORKER) -> None:
        """The broker chose to see one record's ID number, phone and 帮扶身份 in full."""
        self._record(REVEAL, subject, record_id, None, True)

    def entries(self, limit: int | None = None) -> list[AuditRecord]:
        """Newest first."""
        with self.store.read() as session:
            return [_record(row) for row in audit_repo.newest(session, limit)]

    def count(self) -> int:
        with self.store.read() as session:
            return audit_repo.count(session)

    def _record(self, action: str, subject: str, target: str, rows: int | None, full: bool) -> None:
        with self.store.write() as session:
            operator = get_station(session).operator_name
            session.add(
                AuditEntry(
                    at=self._now().replace(microsecond=0),
                    operator=operator,
                    action=action,
                    subject=subject,
                    target=target,
                    rows=rows,
                    full=full,
                    channel=self.channel,
                )
            )
        log.info("audit: %s %s %s rows=%s full=%s", action, subject, target, rows, full)


def _record(row: AuditEntry) -> AuditRecord:
    return AuditRecord(
        row.id,
        row.at,
        row.operator,
        row.action,
        row.subject,
        row.target,
        row.rows,
        row.full,
        row.channel,
    )
