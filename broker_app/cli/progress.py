"""Progress of a long command on the terminal (stderr, so piped output stays clean)."""

from __future__ import annotations

import sys

from broker_app.services.progress import Progress


def terminal_progress(piped_step: float | None = None) -> Progress:
    """On a terminal, one line rewritten in place. Piped (a log, a scheduled task),
    nothing, or with ``piped_step`` one line each time another such fraction is done
    (and at the end), so a long first sync leaves a readable trace."""
    if sys.stderr.isatty():

        def show(fraction: float, message: str) -> None:
            end = "\n" if fraction >= 1.0 else ""
            print(
                f"\r{round(fraction * 100):3d}% {message:<8}", end=end, file=sys.stderr, flush=True
            )

        return show
    if piped_step is None:
        return lambda _f, _m: None
    step = piped_step
    shown = [-1.0]

    def trace(fraction: float, message: str) -> None:
        if fraction >= 1.0 or fraction >= shown[0] + step:
            shown[0] = fraction
            print(f"{round(fraction * 100):3d}% {message}", file=sys.stderr, flush=True)

    return trace
