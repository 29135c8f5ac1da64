"""Where the bundled read-only files are (divisions, fonts, translations, templates).

Here, in the domain, because the domain's rules read the division lists and must not
import ``broker_app.paths`` (platformdirs, the user's folders); ``paths`` re-exports
these two. Works inside a PyInstaller build too (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """The folder holding divisions, fonts, translations and templates."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    # broker_app/domain/common/resources.py -> the repository (or install) root
    return Path(__file__).resolve().parents[3] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource_path("divisions", "x.csv")``."""
    return resources_root().joinpath(*parts)
