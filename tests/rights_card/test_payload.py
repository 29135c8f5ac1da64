from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broker_app.domain.rights_card import TRUNCATION_MARK, CardFacts, facts_in_qr
from broker_app.domain.rights_card.compression import deflate
from broker_app.domain.rights_card.payload import (
    FLAG_DEFLATED,
    HEADER_LENGTH,
    MAX_CONTENT_LENGTH,
    MAX_PAYLOAD_LENGTH,
    MAX_SIGNED_BYTES,
    SIGNATURE_LENGTH,
    decode_content,
    encode_content,
)

from .strategies import (
    KEY_ID,
    WORST_NAME,
    card_facts,
    hostile_text,
    long_chinese_text,
    sample_facts,
    worst_case_facts,
)


def _assert_fitted(original: str, decoded: str) -> None:
    """Equal, or a strict prefix of the original followed by the truncation mark."""
    if decoded == original:
        return
    assert decoded.endswith(TRUNCATION_MARK)
    kept = decoded[: -len(TRUNCATION_MARK)]
    assert original.startswith(kept)
    assert len(kept) < len(original)


def _assert_round_trip(facts: CardFacts) -> None:
    content = encode_content(facts)
    assert len(content) <= MAX_CONTENT_LENGTH
    assert len(content) + SIGNATURE_LENGTH <= MAX_SIGNED_BYTES
    decoded = decode_content(content)
    for name in ("worker_name", "project_name", "contractor"):
        _assert_fitted(getattr(facts, name), getattr(decoded, name))
    untouched = ("serial", "masked_id", "complaint_phone", "issue_date", "expiry_date", "key_id")
    for name in untouched:
        assert getattr(decoded, name) == getattr(facts, name)


def test_sample_round_trips_exactly() -> None:
    facts = sample_facts()
    assert decode_content(encode_content(facts)) == facts
    assert facts_in_qr(facts) == facts


@given(card_facts())
def test_round_trip(facts: CardFacts) -> None:
    _assert_round_trip(facts)


@given(card_facts(names=hostile_text, places=hostile_text))
def test_round_trip_any_unicode(facts: CardFacts) -> None:
    _assert_round_trip(facts)


@settings(max_examples=200)
@given(card_facts(places=long_chinese_text))
def test_long_names_are_truncated_within_budget(facts: CardFacts) -> None:
    _assert_round_trip(facts)


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=4))
def test_short_name_is_never_cut_for_long_places(name: str) -> None:
    facts = worst_case_facts()
    facts = dataclasses.replace(facts, worker_name=name)
    assert facts_in_qr(facts).worker_name == name


def test_worst_case_fits_and_keeps_the_name() -> None:
    facts = worst_case_facts()
    content = encode_content(facts)
    assert len(content) + SIGNATURE_LENGTH <= MAX_SIGNED_BYTES
    decoded = decode_content(content)
    assert decoded.worker_name == WORST_NAME
    # Fitting shares the room fairly: both long texts keep a similar length.
    kept = [len(decoded.project_name), len(decoded.contractor)]
    assert min(kept) >= 8
    assert abs(kept[0] - kept[1]) <= 1


def test_cut_removes_longest_first_project_on_ties() -> None:
    facts = sample_facts(project_name="天" * 30, contractor="地" * 30)
    decoded = facts_in_qr(facts)
    project, contractor = len(decoded.project_name), len(decoded.contractor)
    assert project in (contractor, contractor - 1)


def test_dictionary_words_are_deflated() -> None:
    content = encode_content(sample_facts())
    assert content[0] & FLAG_DEFLATED


def test_incompressible_payload_stays_raw() -> None:
    facts = sample_facts(worker_name="鑫", project_name="", contractor="")
    content = encode_content(facts)
    assert not content[0] & FLAG_DEFLATED
    assert decode_content(content) == facts


def test_masked_id_and_phone_variants() -> None:
    for masked_id in ("000000********0000", "999999********999X", "370883********1239"):
        for phone in ("12333", "0537-5212345", "13912345678", "110"):
            facts = sample_facts(masked_id=masked_id, complaint_phone=phone)
            assert facts_in_qr(facts) == facts


@pytest.mark.parametrize(
    "changes",
    [
        {"serial": -1},
        {"serial": 2**32},
        {"worker_name": ""},
        {"worker_name": "\ud800"},
        {"masked_id": "370883199001011234"},  # unmasked: refused
        {"masked_id": "370883********123x"},
        {"masked_id": "٣70883********1234"},
        {"complaint_phone": "0537 5212345"},
        {"complaint_phone": "-12333"},
        {"complaint_phone": "1" * 21},
        {"issue_date": date(2019, 12, 31)},
        {"expiry_date": date(2026, 2, 28)},
        {"key_id": b"\x01\x02\x03"},
    ],
)
def test_invalid_facts_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(sample_facts(), **changes)


def _content(flags: int, payload: bytes) -> bytes:
    return bytes([0x10 | flags]) + KEY_ID + payload


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x10\x01\x02",  # header cut short
        bytes([0x20]) + KEY_ID + b"\x00",  # format version 2
        bytes([0x12]) + KEY_ID + b"\x00",  # unknown flag
        _content(0, b""),
        _content(0, b"\x80\x00"),  # non-minimal varint
        _content(0, b"\xff\xff\xff\xff\xff\x01"),  # varint longer than 5 bytes
        _content(FLAG_DEFLATED, b"\xff\xff"),  # not DEFLATE
        _content(FLAG_DEFLATED, deflate(b"\x00" * 5000)),  # expands past the cap
    ],
)
def test_decode_rejects_malformed(content: bytes) -> None:
    with pytest.raises(ValueError):
        decode_content(content)


def test_decode_rejects_trailing_and_cut_payload() -> None:
    content = encode_content(sample_facts(worker_name="鑫", project_name="", contractor=""))
    with pytest.raises(ValueError):
        decode_content(content + b"\x00")
    for end in range(HEADER_LENGTH, len(content)):
        with pytest.raises(ValueError):
            decode_content(content[:end])


def test_decode_rejects_bad_phone_and_text() -> None:
    base = encode_content(sample_facts(worker_name="鑫", project_name="", contractor="鑫"))
    assert not base[0] & FLAG_DEFLATED
    payload = bytearray(base[HEADER_LENGTH:])
    phone_at = payload.index(bytes([0x05, 0x37]))
    bad_nibble = payload.copy()
    bad_nibble[phone_at] = 0x0B
    bad_text = payload.copy()
    bad_text[-2:] = b"\xff\xff"  # the contractor's two bytes, now not GB18030
    for broken in (bad_nibble, bad_text):
        with pytest.raises(ValueError):
            decode_content(base[:HEADER_LENGTH] + bytes(broken))


@given(st.binary(max_size=200))
def test_decode_of_random_bytes_raises_only_value_error(raw: bytes) -> None:
    try:
        decode_content(_content(0, raw))
        decode_content(_content(FLAG_DEFLATED, raw))
    except ValueError:
        pass


def test_budget_constants() -> None:
    assert MAX_PAYLOAD_LENGTH == MAX_SIGNED_BYTES - SIGNATURE_LENGTH - HEADER_LENGTH == 75
