"""``--self-test`` run from source: the report, and a failing step's exit code."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from broker_app import selftest
from broker_app.selftest import SelfTestFailed, run_self_test

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_from_source_passes_and_reports_each_step(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "broker_app", "--data-dir", str(data), "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for label, _step in selftest.STEPS:
        assert f"通过  {label}：" in result.stdout
    assert "内嵌字体 LaborStationSansSC-Regular" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("自检通过")
    # The station's own data folder is never touched.
    assert not data.exists()


def test_a_failing_step_exits_1_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")

    def broken(_run: object) -> str:
        raise SelfTestFailed("维权卡 PDF 没有嵌入字体")

    monkeypatch.setattr(selftest, "STEPS", (("维权卡", broken),))
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "失败  维权卡：维权卡 PDF 没有嵌入字体" in out.getvalue()
    assert out.getvalue().rstrip().endswith("自检未通过")
