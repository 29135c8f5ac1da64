"""The minimum Windows version (issue 19, bug 4): Windows 10 1703, build 15063, the first
with the system ICU that Qt 6.10+ loads. Older PCs get a Chinese message, not a system
error. The real refusal, on a Wine prefix set to Windows 8.1, is in the Windows check."""

from __future__ import annotations

import pytest

from broker_app.startup import MIN_WINDOWS_BUILD, WindowsVersion, unsupported_windows_message


@pytest.mark.parametrize(
    "version",
    [
        WindowsVersion(6, 1, 7601),  # Windows 7 SP1
        WindowsVersion(6, 3, 9600),  # Windows 8.1
        WindowsVersion(10, 0, 14393),  # Windows 10 1607: no icuuc.dll yet
    ],
)
def test_older_windows_is_refused_in_chinese(version: WindowsVersion) -> None:
    message = unsupported_windows_message(version)
    assert message is not None
    assert "Windows 10 1703" in message
    assert f"{version.major}.{version.minor}.{version.build}" in message


@pytest.mark.parametrize(
    "version",
    [
        WindowsVersion(10, 0, MIN_WINDOWS_BUILD),  # Windows 10 1703
        WindowsVersion(10, 0, 19045),  # Windows 10 22H2
        WindowsVersion(10, 0, 26100),  # Windows 11 24H2
    ],
)
def test_windows_10_1703_and_later_run(version: WindowsVersion) -> None:
    assert unsupported_windows_message(version) is None
