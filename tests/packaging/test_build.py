"""The one-folder build: scripts/build_app.py builds it and the built binary self-tests.

About 30 s on a 2-core machine, so it runs with the rest of the suite (no opt-in).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from broker_app.selftest import STEPS

ROOT = Path(__file__).resolve().parents[2]
CLI = "labor-station-cli.exe" if os.name == "nt" else "labor-station-cli"


@pytest.mark.slow
def test_built_app_passes_its_self_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    try:
        result = _build(dist, work)
        built = (dist / "LaborStation" / CLI).is_file()
    finally:
        # Some 230 MB: not worth keeping among pytest's last temporary folders.
        shutil.rmtree(tmp_path, ignore_errors=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert built
    assert result.stdout.count("通过  ") == len(STEPS)
    assert "自检通过" in result.stdout
    assert "通过  维权卡：" in result.stdout


def _build(dist: Path, work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_app.py"),
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
