"""Workers who moved to a unit outside this station's scope: the one line kept each.

The person's records were deleted here when the channel server reported the move
(``store.repositories.departures``); what remains says only where to and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from broker_app.domain.org.place import place_name
from broker_app.store.repositories import departures
from broker_app.store.store import Store


@dataclass(frozen=True)
class MovedOutLine:
    worker_id: str
    #: 太平镇 庄里村 (the code when unknown, empty when the server did not say).
    to_place: str
    moved_on: date

    @property
    def text(self) -> str:
        """已迁出至 太平镇 庄里村（2026-12-05）."""
        return f"已迁出至 {self.to_place or '其他单位'}（{self.moved_on.isoformat()}）"


def moved_out_lines(store: Store, limit: int = 200) -> list[MovedOutLine]:
    """The moved-out lines, newest first."""
    with store.read() as session:
        rows = departures.moved_out(session, limit)
        return [
            MovedOutLine(
                row.worker_id,
                place_name(row.to_org_code).replace(" / ", " ") if row.to_org_code else "",
                row.moved_on,
            )
            for row in rows
        ]
