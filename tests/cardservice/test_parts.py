"""The card service's small parts: the public name mask, the URL token, the flood
counter (its clock a parameter), the form token, and the clue's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_app.domain.arrears.clues import new_query_code
from broker_app.domain.people.privacy import mask_name
from sync.cardlink import ClueRefused, clue_fields
from sync.cardservice.cardtoken import qr_text_from_token, token_from_qr_text
from sync.cardservice.cli import TOKEN_ENV, main
from sync.cardservice.forms import FORM_TTL, form_token, token_valid
from sync.cardservice.ratelimit import Limit, RateLimiter
from sync.ids import uuid7
from tests.cardservice.helpers import Issuer


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("刘建卫", "刘*卫"),
        ("王伟", "王*"),
        ("欧阳娜娜", "欧**娜"),
        ("李", "*"),
        ("", ""),
        (" 张 三 丰 ", "张*丰"),
    ],
)
def test_names_are_masked_as_the_public_page_shows_them(name: str, shown: str) -> None:
    assert mask_name(name) == shown


def test_the_url_token_carries_the_qr_bytes_in_either_case() -> None:
    token = Issuer.new().card(7)
    text = qr_text_from_token(token)
    assert text is not None and text.startswith("WQ1:")
    assert token == token.upper() and "=" not in token and len(token) <= 240
    assert token_from_qr_text(text) == token
    assert qr_text_from_token(token.lower()) == text
    for bad in ("", "A" * 241, "WQ1:ABC", "ABC=", "18"):
        assert qr_text_from_token(bad) is None


def test_the_flood_counter_slides_with_its_clock() -> None:
    now = [0.0]
    limiter = RateLimiter(Limit(2, 60), clock=lambda: now[0])
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")  # another address has its own count
    now[0] = 59.9
    assert not limiter.allow("a")
    now[0] = 60.0
    assert limiter.allow("a")


def test_the_flood_counter_forgets_the_oldest_keys_past_its_bound() -> None:
    limiter = RateLimiter(Limit(1, 60), clock=lambda: 0.0)
    limiter.MAX_KEYS = 3
    for key in "abcd":
        assert limiter.allow(key)
    assert limiter.allow("a")  # dropped, so counted afresh


def test_form_tokens_are_bound_to_cookie_action_and_time() -> None:
    secret = b"k" * 32
    token = form_token(secret, "cookie", "/C/X/report", now=1000.0)
    assert token_valid(secret, "cookie", "/C/X/report", token, now=1000.0 + FORM_TTL)
    assert not token_valid(secret, "cookie", "/C/X/report", token, now=1001.0 + FORM_TTL)
    assert not token_valid(secret, "other", "/C/X/report", token, now=1000.0)
    assert not token_valid(secret, "cookie", "/C/Y/report", token, now=1000.0)
    assert not token_valid(b"x" * 32, "cookie", "/C/X/report", token, now=1000.0)
    assert not token_valid(secret, None, "/C/X/report", token, now=1000.0)
    assert not token_valid(secret, "cookie", "/C/X/report", "garbage", now=1000.0)


def _raw(**changes: object) -> dict[str, object]:
    return {
        "clue_id": uuid7(),
        "query_code": new_query_code(),
        "project_id": uuid7(),
        "reporter_phone": "139 1234 0000",
        "amount_owed": "12,000",
        "months_owed": "3",
        "description": "  工资没发\r\n两个月  ",
        **changes,
    }


def test_a_clue_is_put_in_canonical_form() -> None:
    clue = clue_fields(_raw())
    assert clue["reporter_phone"] == "13912340000"
    assert (clue["amount_owed"], clue["months_owed"]) == (12000, 3)
    assert clue["description"] == "工资没发\n两个月"
    assert clue["reporter_name"] is None and clue["card_serial"] is None


@pytest.mark.parametrize(
    "changes",
    [
        {"reporter_phone": ""},
        {"reporter_phone": "12333"},  # a service number cannot be called back
        {"reporter_phone": "5212345"},  # a landline without its area code
        {"amount_owed": "-5"},
        {"amount_owed": "1e9"},
        {"months_owed": "999"},
        {"reporter_name": "名" * 65},
        {"description": "说" * 2001},
        {"description": "bell\x07"},
        {"query_code": "short"},
        {"query_code": "abcdefghjk"},  # must already be canonical (upper case)
        {"clue_id": "not-a-uuid"},
        {"project_id": "../../etc"},
        {"card_key_id": "XYZ"},
        {"card_serial": -1},
        {"card_serial": True},
    ],
)
def test_a_bad_clue_is_refused_with_a_chinese_reason(changes: dict[str, object]) -> None:
    with pytest.raises(ClueRefused) as caught:
        clue_fields(_raw(**changes))
    assert caught.value.message and not caught.value.message.isascii()


def test_serve_refuses_plain_http_off_this_machine_and_a_missing_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    base = ["serve", "--channel", "https://sync.example.cn", "--db", str(tmp_path / "c.sqlite3")]
    assert main([*base, "--host", "127.0.0.1"]) == 2
    assert "凭证" in capsys.readouterr().err
    token = tmp_path / "token"
    token.write_text("id.secret\n", encoding="utf-8")
    assert main([*base, "--token-file", str(token), "--host", "0.0.0.0"]) == 2
    assert "明文 HTTP" in capsys.readouterr().err
    assert not (tmp_path / "c.sqlite3").exists()  # refused before anything was made
