"""Record ids and field stamps: the two values every merge decision rests on."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from sync.hlc import MAX_DRIFT_MS, HybridClock, Stamp, clamp_stamp
from sync.ids import uuid7


def test_uuid7_is_a_valid_time_ordered_uuid() -> None:
    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122 and str(parsed) == ids[0]


def test_clock_never_goes_back_even_when_the_wall_clock_does() -> None:
    wall = [1_700_000_000_000]
    clock = HybridClock("node-a", wall_ms=lambda: wall[0])
    first = clock.now()
    wall[0] -= 60_000  # someone set the PC clock back a minute
    second = clock.now()
    assert second > first


def test_observing_a_remote_stamp_moves_past_it() -> None:
    clock = HybridClock("node-a", wall_ms=lambda: 1_000)
    remote = Stamp(5_000, 3, "node-b").encode()
    assert clock.observe(remote)
    assert clock.now() > remote


def test_a_stamp_far_in_the_future_is_clamped_not_adopted() -> None:
    clock = HybridClock("node-a", wall_ms=lambda: 1_000)
    future = Stamp(1_000 + MAX_DRIFT_MS * 10, 0, "node-b").encode()
    assert not clock.observe(future)
    assert Stamp.decode(clock.now()).millis <= 1_000 + MAX_DRIFT_MS + 1
    clamped, flagged = clamp_stamp(future, 1_000)
    assert flagged and Stamp.decode(clamped).millis == 1_000 + MAX_DRIFT_MS


@given(
    st.lists(
        st.tuples(st.integers(0, 2**40), st.integers(0, 0xFFFF), st.sampled_from("abc")), min_size=2
    )
)
def test_string_order_of_stamps_is_their_hlc_order(parts: list[tuple[int, int, str]]) -> None:
    stamps = [Stamp(ms, counter, node) for ms, counter, node in parts]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
