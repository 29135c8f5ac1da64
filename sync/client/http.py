"""The one HTTP session factory, and requests with timeouts and polite retries.

Retries cover what a flaky 4G link and a busy server produce: connection errors,
timeouts, 429 and 502/503/504. Waits grow exponentially with full jitter, and a
``Retry-After`` from the server is honoured (capped). Pushing again is safe: the
server deduplicates by mutation id.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import requests

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Bodies above this many bytes are sent gzip-compressed.
GZIP_ABOVE = 4096


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 20.0
    connect_timeout: float = 5.0
    read_timeout: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(max, base * 2**attempt)]."""
        return rng.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


def make_session(ca_file: str | None = None, user_agent: str = "labor-station") -> requests.Session:
    """The HTTP session every sync request goes through. Certificates are always
    verified: against ``ca_file`` when the county runs its own CA, else the system's."""
    session = requests.Session()
    session.verify = ca_file or True
    session.headers["User-Agent"] = user_agent
    session.headers["Accept-Encoding"] = "gzip"
    return session


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(moment.timestamp() - time.time(), cap))


def encode_json(body: Any) -> tuple[bytes, dict[str, str]]:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if len(data) > GZIP_ABOVE:
        data = gzip.compress(data, compresslevel=5)
        headers["Content-Encoding"] = "gzip"
    return data, headers


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    policy: RetryPolicy,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    params: Mapping[str, Any] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> requests.Response:
    """One request with retries. Returns the last response (any status) or raises
    ``requests.RequestException`` when no response came after every attempt."""
    rng = rng or random.Random()
    all_headers = dict(headers or {})
    data = None
    if json_body is not None:
        data, body_headers = encode_json(json_body)
        all_headers.update(body_headers)
    timeout = (policy.connect_timeout, policy.read_timeout)
    for attempt in range(policy.attempts):
        last = attempt == policy.attempts - 1
        try:
            response = session.request(
                method,
                url,
                headers=all_headers,
                data=data,
                params=params,
                timeout=timeout,
                # Explicit: else a CA bundle named in the environment would override it.
                verify=getattr(session, "verify", True),
            )
        except requests.exceptions.SSLError:
            raise  # a certificate problem does not heal by retrying
        except (requests.ConnectionError, requests.Timeout) as exc:
            if last:
                raise
            wait = policy.delay(attempt, rng)
            log.info("%s %s failed (%s); retrying in %.1f s", method, url, exc, wait)
            sleep(wait)
            continue
        if response.status_code not in RETRY_STATUSES or last:
            return response
        hinted = retry_after(response.headers.get("Retry-After"), policy.max_delay)
        wait = hinted if hinted is not None else policy.delay(attempt, rng)
        log.info("%s %s answered %s; retrying in %.1f s", method, url, response.status_code, wait)
        sleep(wait)
    raise AssertionError("unreachable")
