"""Verification through the station's key ring and through ``verify-card``: a valid
card passes, and every way of failing fails with its own reason and exit code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from broker_app.cli.main import main
from broker_app.domain.rights_card import (
    VerifyReason,
    generate_key_pair,
    key_id_for,
    sign_card,
    unverified_facts,
)
from broker_app.domain.rights_card.base45 import b45decode, b45encode
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.cards.verify import EXIT_CODES
from broker_app.store.models.card import RightsCard

from .conftest import ISSUE_DAY, PROJECT_END, Site

ON_SITE = ISSUE_DAY + timedelta(days=30)


def first_card(site: Site) -> tuple[str, str]:
    """(card id, QR text) of serial 1."""
    with site.store.read() as session:
        card = session.scalar(select(RightsCard).where(RightsCard.serial == 1))
        assert card is not None
        return card.id, card.qr_text


def flip_byte(text: str, index: int) -> str:
    body = bytearray(b45decode(text[4:]))
    body[index] ^= 0x01
    return text[:4] + b45encode(bytes(body))


def cli_verify(site: Site, data_dir: Path, text: str, day: date = ON_SITE) -> int:
    return main(["--data-dir", str(data_dir), "verify-card", text, "--date", day.isoformat()])


def test_valid_card(issued: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text = first_card(issued)
    result = issued.cards.verify(text, ON_SITE)
    assert result.ok and result.reason is VerifyReason.OK and not result.key_certified
    assert result.facts == unverified_facts(text)
    assert cli_verify(issued, data_dir, text) == 0
    out = capsys.readouterr().out
    assert "结果：有效" in out and "张伟" in out and "签名：有效" in out


@pytest.mark.parametrize("index", [3, 20, 100])  # header, payload, signature
def test_changed_byte_fails(issued: Site, data_dir: Path, index: int) -> None:
    _, text = first_card(issued)
    changed = flip_byte(text, index)
    result = issued.cards.verify(changed, ON_SITE)
    expected = VerifyReason.UNKNOWN_KEY if index < 5 else VerifyReason.BAD_SIGNATURE
    assert result.reason is expected and not result.ok
    assert cli_verify(issued, data_dir, changed) == EXIT_CODES[expected]


def test_expired_card(issued: Site, data_dir: Path) -> None:
    _, text = first_card(issued)
    after = PROJECT_END + timedelta(days=1)
    assert issued.cards.verify(text, PROJECT_END).ok
    result = issued.cards.verify(text, after)
    assert result.reason is VerifyReason.EXPIRED and result.facts is not None
    assert cli_verify(issued, data_dir, text, after) == EXIT_CODES[VerifyReason.EXPIRED] == 8


def test_revoked_card(issued: Site, data_dir: Path) -> None:
    card_id, text = first_card(issued)
    assert main(["--data-dir", str(data_dir), "revoke-card", "--serial", "1"]) == 0
    result = issued.cards.verify(text, ON_SITE)
    assert result.reason is VerifyReason.REVOKED_CARD
    assert cli_verify(issued, data_dir, text) == 7
    # The other cards of the same key stay valid.
    rows = issued.cards.cards(project_id=issued.project_id, include_revoked=True)
    assert [r.revoked for r in rows if r.id == card_id] == [True]
    assert sum(not r.revoked for r in rows) == 11


def test_revoked_key(issued: Site, data_dir: Path) -> None:
    _, text = first_card(issued)
    old_key = CardKeyService(issued.store).station_key()
    assert main(["--data-dir", str(data_dir), "card-key", "--revoke", old_key.key_id_hex]) == 0
    result = issued.cards.verify(text, ON_SITE)
    assert result.reason is VerifyReason.REVOKED_KEY and result.facts is None
    assert cli_verify(issued, data_dir, text) == 6
    # The next issue signs with a fresh key and replaces the cards of the revoked one.
    report = issued.cards.issue(issued.project_id, issued.worker_ids, today=ISSUE_DAY)
    assert len(report.replaced) == 12
    new_key = CardKeyService(issued.store).station_key()
    assert new_key.key_id != old_key.key_id
    rows = issued.cards.cards(project_id=issued.project_id)
    assert {r.key_id for r in rows} == {new_key.key_id_hex}


def test_unknown_key(issued: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private_key, public_key = generate_key_pair()
    _, text = first_card(issued)
    facts = unverified_facts(text)
    foreign = sign_card(replace(facts, key_id=key_id_for(public_key)), private_key)
    result = issued.cards.verify(foreign, ON_SITE)
    assert result.reason is VerifyReason.UNKNOWN_KEY
    capsys.readouterr()
    assert cli_verify(issued, data_dir, foreign) == 4
    # A genuine card of a station whose key has not arrived yet is not called 无效.
    out = capsys.readouterr().out
    assert "结果：无法核验　无法核验：本机尚未收到该签发驿站的密钥，请同步后再试" in out
    assert "无效" not in out
    # Once the county publishes that station's key, its cards verify here too.
    CardKeyService(issued.store).trust_key(public_key, certified=True, label="另一个驿站")
    result = issued.cards.verify(foreign, ON_SITE)
    assert result.ok and result.key_certified


def test_not_a_card(issued: Site, data_dir: Path) -> None:
    assert issued.cards.verify("https://example.org", ON_SITE).reason is VerifyReason.MALFORMED
    assert cli_verify(issued, data_dir, "WQ1:NOTBASE45") == 3


def test_station_key_is_made_once_and_kept_locally(issued: Site) -> None:
    service = CardKeyService(issued.store)
    key = service.station_key()
    assert service.station_key() == key
    [known] = service.known_keys()
    assert known.own and not known.certified and known.valid_from == ISSUE_DAY
    ring = service.keyring()
    assert ring.trusted[key.key_id].public_key == key.public_key


def test_each_failure_has_its_own_verdict_and_exit_code(
    issued: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forged, revoked, expired and unknown-key cards each say what they are."""
    _, text = first_card(issued)
    private_key, public_key = generate_key_pair()
    facts = unverified_facts(text)
    cases = {
        "forged": (flip_byte(text, 100), ON_SITE),
        "expired": (text, PROJECT_END + timedelta(days=1)),
        "unknown": (sign_card(replace(facts, key_id=key_id_for(public_key)), private_key), ON_SITE),
    }
    seen: dict[str, tuple[int, str]] = {}
    for name, (card, day) in cases.items():
        capsys.readouterr()
        code = cli_verify(issued, data_dir, card, day)
        seen[name] = (code, capsys.readouterr().out.splitlines()[0])
    assert main(["--data-dir", str(data_dir), "revoke-card", "--serial", "1"]) == 0
    capsys.readouterr()
    seen["revoked"] = (cli_verify(issued, data_dir, text), capsys.readouterr().out.splitlines()[0])
    assert {name: code for name, (code, _) in seen.items()} == {
        "forged": 5,
        "expired": 8,
        "unknown": 4,
        "revoked": 7,
    }
    assert seen["forged"][1].startswith("结果：无效")
    assert seen["expired"][1].startswith("结果：已过期")
    assert seen["unknown"][1].startswith("结果：无法核验")
    assert seen["revoked"][1].startswith("结果：已作废")
