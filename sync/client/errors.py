"""Why a sync round could not talk to the server; each carries Chinese and English."""

from __future__ import annotations

from broker_app.domain.common.errors import UserError


class SyncError(UserError):
    def __str__(self) -> str:
        return self.message_en  # the sync log and the server's answers quote it


class ServerUnreachable(SyncError):
    """No answer (network down, server down, timeouts) after the retries."""


class NoConnection(ServerUnreachable):
    """No connection at all (network down, server down, timeouts). Its message says a
    sync round retries by itself; a one-off call (enrolment) says otherwise."""


class ServerError(ServerUnreachable):
    """The server answered 5xx (after the retries); ``status`` is the HTTP status."""

    def __init__(self, message: str, message_en: str, status: int) -> None:
        super().__init__(message, message_en)
        self.status = status


class AuthRejected(SyncError):
    """The credential is missing, wrong or revoked (401), or enrolment was refused."""


class VersionRejected(SyncError):
    """The server does not speak this program's protocol or schema version."""


class ServerFailed(SyncError):
    """The server answered with an error this client cannot act on."""


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "本驿站尚未注册到服务器，请先用注册码注册",
            "this station is not enrolled with a server",
        )
