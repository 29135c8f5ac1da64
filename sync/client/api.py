"""Typed calls to the channel server's endpoints."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, cast
from urllib.parse import urlsplit

import orjson
import requests

from sync.client.errors import (
    AuthRejected,
    NoConnection,
    ServerError,
    ServerFailed,
    ServerUnreachable,
    SyncError,
    VersionRejected,
)
from sync.client.http import RetryPolicy, send
from sync.protocol import (
    CONFLICTS,
    COUNTY_POLICY,
    ENROL,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    HEALTH,
    KEYS,
    PROTOCOL_VERSION,
    PULL,
    PUSH,
    VERIFY_CARD,
    Mutation,
    PullPage,
    PushResult,
)
from sync.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class EnrolAnswer:
    station_id: str
    credential: str
    org_code: str
    org_name: str
    station_name: str
    key_id: str | None


def check_server_url(url: str) -> str:
    """The base URL without a trailing slash. Plain HTTP is refused except on this
    machine: the credential must not cross a network in clear text."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SyncError(f"服务器地址不正确：{url}（应以 https:// 开头）", f"bad server URL {url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise SyncError(
            "服务器地址必须使用 https://（加密连接）",
            f"refusing plain http to {parts.hostname}: use https",
        )
    return url.strip().rstrip("/")


class ChannelClient:
    def __init__(
        self,
        base_url: str,
        session: requests.Session,
        credential: str | None = None,
        policy: RetryPolicy | None = None,
        wall_ms: Callable[[], int] | None = None,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self.session = session
        self.credential = credential
        self.policy = policy or RetryPolicy()
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        #: The server's clock minus this PC's, from the last answer's ``Date`` header
        #: (None until one came). Whole seconds: enough to see a PC a day or more off.
        self.server_offset_ms: int | None = None

    # -- endpoints -------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("GET", HEALTH, auth=False))

    def enrol(
        self,
        code: str,
        node_id: str,
        public_key: bytes | None = None,
        key_label: str = "",
        org_code: str | None = None,
    ) -> EnrolAnswer:
        body: dict[str, Any] = {
            "code": code,
            "node_id": node_id,
            "key_label": key_label,
            "org_code": org_code,
        }
        if public_key is not None:
            body["public_key"] = public_key.hex()
        answer = self._call("POST", ENROL, json_body=body, auth=False)
        return EnrolAnswer(
            answer["station_id"],
            answer["credential"],
            answer["org_code"],
            answer.get("org_name", ""),
            answer.get("station_name", ""),
            answer.get("key_id"),
        )

    def push(self, mutations: Sequence[Mutation]) -> list[PushResult]:
        answer = self._call("POST", PUSH, json_body={"mutations": list(mutations)})
        return cast(list[PushResult], answer["results"])

    def pull(self, after: int, limit: int = 1000, count: bool = False) -> PullPage:
        """A page after ``after``; ``count``: the answer also says how many records
        are left to pull (``remaining``, from a server that knows it)."""
        params: dict[str, Any] = {"after": after, "limit": limit}
        if count:
            params["count"] = "true"
        answer = self._call("GET", PULL, params=params)
        return cast(PullPage, answer)

    def conflicts(self, limit: int = 500) -> list[dict[str, Any]]:
        answer = self._call("GET", CONFLICTS, params={"limit": limit})
        return cast(list[dict[str, Any]], answer["conflicts"])

    def keys(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("GET", KEYS))

    def county_policy(self) -> dict[str, Any]:
        """What the county set for every station (``sync.county_policy``)."""
        return cast(dict[str, Any], self._call("GET", COUNTY_POLICY))

    def register_key(self, public_key: bytes, label: str = "") -> dict[str, Any]:
        body = {"public_key": public_key.hex(), "label": label}
        return cast(dict[str, Any], self._call("POST", KEYS, json_body=body))

    def verify_card(self, qr_text: str) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("POST", VERIFY_CARD, json_body={"qr_text": qr_text}))

    # -- plumbing --------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
    ) -> Any:
        headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(SCHEMA_VERSION)}
        if auth:
            if not self.credential:
                raise AuthRejected("本驿站尚未注册", "no credential: enrol first")
            headers["Authorization"] = f"Bearer {self.credential}"
        url = self.base_url + path
        try:
            response = send(
                self.session,
                method,
                url,
                policy=self.policy,
                headers=headers,
                json_body=json_body,
                params=params,
            )
        except requests.exceptions.SSLError as exc:
            raise ServerUnreachable(
                "服务器证书无法验证（请检查地址或配置的证书文件）",
                f"TLS verification failed for {self.base_url}: {exc}",
            ) from exc
        except requests.RequestException as exc:
            raise NoConnection(
                "无法连接服务器，数据已保存在本机，稍后会自动重试",
                f"cannot reach {self.base_url}: {exc}",
            ) from exc
        self._note_server_time(response)
        return _answer(response)

    def _note_server_time(self, response: requests.Response) -> None:
        header = response.headers.get("Date")
        if not header:
            return
        try:
            server = parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return
        self.server_offset_ms = int(server.timestamp() * 1000) - self._wall_ms()


def _answer(response: requests.Response) -> Any:
    status = response.status_code
    try:
        # orjson: a county's first pull parses 622 pages of 1000 records each, in the
        # thread that fetches them beside the applying (the standard parser took
        # about twice the time, under the same interpreter lock).
        body = orjson.loads(response.content)
    except ValueError:
        body = None
    if status < 400 and body is not None:
        return body
    message = body.get("message") if isinstance(body, dict) else None
    message_en = body.get("message_en") if isinstance(body, dict) else None
    zh = message or f"服务器返回错误 {status}"
    en = message_en or f"server answered {status}"
    if status in (401, 403):
        raise AuthRejected(zh, en)
    if status in (409, 426) and isinstance(body, dict) and "version" in str(body.get("error")):
        raise VersionRejected(zh, en)
    if status >= 500:
        raise ServerError(zh, en, status)
    if status == 429:
        raise ServerUnreachable(zh, en)
    raise ServerFailed(zh, en)
