"""The card service's HTTP link to the channel server, and the loop that keeps the
feed fresh and forwards the clues it holds."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import requests

from sync.cardlink import CARD_CLUES, CARD_FEED, CARD_PROGRESS
from sync.cardservice.localdb import LocalDB
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION
from sync.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)


class ChannelDown(Exception):
    """The channel server could not be reached or answered with a server error."""


class ClueNotTaken(Exception):
    """The channel server refused a clue for good (4xx): resending will not help."""


@dataclass(frozen=True)
class ChannelLink:
    url: str
    token: str
    #: CA bundle for a county's own certificate authority, or True for the system's.
    verify: str | bool = True
    timeout: float = 10.0
    #: The HTTP session the requests go through (None: a new one per request, as
    #: ``requests.request`` makes); tests give one whose transport is the app itself.
    session: requests.Session | None = field(default=None, compare=False, repr=False)

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token}",
            HEADER_PROTOCOL: str(PROTOCOL_VERSION),
            HEADER_SCHEMA: str(SCHEMA_VERSION),
        }

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        request = requests.request if self.session is None else self.session.request
        try:
            answer = request(
                method,
                self.url.rstrip("/") + path,
                headers=self._headers(),
                timeout=self.timeout,
                verify=self.verify,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise ChannelDown(str(exc)) from exc
        if answer.status_code >= 500 or answer.status_code in (401, 426, 409, 429):
            raise ChannelDown(f"{path}: HTTP {answer.status_code} {answer.text[:200]}")
        return answer

    def feed(self, cursor: int) -> dict[str, Any]:
        answer = self._call("GET", CARD_FEED, params={"cursor": cursor})
        if answer.status_code != 200:
            raise ChannelDown(f"feed: HTTP {answer.status_code}")
        page: dict[str, Any] = answer.json()
        return page

    def send_clue(self, clue: dict[str, Any]) -> str:
        answer = self._call("POST", CARD_CLUES, json=clue)
        if answer.status_code != 200:
            raise ClueNotTaken(f"HTTP {answer.status_code} {answer.text[:300]}")
        return str(answer.json().get("status"))

    def progress(self, query_code: str) -> dict[str, Any] | None:
        answer = self._call("GET", f"{CARD_PROGRESS}/{query_code}")
        if answer.status_code == 404:
            return None
        if answer.status_code != 200:
            raise ChannelDown(f"progress: HTTP {answer.status_code}")
        found: dict[str, Any] = answer.json()
        return found


def refresh_feed(link: ChannelLink, db: LocalDB) -> int:
    """Pull feed pages until the channel has no more; returns the records taken."""
    taken = 0
    while True:
        page = link.feed(db.cursor)
        db.apply_feed(page)
        taken += len(page.get("cards", [])) + len(page.get("projects", []))
        if not page.get("more"):
            return taken


def forward_clues(link: ChannelLink, db: LocalDB) -> int:
    """Hand every held clue to the channel; stops at the first sign it is down."""
    sent = 0
    for clue in db.pending():
        try:
            link.send_clue(clue.body)
        except ClueNotTaken as exc:
            log.error("channel refused clue %s for good: %s", clue.clue_id, exc)
            db.refused(clue.clue_id, str(exc))
            continue
        except ChannelDown as exc:
            log.warning("channel down, clue %s kept for later: %s", clue.clue_id, exc)
            db.failed_attempt(clue.clue_id)
            break
        db.sent(clue.clue_id)
        sent += 1
    return sent


class Background:
    """One thread: refresh the feed and forward held clues every ``interval`` seconds,
    and at once when ``wake`` is called (a clue was just kept)."""

    def __init__(self, link: ChannelLink, db: LocalDB, interval: float) -> None:
        self.link, self.db, self.interval = link, db, interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="card-feed", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=15)

    def run_once(self) -> None:
        try:
            forward_clues(self.link, self.db)
            taken = refresh_feed(self.link, self.db)
            if taken:
                log.info("feed: %d cards and projects taken", taken)
        except ChannelDown as exc:
            log.warning("channel server unreachable: %s", exc)
        except Exception:  # the loop must outlive any one bad page
            log.exception("feed refresh failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._wake.wait(self.interval)
            self._wake.clear()
