from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_app.domain.rights_card import (
    QR_PREFIX,
    CardFacts,
    KeyRing,
    VerifyReason,
    generate_key_pair,
    key_id_for,
    public_key_for,
    sign_card,
    verify_card,
)
from broker_app.domain.rights_card import keyring as keyring_module
from broker_app.domain.rights_card.base45 import ALPHABET, b45decode, b45encode
from broker_app.domain.rights_card.payload import HEADER_LENGTH, MAX_SIGNED_BYTES

from .conftest import Station
from .strategies import ISSUED, card_facts, sample_facts, worst_case_facts

TODAY = ISSUED + timedelta(days=30)


def _signed(station: Station, **changes: object) -> tuple[CardFacts, str]:
    facts = sample_facts(station.key_id, **changes)
    return facts, sign_card(facts, station.private_key)


def test_keys() -> None:
    private_key, public_key = generate_key_pair()
    assert len(private_key) == len(public_key) == 32
    assert public_key_for(private_key) == public_key
    assert len(key_id_for(public_key)) == 4
    assert key_id_for(public_key) != key_id_for(generate_key_pair()[1])
    with pytest.raises(ValueError):
        key_id_for(public_key[:31])


def test_sign_then_verify(station: Station, keyring: KeyRing) -> None:
    facts, text = _signed(station)
    assert text.startswith(QR_PREFIX)
    assert set(text) <= set(ALPHABET)
    result = verify_card(text, keyring, TODAY)
    assert result.ok
    assert result.reason is VerifyReason.OK
    assert result.facts == facts
    assert result.key_certified
    assert result.message and result.message_en


def test_scanner_newline_is_tolerated(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station)
    assert verify_card(text + "\r\n", keyring, TODAY).ok


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sign_verify_round_trip(station: Station, keyring: KeyRing, data: st.DataObject) -> None:
    facts = data.draw(card_facts(key_id=station.key_id))
    text = sign_card(facts, station.private_key)
    assert len(b45decode(text[len(QR_PREFIX) :])) <= MAX_SIGNED_BYTES
    result = verify_card(text, keyring, facts.issue_date)
    assert result.ok, result.message_en
    assert result.facts is not None
    assert result.facts.serial == facts.serial


def test_worst_case_text_length(station: Station) -> None:
    text = sign_card(worst_case_facts(station.key_id), station.private_key)
    assert len(text) <= 220  # version 10-Q holds 221 alphanumeric characters


def test_wrong_private_key_is_refused(station: Station) -> None:
    other_private, _ = generate_key_pair()
    with pytest.raises(ValueError):
        sign_card(sample_facts(station.key_id), other_private)


def test_every_changed_byte_is_caught(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station)
    body = b45decode(text[len(QR_PREFIX) :])
    for position in range(len(body)):
        for flip in (0x01, 0x10, 0x80, 0xFF):
            tampered = bytearray(body)
            tampered[position] ^= flip
            result = verify_card(QR_PREFIX + b45encode(bytes(tampered)), keyring, TODAY)
            assert not result.ok
            assert result.facts is None
            if 1 <= position < HEADER_LENGTH:
                # The key id names another key: nothing to check the signature with.
                assert result.reason is VerifyReason.UNKNOWN_KEY
            else:
                assert result.reason in (VerifyReason.BAD_SIGNATURE, VerifyReason.MALFORMED)


def test_every_changed_character_is_caught(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station)
    for position in range(len(text)):
        for replacement in ("0", "Z", ":", " "):
            if text[position] == replacement:
                continue
            tampered = text[:position] + replacement + text[position + 1 :]
            assert not verify_card(tampered, keyring, TODAY).ok


def test_signature_from_another_station_is_bad(station: Station, keyring: KeyRing) -> None:
    intruder_private, intruder_public = generate_key_pair()
    facts = sample_facts(key_id_for(intruder_public))
    forged = sign_card(facts, intruder_private)
    # Pretend the intruder's card names the trusted station's key id.
    body = bytearray(b45decode(forged[len(QR_PREFIX) :]))
    body[1:HEADER_LENGTH] = station.key_id
    result = verify_card(QR_PREFIX + b45encode(bytes(body)), keyring, TODAY)
    assert result.reason is VerifyReason.BAD_SIGNATURE
    assert result.message == "签名无效：卡片内容被改动或不是本系统签发"


def test_expired(station: Station, keyring: KeyRing) -> None:
    facts, text = _signed(station)
    assert verify_card(text, keyring, facts.expiry_date).ok  # last valid day
    result = verify_card(text, keyring, facts.expiry_date + timedelta(days=1))
    assert not result.ok
    assert result.reason is VerifyReason.EXPIRED
    assert result.facts == facts
    assert "过期" in result.message


def test_not_yet_valid(station: Station, keyring: KeyRing) -> None:
    facts, text = _signed(station)
    result = verify_card(text, keyring, facts.issue_date - timedelta(days=1))
    assert result.reason is VerifyReason.NOT_YET_VALID
    assert not result.ok


def test_revoked_key(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station)
    keyring.revoke_key(station.key_id)
    result = verify_card(text, keyring, TODAY)
    assert result.reason is VerifyReason.REVOKED_KEY
    assert not result.ok
    assert result.facts is None


def test_revoked_card(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station, serial=77)
    _, other = _signed(station, serial=78)
    keyring.revoke_card(station.key_id, 77)
    result = verify_card(text, keyring, TODAY)
    assert result.reason is VerifyReason.REVOKED_CARD
    assert not result.ok
    assert "77" in result.message
    assert verify_card(other, keyring, TODAY).ok


def test_unknown_key(station: Station) -> None:
    _, text = _signed(station)
    result = verify_card(text, KeyRing(), TODAY)
    assert result.reason is VerifyReason.UNKNOWN_KEY
    assert result.facts is None


def test_uncertified_key_is_ok_but_flagged(station: Station) -> None:
    ring = KeyRing()
    ring.trust(station.public_key)
    _, text = _signed(station)
    result = verify_card(text, ring, TODAY)
    assert result.ok
    assert not result.key_certified
    assert "认证" in result.message


def test_key_service_period_bounds_the_issue_date(station: Station) -> None:
    _, text = _signed(station)
    early = KeyRing()
    early.trust(station.public_key, valid_until=ISSUED - timedelta(days=1), certified=True)
    assert verify_card(text, early, TODAY).reason is VerifyReason.EXPIRED
    late = KeyRing()
    late.trust(station.public_key, valid_from=ISSUED + timedelta(days=1), certified=True)
    assert verify_card(text, late, TODAY).reason is VerifyReason.NOT_YET_VALID
    # A retired key's cards stay good until their own expiry.
    retired = KeyRing()
    retired.trust(station.public_key, valid_from=ISSUED, valid_until=ISSUED, certified=True)
    assert verify_card(text, retired, TODAY).ok


def test_key_id_collision_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring_module, "key_id_for", lambda public_key: b"\x00\x00\x00\x00")
    ring = KeyRing()
    first, second = generate_key_pair()[1], generate_key_pair()[1]
    ring.trust(first)
    ring.trust(first, certified=True)  # updating the same key is fine
    with pytest.raises(ValueError):
        ring.trust(second)


def test_trust_rejects_bad_keys() -> None:
    ring = KeyRing()
    with pytest.raises(ValueError):
        ring.trust(b"\x00" * 31)
    with pytest.raises(ValueError):
        ring.trust(
            generate_key_pair()[1], valid_from=date(2026, 2, 1), valid_until=date(2026, 1, 1)
        )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "WQ1:",
        "WQ1:A",
        "HC1:NCFOXN%TS3DH",
        "wq1:BB8",
        "WQ2:BB8",
        "WQ1:" + "0" * 1021,  # longer than any card
        "WQ1:" + "A" * 10**6,
        "WQ1:" + "GGW" * 50,  # Base45 out of range
    ],
)
def test_garbage_is_malformed(text: str, keyring: KeyRing) -> None:
    result = verify_card(text, keyring, TODAY)
    assert result.reason is VerifyReason.MALFORMED
    assert not result.ok
    assert result.facts is None


def test_truncated_cards_are_malformed(station: Station, keyring: KeyRing) -> None:
    _, text = _signed(station)
    for end in range(len(text)):
        result = verify_card(text[:end], keyring, TODAY)
        assert not result.ok
        assert result.reason in (VerifyReason.MALFORMED, VerifyReason.BAD_SIGNATURE)


def test_non_text_input_is_malformed(keyring: KeyRing) -> None:
    for value in (None, b"WQ1:BB8", 42):
        result = verify_card(value, keyring, TODAY)  # type: ignore[arg-type]
        assert result.reason is VerifyReason.MALFORMED


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_text_never_raises(keyring: KeyRing, text: str) -> None:
    assert not verify_card(text, keyring, TODAY).ok
    assert not verify_card(QR_PREFIX + text, keyring, TODAY).ok


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_random_bytes_never_verify(station: Station, keyring: KeyRing, raw: bytes) -> None:
    result = verify_card(QR_PREFIX + b45encode(raw), keyring, TODAY)
    assert not result.ok
    # Same bytes under the trusted key id: the header parses, the signature cannot hold.
    named = bytes([0x10]) + station.key_id + raw
    result = verify_card(QR_PREFIX + b45encode(named), keyring, TODAY)
    assert result.reason in (VerifyReason.MALFORMED, VerifyReason.BAD_SIGNATURE)


def test_replaced_facts_do_not_verify(station: Station, keyring: KeyRing) -> None:
    # The typical attack: keep a genuine signature, swap in a scam phone number.
    facts, text = _signed(station)
    body = b45decode(text[len(QR_PREFIX) :])
    scam = dataclasses.replace(facts, complaint_phone="0537-0000000")
    other = sign_card(scam, station.private_key)
    other_body = b45decode(other[len(QR_PREFIX) :])
    spliced = other_body[:-64] + body[-64:]
    result = verify_card(QR_PREFIX + b45encode(spliced), keyring, TODAY)
    assert result.reason is VerifyReason.BAD_SIGNATURE
