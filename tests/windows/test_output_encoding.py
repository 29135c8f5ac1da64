"""Chinese output to a pipe on a Windows whose code page has no Chinese (issue 19, bug 2).

On Windows, output to a pipe or file is encoded in the ANSI code page: cp1252 on an
English Windows. The same happens here when the encoding is forced, so the bug shows
on Linux too: without the fix ``--help`` dies with UnicodeEncodeError.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_help_in_chinese_through_a_pipe_with_a_code_page_without_chinese(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "broker_app", "--help"],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "劳务驿站" in result.stdout.decode("utf-8")


def test_an_error_message_in_chinese_reaches_stderr(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "broker_app", "--data-dir", str(tmp_path), "restore",
         str(tmp_path / "没有这个备份.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert "找不到备份文件" in err and "没有这个备份" in err
