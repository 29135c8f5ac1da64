"""What the process settles first, before any library loads: the Windows version it can
run on, and output that does not crash on Chinese text.

Standard library only: on a Windows that is too old, Qt's DLLs cannot even load, so the
check must run before anything imports PySide6.
"""

from __future__ import annotations

import io
import sys
from typing import NamedTuple

#: Windows 10 version 1703 (build 15063) is the first with the system ICU (icuuc.dll),
#: which Qt 6.10 and later (PySide6 >= 6.10) load at start.
MIN_WINDOWS_BUILD = 15063
MIN_WINDOWS_NAME = "Windows 10 1703"
#: The exit code when the app refuses to start on an older Windows.
EXIT_UNSUPPORTED = 3
#: Text every stream must be able to write; the app prints Chinese.
_SAMPLE = "劳务驿站"


class WindowsVersion(NamedTuple):
    major: int
    minor: int
    build: int


def unsupported_windows_message(version: WindowsVersion) -> str | None:
    """The Chinese refusal for a Windows older than the minimum, else None."""
    if (version.major, version.build) >= (10, MIN_WINDOWS_BUILD):
        return None
    return (
        f"劳务驿站需要 {MIN_WINDOWS_NAME} 或更新的 Windows"
        f"（版本号 10.0.{MIN_WINDOWS_BUILD} 以上），"
        f"本机是 {version.major}.{version.minor}.{version.build}，无法运行。"
        "请升级 Windows，或换一台电脑安装。数据没有任何改动。"
    )


def refuse_unsupported_windows() -> None:
    """On a too old Windows: say so in Chinese and exit with EXIT_UNSUPPORTED."""
    if sys.platform != "win32":
        return
    running = sys.getwindowsversion()
    message = unsupported_windows_message(
        WindowsVersion(running.major, running.minor, running.build)
    )
    if message is None:
        return
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)
    else:
        # The window program has no console: a message box is all the broker sees.
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, "劳务驿站", 0x10)
    raise SystemExit(EXIT_UNSUPPORTED)


def use_readable_output() -> None:
    """stdout and stderr that can write Chinese.

    Output to a pipe or file is encoded in the ANSI code page on Windows (cp1252 on an
    English Windows), which has no Chinese: ``--help`` would die with UnicodeEncodeError.
    Such a stream is switched to UTF-8, which every reader of our output understands; a
    stream that can already write Chinese (a console, code page 936) is left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None in the window program; replaced streams in tests
        try:
            _SAMPLE.encode(stream.encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8", errors="replace")
