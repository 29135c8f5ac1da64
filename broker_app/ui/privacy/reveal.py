"""显示完整信息 of one worker in a list (the roster, the matches, a recommendation):
written to the audit log before anything is shown, as in the worker editor."""

from __future__ import annotations

from broker_app.services.audit import AuditService
from broker_app.ui.context import AppContext


def audit_reveal(ctx: AppContext, worker_id: str) -> None:
    """Record that the broker asked to see ``worker_id``'s personal data in full."""
    AuditService(ctx.store).record_reveal(worker_id)
