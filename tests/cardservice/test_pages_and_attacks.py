"""The card service's pages, and the service attacked the way a stranger on the internet
would: path tricks, unknown and forged tokens, oversized forms, floods, guessing query
codes, and every answer checked for anything beyond what a card prints.

The service runs on 127.0.0.1 in a thread with a feed written directly into its
database and no channel (clues are kept for forwarding)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests

from sync.cardservice.app import Limits, create_app
from sync.cardservice.cardtoken import qr_text_from_token, token_from_qr_text
from sync.cardservice.localdb import LocalDB
from sync.cardservice.ratelimit import Limit
from tests.cardservice.helpers import (
    FULL_NAME,
    MASKED_ID,
    MASKED_NAME,
    PROJECT_ID,
    Issuer,
    card_entry,
    project_entry,
    serve_in_thread,
)


@dataclass
class Service:
    url: str
    db: LocalDB
    issuer: Issuer

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, timeout=10, **kwargs)  # type: ignore[arg-type]


def _feed(db: LocalDB, issuer: Issuer, revoked_key: Issuer | None = None) -> None:
    keys = [issuer.entry()] + ([revoked_key.entry(revoked=True)] if revoked_key else [])
    db.apply_feed(
        {
            "cards": [
                card_entry(issuer, 1),
                card_entry(issuer, 2, revoked=True),
                card_entry(issuer, 3, days=365),
            ],
            "projects": [project_entry()],
            "keys": keys,
            "revoked_cards": [{"key_id": issuer.key_id, "serial": 2}],
            "cursor": 10,
            "more": False,
        }
    )


@pytest.fixture
def service(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Service]:
    limits = getattr(request, "param", None) or Limits()
    db = LocalDB(tmp_path / "cards.sqlite3")
    issuer = Issuer.new()
    _feed(db, issuer)
    with serve_in_thread(create_app(db, None, limits=limits)) as url:
        yield Service(url, db, issuer)
    db.close()


def _report(
    service: Service, token: str, session: requests.Session | None = None, **form: str
) -> requests.Response:
    """Open the form (cookie and form token) and post it, as a browser does."""
    http = session or requests.Session()
    page = http.get(f"{service.url}/C/{token}/report", timeout=10)
    assert page.status_code == 200, page.text
    found = re.search(r'name="form_token" value="([^"]+)"', page.text)
    assert found is not None
    body = {"form_token": found.group(1), "phone": "13912340000", **form}
    return http.post(f"{service.url}/C/{token}/report", data=body, timeout=10)


def _query_code(page: str) -> str:
    found = re.search(r'id="query-code">([A-Z0-9]{10})<', page)
    assert found is not None, page
    return found.group(1)


# -- what a worker sees -------------------------------------------------------------------
def test_a_genuine_card_shows_the_project_and_tap_to_call_phones(service: Service) -> None:
    token = service.issuer.card(1)
    page = service.get(f"/C/{token}")
    assert page.status_code == 200
    assert "真实有效" in page.text
    assert MASKED_NAME in page.text and MASKED_ID in page.text
    assert "山东邹城建工集团有限公司" in page.text
    assert 'href="tel:13912345678"' in page.text  # the wage officer
    assert 'href="tel:05375212345"' in page.text and 'href="tel:12333"' in page.text
    assert "我要反映欠薪" in page.text and "查询进度" in page.text
    # The URL's token is case-insensitive, and so is the /c/ form of the path.
    assert "真实有效" in service.get(f"/c/{token.lower()}").text


def test_revoked_and_expired_cards_say_so_and_still_take_a_complaint(service: Service) -> None:
    revoked = service.get(f"/C/{service.issuer.card(2)}")
    assert "此卡已作废" in revoked.text and "我要反映欠薪" in revoked.text
    old = date.today() - timedelta(days=400)
    expired = service.get(f"/C/{service.issuer.card(3, issue=old, days=365)}")
    assert "已过期" in expired.text and "我要反映欠薪" in expired.text


def test_the_project_page_takes_a_complaint(service: Service) -> None:
    page = service.get(f"/P/{PROJECT_ID.upper()}")
    assert page.status_code == 200 and "我要反映欠薪" in page.text
    assert service.get(f"/p/{PROJECT_ID}").status_code == 200


def test_a_clue_is_kept_while_the_channel_is_away_and_gets_a_query_code(service: Service) -> None:
    answer = _report(
        service, service.issuer.card(1), amount="12000", months="3", description="工资没发"
    )
    assert answer.status_code == 200, answer.text
    code = _query_code(answer.text)
    (pending,) = service.db.pending()
    assert pending.query_code == code and pending.body["card_serial"] == 1
    assert pending.body["reporter_phone"] == "13912340000" and pending.body["amount_owed"] == 12000
    progress = requests.post(service.url + "/q", data={"code": code.lower()}, timeout=10)
    assert "已接收" in progress.text


def test_a_bad_phone_is_refused_with_the_form_kept(service: Service) -> None:
    answer = _report(service, service.issuer.card(1), phone="123", description="保留的文字")
    assert answer.status_code == 400
    assert "电话号码不正确" in answer.text and "保留的文字" in answer.text
    assert service.db.pending() == []


# -- attacks ------------------------------------------------------------------------------
def test_unknown_forged_and_malformed_tokens_reveal_nothing(service: Service) -> None:
    stranger = Issuer.new()
    forged = stranger.card(1)  # well formed, signed by a key the county never published
    genuine = service.issuer.card(1)
    text = qr_text_from_token(genuine)
    assert text is not None
    tampered = token_from_qr_text(text[:-2] + ("00" if text[-2:] != "00" else "11"))
    for token in (forged, tampered, "A" * 231, "A" * 5000, "!!", "%2e%2e"):
        page = service.get(f"/C/{token}")
        assert page.status_code == 404, token
        assert "无法核验" in page.text
        assert "我要反映欠薪" not in page.text and MASKED_NAME not in page.text
        assert service.get(f"/C/{token}/report").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/C/../../cards.sqlite3",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/../cards.sqlite3",
        "/cards.sqlite3",
        "/P/../../cards.sqlite3",
        "/C/%2e%2e%2fetc%2fpasswd",
        "/C/..%5c..%5ccards.sqlite3",
        "/P/not-a-uuid",
        "/P/0192f0aa-0000-7000-8000-000000000099",
        "/docs",
        "/openapi.json",
    ],
)
def test_paths_outside_the_pages_are_a_plain_404(service: Service, path: str) -> None:
    answer = requests.get(service.url + path, timeout=10)
    assert answer.status_code == 404
    assert "root:" not in answer.text and "SQLite" not in answer.text


def test_every_answer_carries_the_security_headers(service: Service) -> None:
    for path in ("/", f"/C/{service.issuer.card(1)}", "/q", "/nothing"):
        headers = service.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "http" not in policy
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"
    assert service.get("/").headers["Cache-Control"] == "no-store"
    css = service.get("/site.css")
    assert css.headers["Cache-Control"].startswith("public") and "http" not in css.text
    page = service.get(f"/C/{service.issuer.card(1)}").text
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_no_answer_holds_more_than_the_card_prints(service: Service) -> None:
    token = service.issuer.card(1)
    texts = [
        service.get(p).text
        for p in ("/", f"/C/{token}", f"/C/{token}/report", f"/P/{PROJECT_ID}", "/q")
    ]
    for text in texts:
        assert FULL_NAME not in text
        assert not re.search(r"\d{17}[\dX]", text)  # no whole ID number


def test_a_post_without_the_form_token_or_cookie_is_refused(service: Service) -> None:
    token = service.issuer.card(1)
    # A third-party page posting the form: no cookie (SameSite=Strict), no token.
    answer = requests.post(
        f"{service.url}/C/{token}/report", data={"phone": "13912340000"}, timeout=10
    )
    assert answer.status_code == 403 and "页面已过期" in answer.text
    # A token lifted from one browser is worthless without that browser's cookie.
    page = requests.get(f"{service.url}/C/{token}/report", timeout=10)
    lifted = re.search(r'name="form_token" value="([^"]+)"', page.text)
    assert lifted is not None
    answer = requests.post(
        f"{service.url}/C/{token}/report",
        data={"phone": "13912340000", "form_token": lifted.group(1)},
        cookies={"cs_form": "0" * 32},
        timeout=10,
    )
    assert answer.status_code == 403
    assert service.db.pending() == []


def test_an_oversized_form_is_refused(service: Service) -> None:
    answer = _report(service, service.issuer.card(1), description="欠" * 20_000)
    assert answer.status_code == 413 and "太长" in answer.text
    answer = _report(service, service.issuer.card(1), description="欠" * 2_001)
    assert answer.status_code == 400 and "情况说明太长" in answer.text
    assert service.db.pending() == []


@pytest.mark.parametrize(
    "service",
    [Limits(clues_per_address=Limit(2, 3600), clues_per_card=Limit(50, 3600))],
    indirect=True,
)
def test_a_flood_from_one_address_is_refused_with_a_clear_message(service: Service) -> None:
    token = service.issuer.card(1)
    assert _report(service, token).status_code == 200
    assert _report(service, token).status_code == 200
    third = _report(service, token)
    assert third.status_code == 429 and "太频繁" in third.text
    assert len(service.db.pending()) == 2


@pytest.mark.parametrize(
    "service",
    [Limits(clues_per_address=Limit(50, 3600), clues_per_card=Limit(1, 86400))],
    indirect=True,
)
def test_a_flood_about_one_card_is_refused(service: Service) -> None:
    assert _report(service, service.issuer.card(1)).status_code == 200
    assert _report(service, service.issuer.card(1)).status_code == 429
    assert _report(service, service.issuer.card(2)).status_code == 200  # another card


@pytest.mark.parametrize("service", [Limits(queries_per_address=Limit(5, 3600))], indirect=True)
def test_guessing_query_codes_is_cut_off(service: Service) -> None:
    answers = [
        requests.post(service.url + "/q", data={"code": f"ABCDEFGH{n:02d}"}, timeout=10).status_code
        for n in range(22, 30)
    ]
    # Five guesses answered (none found: no channel here), then refused.
    assert answers[:5] != [429] * 5 and answers[5:] == [429, 429, 429]


@pytest.mark.parametrize("service", [Limits(pages=Limit(10, 60))], indirect=True)
def test_a_page_flood_is_refused(service: Service) -> None:
    codes = [service.get("/").status_code for _ in range(12)]
    assert codes[:10] == [200] * 10 and codes[10:] == [429, 429]


def test_a_clue_the_channel_refused_for_good_says_whom_to_call(service: Service) -> None:
    code = _query_code(_report(service, service.issuer.card(1)).text)
    (pending,) = service.db.pending()
    service.db.refused(pending.clue_id, "HTTP 404 no such project")
    answer = requests.post(service.url + "/q", data={"code": code}, timeout=10)
    assert "未能转送" in answer.text and "12333" in answer.text
