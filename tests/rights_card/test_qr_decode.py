"""Real decoding: render the matrix to pixels and read it back with ZXing."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import cast

import pytest
import zxingcpp

from broker_app.domain.rights_card import (
    CardFacts,
    KeyRing,
    VerifyReason,
    grayscale_raster,
    qr_matrix,
    sign_card,
    verify_card,
)

from .conftest import Station
from .strategies import worst_case_facts

QR_CODE = zxingcpp.BarcodeFormat.QRCode
HANZI = [chr(code) for code in range(0x4E00, 0x9FA6)]
WORDS = ["邹城市", "建设工程有限公司", "棚户区改造", "项目", "北宿镇", "集团", "安置房", "二期"]


def _decode(text: str, module_px: int = 4) -> zxingcpp.Barcode:
    code = qr_matrix(text)
    pixels, width = grayscale_raster(code, module_px=module_px)
    image = memoryview(pixels).cast("B", (width, width))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(QR_CODE))
    assert len(found) == 1
    barcode = found[0]
    extra = cast(dict[str, object], barcode.extra)
    assert extra["Version"] == str(code.version)
    assert extra["DataMask"] == code.mask
    assert barcode.ec_level == "Q"
    return barcode


def _random_text(rng: random.Random, low: int, high: int) -> str:
    parts: list[str] = []
    target = rng.randint(low, high)
    while len("".join(parts)) < target:
        parts.append(rng.choice(WORDS) if rng.random() < 0.3 else rng.choice(HANZI))
    return "".join(parts)


def _random_facts(rng: random.Random, key_id: bytes) -> CardFacts:
    issue = date(2020, 1, 1) + timedelta(days=rng.randint(0, 20000))
    phone = rng.choice(
        ["12333", "0537-5212345", f"1{rng.randint(3, 9)}{rng.randint(0, 10**9):09d}"]
    )
    return CardFacts(
        serial=rng.randint(0, 2**32 - 1),
        worker_name=_random_text(rng, 1, 6),
        masked_id=f"{rng.randint(0, 999_999):06d}********{rng.randint(0, 999):03d}"
        + rng.choice("0123456789X"),
        project_name=_random_text(rng, 0, 35),
        contractor=_random_text(rng, 0, 35),
        complaint_phone=phone,
        issue_date=issue,
        expiry_date=issue + timedelta(days=rng.randint(0, 1500)),
        key_id=key_id,
    )


def test_many_random_cards_scan_and_verify(station: Station, keyring: KeyRing) -> None:
    rng = random.Random(20)
    for _ in range(300):
        facts = _random_facts(rng, station.key_id)
        text = sign_card(facts, station.private_key)
        scanned = _decode(text)
        assert scanned.text == text
        result = verify_card(scanned.text, keyring, facts.issue_date)
        assert result.reason is VerifyReason.OK, result.message_en
        assert result.facts is not None
        assert result.facts.serial == facts.serial


@pytest.mark.parametrize("module_px", [1, 2, 4])
def test_worst_case_card_scans(station: Station, keyring: KeyRing, module_px: int) -> None:
    facts = worst_case_facts(station.key_id)
    text = sign_card(facts, station.private_key)
    assert qr_matrix(text).version <= 10
    scanned = _decode(text, module_px)
    assert scanned.text == text
    assert verify_card(scanned.text, keyring, facts.issue_date).ok


def test_full_capacity_symbols_scan() -> None:
    rng = random.Random(7)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    for length in (1, 50, 150, 217, 221):
        text = "".join(rng.choice(alphabet) for _ in range(length))
        assert _decode(text).text == text
