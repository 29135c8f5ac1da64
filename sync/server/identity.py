"""Who is writing: an enrolled station (scope-checked) or the server itself."""

from __future__ import annotations

from dataclasses import dataclass

from sync.server.scope import Scope

#: Node id in the stamps of the server's own writes (conflict resolutions, merges).
SERVER_NODE = "server"


@dataclass(frozen=True)
class Writer:
    station_id: str
    node_id: str
    #: None for the server's own writes, which may touch any record.
    scope: Scope | None

    @staticmethod
    def server() -> Writer:
        return Writer(SERVER_NODE, SERVER_NODE, None)

    def can_write(self, org_code: str) -> bool:
        return self.scope is None or self.scope.can_write(org_code)

    def can_read(self, record_type: str, org_code: str) -> bool:
        return self.scope is None or self.scope.can_read(record_type, org_code)
