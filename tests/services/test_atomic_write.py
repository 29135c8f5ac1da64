"""The one way files are written: whole or not at all, scratch files swept."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from broker_app.atomic_write import STALE_AFTER_SECONDS, atomic_path, sweep_scratch, write_text


def test_the_target_holds_the_old_file_until_the_new_one_is_whole(tmp_path: Path) -> None:
    target = tmp_path / "window.ini"
    write_text(target, "old\r\n")
    with pytest.raises(RuntimeError), atomic_path(target) as scratch:
        scratch.write_text("half", encoding="utf-8")
        assert target.read_bytes() == b"old\r\n"
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["window.ini"]
    write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["window.ini"]


@pytest.mark.skipif(os.name != "posix", reason="permissions")
def test_the_final_mode_is_applied(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    with atomic_path(target, mode=0o640) as scratch:
        scratch.write_bytes(b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_killed_writers_scratch_files_are_swept_at_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "station.sqlite3"
    stale = tmp_path / ".station.sqlite3.0badf00d.part"
    stale_journal = tmp_path / ".station.sqlite3.0badf00d.part-journal"
    running = tmp_path / ".station.sqlite3.12345678.part"  # another writer, still going
    other = tmp_path / ".other.sqlite3.0badf00d.part"
    for path in (stale, stale_journal, running, other):
        path.write_bytes(b"half")
    long_ago = time.time() - STALE_AFTER_SECONDS - 60
    for path in (stale, stale_journal, other):
        os.utime(path, (long_ago, long_ago))
    write_text(target, "whole")
    assert target.read_text(encoding="utf-8") == "whole"
    assert not stale.exists() and not stale_journal.exists()
    assert running.exists() and other.exists()
    assert sweep_scratch(tmp_path / "missing-folder" / "x") == []
