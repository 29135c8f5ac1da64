"""The open station database as the entry points hold it.

The window and the CLI open one ``Store`` per data folder and pass it, unopened, to the
service constructors (``WorkerService(store)``); they never query it. This module is
how they name and open it without importing the storage layer.
"""

from __future__ import annotations

from broker_app.store.store import Store as Store
from broker_app.store.store import open_store as open_station_data

__all__ = ["Store", "open_station_data"]
