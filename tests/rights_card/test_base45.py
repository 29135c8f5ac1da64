from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_app.domain.rights_card.base45 import ALPHABET, b45decode, b45encode

# RFC 9285, sections 4.3 and 4.4.
RFC_VECTORS = [
    (b"AB", "BB8"),
    (b"Hello!!", "%69 VD92EX0"),
    (b"base-45", "UJCLQE7W581"),
    (b"ietf!", "QED8WEX0"),
]


@pytest.mark.parametrize(("raw", "text"), RFC_VECTORS)
def test_rfc_vectors(raw: bytes, text: str) -> None:
    assert b45encode(raw) == text
    assert b45decode(text) == raw


def test_edges() -> None:
    assert b45encode(b"") == ""
    assert b45decode("") == b""
    assert b45decode("FGW") == b"\xff\xff"  # 65535, the largest triple
    assert b45encode(b"\xff") == "U5"


@pytest.mark.parametrize(
    "text",
    [
        "GGW",  # 65536 does not fit two bytes (RFC 9285 section 4.2)
        "06",  # 270 does not fit one byte
        "A",  # a lone character
        "BB8A",
        "bb8",  # lower case is not in the alphabet
        "BB\n",
        "ÄBC",
    ],
)
def test_rejects_invalid(text: str) -> None:
    with pytest.raises(ValueError):
        b45decode(text)


@given(st.binary(max_size=300))
def test_round_trip(raw: bytes) -> None:
    text = b45encode(raw)
    assert set(text) <= set(ALPHABET)
    assert len(text) == len(raw) // 2 * 3 + len(raw) % 2 * 2
    assert b45decode(text) == raw


@given(st.text(ALPHABET + "abc\x00", max_size=30))
def test_decode_only_raises_value_error(text: str) -> None:
    try:
        raw = b45decode(text)
    except ValueError:
        return
    assert b45encode(raw) == text  # what decodes is canonical
