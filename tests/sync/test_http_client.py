"""Retries with backoff and jitter, Retry-After, and when not to retry."""

from __future__ import annotations

import random
from typing import Any

import pytest
import requests

from sync.client.api import ChannelClient, check_server_url
from sync.client.errors import AuthRejected, ServerUnreachable, SyncError, VersionRejected
from sync.client.http import RetryPolicy, make_session, retry_after, send

POLICY = RetryPolicy(attempts=4, base_delay=1.0, max_delay=8.0)


class FakeSession:
    """Plays back responses (or exceptions) in order and records each request."""

    def __init__(self, *outcomes: Any) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[dict[str, Any]] = []

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        self.calls.append({"method": method, "url": url, **kwargs})
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def response(status: int, body: bytes = b"{}", **headers: str) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r._content = body
    r.headers.update(headers)
    return r


def run(session: FakeSession, **kwargs: Any) -> tuple[requests.Response, list[float]]:
    sleeps: list[float] = []
    answer = send(
        session,  # type: ignore[arg-type]
        "POST",
        "http://127.0.0.1/v1/push",
        policy=POLICY,
        json_body={"mutations": []},
        sleep=sleeps.append,
        rng=random.Random(1),
        **kwargs,
    )
    return answer, sleeps


def test_retries_connection_errors_with_jittered_backoff() -> None:
    session = FakeSession(requests.ConnectionError(), requests.Timeout(), response(200))
    answer, sleeps = run(session)
    assert answer.status_code == 200 and len(session.calls) == 3
    assert 0 <= sleeps[0] <= 1.0 and 0 <= sleeps[1] <= 2.0
    assert session.calls[0]["timeout"] == (POLICY.connect_timeout, POLICY.read_timeout)


def test_honours_retry_after_and_gives_up_with_the_last_answer() -> None:
    session = FakeSession(
        response(503, **{"Retry-After": "3"}),
        response(429, **{"Retry-After": "120"}),
        response(502),
        response(503),
    )
    answer, sleeps = run(session)
    assert answer.status_code == 503
    assert sleeps[0] == 3.0 and sleeps[1] == POLICY.max_delay  # capped
    assert len(sleeps) == 3


def test_client_errors_and_tls_failures_are_not_retried() -> None:
    session = FakeSession(response(400))
    answer, sleeps = run(session)
    assert answer.status_code == 400 and sleeps == []
    with pytest.raises(requests.exceptions.SSLError):
        run(FakeSession(requests.exceptions.SSLError("bad certificate")))


def test_large_bodies_travel_gzipped() -> None:
    session = FakeSession(response(200))
    sleeps: list[float] = []
    send(
        session,  # type: ignore[arg-type]
        "POST",
        "http://127.0.0.1/v1/push",
        policy=POLICY,
        json_body={"mutations": [{"fields": {"notes": "备注" * 5000}}]},
        sleep=sleeps.append,
    )
    assert session.calls[0]["headers"]["Content-Encoding"] == "gzip"


def test_retry_after_forms() -> None:
    assert retry_after("7", 60) == 7
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 60) == 0.0
    assert retry_after("soon", 60) is None and retry_after(None, 60) is None


def test_answers_become_typed_errors() -> None:
    def client(*outcomes: Any) -> ChannelClient:
        return ChannelClient(
            "http://127.0.0.1:1",
            FakeSession(*outcomes),
            "id.secret",
            RetryPolicy(attempts=1),  # type: ignore[arg-type]
        )

    body = '{"error":"unauthorized","message":"凭证无效","message_en":"bad"}'.encode()
    with pytest.raises(AuthRejected, match="bad"):
        client(response(401, body)).pull(0)
    version = '{"error":"protocol_version","message":"请升级","message_en":"upgrade"}'.encode()
    with pytest.raises(VersionRejected):
        client(response(426, version)).pull(0)
    with pytest.raises(ServerUnreachable):
        client(requests.ConnectionError()).pull(0)
    with pytest.raises(ServerUnreachable):
        client(response(500, b"oops")).pull(0)


def test_plain_http_only_to_this_machine_and_certificates_always_checked() -> None:
    assert check_server_url("https://sync.example.cn/") == "https://sync.example.cn"
    assert check_server_url("http://127.0.0.1:8470") == "http://127.0.0.1:8470"
    with pytest.raises(SyncError, match="https"):
        check_server_url("http://192.168.1.10:8470")
    assert make_session().verify is True
    assert make_session("county-ca.pem").verify == "county-ca.pem"
