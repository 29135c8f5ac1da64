"""What every subcommand gets: the data folder and, opened on demand, the store."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from broker_app.store.store import Store, open_store


@dataclass
class CliContext:
    data_dir: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.data_dir)
        return self._store

    def open_store(self) -> Store:
        return self.store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def say(self, text: str) -> None:
        print(text, file=self.out)
