from __future__ import annotations

import random

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode import util
from qrcode.constants import ERROR_CORRECT_Q

from broker_app.domain.rights_card import qr_matrix, sign_card
from broker_app.domain.rights_card.base45 import ALPHABET
from broker_app.domain.rights_card.qr import MAX_VERSION, smallest_version
from broker_app.domain.rights_card.qr_layout import layout_for

from .conftest import Station
from .strategies import worst_case_facts

V10_Q_CAPACITY = 221  # alphanumeric characters, ISO 18004 table 7

alphanumeric_text = st.text(ALPHABET, min_size=1, max_size=V10_Q_CAPACITY)


def _qrcode_reference(text: str) -> qrcode.QRCode:
    """qrcode's own encoder with its full mask search."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0)
    code.add_data(util.QRData(text.encode("ascii"), mode=util.MODE_ALPHA_NUM))
    code.make()
    return code


@settings(max_examples=150, deadline=None)
@given(alphanumeric_text)
def test_matches_qrcode_full_mask_search(text: str) -> None:
    code = qr_matrix(text)
    reference = _qrcode_reference(text)
    assert code.version == reference.version
    assert code.size == len(reference.modules) == 4 * code.version + 17
    expected = tuple(bytes(1 if dark else 0 for dark in row) for row in reference.modules)
    assert code.modules == expected
    assert code.error_correction == "Q"


def test_matches_qrcode_on_card_sized_texts() -> None:
    rng = random.Random(3)
    for _ in range(60):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(150, V10_Q_CAPACITY)))
        code = qr_matrix(text)
        reference = _qrcode_reference(text)
        assert code.modules == tuple(bytes(map(bool, row)) for row in reference.modules)


def test_every_mask_is_chosen_somewhere() -> None:
    # Guards against a penalty that always prefers the same mask.
    masks = {qr_matrix(f"WQ1:{n:0{n % 40 + 1}d}").mask for n in range(400)}
    assert masks == set(range(8))


def test_version_matches_qrcode_best_fit() -> None:
    for length in range(1, V10_Q_CAPACITY + 1):
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q)
        code.add_data(util.QRData(b"A" * length, mode=util.MODE_ALPHA_NUM))
        assert smallest_version(length) == code.best_fit()


def test_version_ceiling() -> None:
    assert qr_matrix("A" * V10_Q_CAPACITY).version == MAX_VERSION
    with pytest.raises(ValueError):
        qr_matrix("A" * (V10_Q_CAPACITY + 1))


@pytest.mark.parametrize("text", ["wq1:", "WQ1:é", "WQ1:\n", "WQ1:_"])
def test_non_alphanumeric_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        qr_matrix(text)


def test_worst_case_card_stays_at_version_10(station: Station) -> None:
    text = sign_card(worst_case_facts(station.key_id), station.private_key)
    assert qr_matrix(text).version <= MAX_VERSION


def test_is_dark() -> None:
    code = qr_matrix("WQ1:")
    assert code.is_dark(0, 0)  # finder pattern corner
    assert not code.is_dark(7, 7)  # finder separator


@pytest.mark.parametrize("version", range(1, MAX_VERSION + 1))
def test_layout_holds_exactly_the_codewords(version: int) -> None:
    segment = util.QRData(b"A", mode=util.MODE_ALPHA_NUM)
    codewords = util.create_data(version, ERROR_CORRECT_Q, [segment])
    layout = layout_for(version)
    assert layout.stream_bits == 8 * len(codewords)
    assert layout.size == 4 * version + 17
