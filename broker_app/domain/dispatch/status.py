"""How a 劳务输出批次 moves: 筹备 -> 已出发 -> 已到岗 -> 结束.

- 筹备: the group is being put together; members may be added and removed.
- 已出发: the group left on the departure day. Members may still be corrected
  (someone did not get on the bus, someone joined at the last stop), because the
  dispatch list must say who really went.
- 已到岗: the group reported to the employer. The list is now a record: members
  are fixed.
- 结束: the organised stint is over (seasonal work done, the group came home, or
  the station simply closes the file). Only the notes can still change.

Moves go forward only; 已到岗 may be skipped (已出发 -> 结束) for a trip nobody
reports back on. A batch that never leaves is cancelled by archiving it while still
筹备, so every batch at 已出发 or beyond really departed: the monthly statistics
count departures from the status and departure date alone.

A worker can be in one *active* batch (筹备 / 已出发 / 已到岗) at a time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.common.errors import FieldError

ACTIVE: Final = frozenset({BatchStatus.PREPARING, BatchStatus.DEPARTED, BatchStatus.ARRIVED})
ACTIVE_VALUES: Final = frozenset(status.value for status in ACTIVE)
#: Statuses in which the group has left: it counts as exported (劳务输出).
DEPARTED: Final = frozenset({BatchStatus.DEPARTED, BatchStatus.ARRIVED, BatchStatus.FINISHED})
DEPARTED_VALUES: Final = frozenset(status.value for status in DEPARTED)
#: Statuses in which members may be added or removed.
MEMBERS_EDITABLE: Final = frozenset({BatchStatus.PREPARING, BatchStatus.DEPARTED})

TRANSITIONS: Final[Mapping[BatchStatus, frozenset[BatchStatus]]] = {
    BatchStatus.PREPARING: frozenset({BatchStatus.DEPARTED}),
    BatchStatus.DEPARTED: frozenset({BatchStatus.ARRIVED, BatchStatus.FINISHED}),
    BatchStatus.ARRIVED: frozenset({BatchStatus.FINISHED}),
    BatchStatus.FINISHED: frozenset(),
}

_BY_TEXT: Final = {m.value: m for m in BatchStatus} | {m.label: m for m in BatchStatus}


def batch_status(text: str) -> BatchStatus | None:
    """The status stored as or labelled ``text`` (筹备 or preparing), else None."""
    return _BY_TEXT.get(text.strip())


def next_batch_statuses(current: str) -> list[BatchStatus]:
    """Statuses a batch may move to from ``current``, in declaration order."""
    status = batch_status(current)
    allowed = TRANSITIONS.get(status, frozenset()) if status else frozenset()
    return [s for s in BatchStatus if s in allowed]


def check_batch_transition(current: str, new: str) -> BatchStatus:
    """The target status, or FieldError saying in Chinese why the move is refused."""
    target = batch_status(new)
    source = batch_status(current)
    if target is None or source is None:
        raise FieldError(
            "status", f"未知的批次状态：{new}", f"unknown batch status {new!r}", reason="unknown"
        )
    if target in TRANSITIONS[source]:
        return target
    if source is BatchStatus.FINISHED:
        message = "批次已结束，不能再改变状态"
    elif target is source:
        message = f"批次已是“{source.label}”"
    elif target is BatchStatus.PREPARING:
        message = f"批次已{source.label}，不能退回“筹备”；未成行的批次请在筹备时取消"
    else:
        message = f"批次状态不能从“{source.label}”改为“{target.label}”"
    raise FieldError(
        "status", message, f"batch status {source.value} -> {target.value} refused", reason="move"
    )


def check_members_editable(status: str) -> None:
    """FieldError unless members of a batch in ``status`` may change."""
    current = batch_status(status)
    if current in MEMBERS_EDITABLE:
        return
    label = current.label if current else status
    raise FieldError(
        "members",
        f"批次已“{label}”，人员名单不能再修改",
        f"members of a batch in status {status!r} are fixed",
        reason="fixed",
    )
