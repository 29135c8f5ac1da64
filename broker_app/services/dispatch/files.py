"""Where a folder-mode export puts its files: safe, distinct file names per batch, and
a staging folder so the files appear all together or not at all (see
``dispatch_export`` for the guarantees)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.store.repositories.dispatch import BatchRow

_FOLDER_MODE = 0o755
# Characters Windows refuses in file names, and names it reserves.
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_MAX_STEM = 80


def batch_file_names(batches: Sequence[BatchRow]) -> list[str]:
    """A safe, distinct .xlsx file name per batch: departure day and batch name."""
    taken: set[str] = set()
    names = []
    for batch in batches:
        stem = _BAD_FILE_CHARS.sub("_", batch.name).strip().rstrip(". ")
        day = batch.departure_date.isoformat() if batch.departure_date else "未定日期"
        if not stem.startswith(day):
            stem = f"{day} {stem}".strip()
        stem = f"{stem[:_MAX_STEM].rstrip('. ')}_劳务输出名单"
        if stem.split(".")[0].casefold() in _RESERVED:
            stem = f"_{stem}"
        candidate, number = stem, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}({number})"
            number += 1
        taken.add(candidate.casefold())
        names.append(candidate + ".xlsx")
    return names


class Staging:
    """A hidden folder where the files are written before they all move into place."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fresh = not folder.exists()
        if not self.fresh and not folder.is_dir():
            raise WorkbookError(
                f"“{folder.name}”已存在且不是文件夹，请换一个名称。",
                f"{folder}: exists and is not a folder",
                Problem.WRITE_FAILED,
            )
        parent = folder.parent if self.fresh else folder
        if not parent.is_dir():
            raise WorkbookError(
                f"保存位置“{parent}”不存在，请重新选择保存位置。",
                f"{parent}: destination folder does not exist",
                Problem.WRITE_FAILED,
            )
        try:
            self.path = Path(
                tempfile.mkdtemp(prefix=f".{folder.name[:60]}.", suffix=".tmp", dir=parent)
            )
        except OSError as exc:
            raise WorkbookError(
                f"无法在“{parent}”中保存：请换一个保存位置后重试。",
                f"{parent}: cannot create staging folder: {exc!r}",
                Problem.WRITE_FAILED,
            ) from exc
        self._done = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._done:
            shutil.rmtree(self.path, ignore_errors=True)

    def commit(self, names: Sequence[str]) -> None:
        """Move every staged file to the destination folder."""
        if self.fresh and not self.folder.exists():
            os.chmod(self.path, _FOLDER_MODE)
            os.replace(self.path, self.folder)
            self._done = True
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.replace(self.path / name, self.folder / name)
            except OSError as exc:
                raise WorkbookError(
                    f"“{name}”正在被 Excel 或 WPS 打开，或无法写入；请关闭它后再导出一次。",
                    f"{self.folder / name}: replace failed: {exc!r}",
                    Problem.FILE_IN_USE,
                ) from exc
        with suppress(OSError):
            self.path.rmdir()
        self._done = True
