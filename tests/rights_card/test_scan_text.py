"""The QR forms a phone understands: URL and readable text, the old ``WQ1:`` form,
each read back by ZXing from a raster and verified offline."""

from __future__ import annotations

import base64
from typing import cast

import pytest
import qrcode
import zxingcpp
from qrcode import util
from qrcode.constants import ERROR_CORRECT_M

from broker_app.domain.rights_card import KeyRing, grayscale_raster, sign_card, verify_card
from broker_app.domain.rights_card.base45 import b45decode, b45encode
from broker_app.domain.rights_card.qr import QrSegment, qr_matrix, qr_symbol, symbol_version
from broker_app.domain.rights_card.scan_text import (
    MAX_BASE_URL_LENGTH,
    QR_PREFIX,
    card_scan_text,
    card_url,
    check_base_url,
    project_url,
    signed_bytes,
)

from .conftest import Station
from .strategies import sample_facts, worst_case_facts

BASE = "https://wq.zcrs.gov.cn"
PHONES = ["0537-5212345", "0537-5213456", "12333"]


def _scan(scan_symbol: object, module_px: int = 3) -> zxingcpp.Barcode:
    pixels, width = grayscale_raster(scan_symbol, module_px=module_px)  # type: ignore[arg-type]
    found = zxingcpp.read_barcodes(
        memoryview(pixels).cast("B", (width, width)),
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
    )
    assert len(found) == 1
    return found[0]


def test_card_url_is_the_agreed_form() -> None:
    signed = bytes(range(137))
    url = card_url(BASE, signed)
    token = base64.b32encode(signed).decode().rstrip("=")
    assert url == f"HTTPS://WQ.ZCRS.GOV.CN/C/{token}"
    assert "=" not in url and url == url.upper()
    assert card_url(BASE + "/", signed) == url
    assert signed_bytes(url) == signed


def test_project_url_is_the_agreed_form() -> None:
    project_id = "0193a3f2-7c1e-7d2a-9b4f-1234567890ab"
    assert project_url(BASE, project_id) == (
        "HTTPS://WQ.ZCRS.GOV.CN/P/0193A3F2-7C1E-7D2A-9B4F-1234567890AB"
    )


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5, 112, 137, 144])
def test_every_form_gives_back_the_signed_bytes(length: int) -> None:
    signed = bytes((7 * n + length) % 256 for n in range(length))
    url = card_url(BASE, signed)
    assert signed_bytes(url) == signed
    assert signed_bytes(url.replace("/C/", "/c/").lower()) == signed  # the service's leniency
    assert signed_bytes(url + "\r\n") == signed
    readable = card_scan_text(signed, "", PHONES).text
    assert signed_bytes(readable) == signed


def test_urls_and_texts_that_are_not_cards_are_refused() -> None:
    signed = bytes(range(121))  # 968 bits: the last Base32 character holds 2 padding bits
    url = card_url(BASE, signed)
    token = url.rsplit("/", 1)[1]
    for text in (
        "",
        "HTTPS://WQ.ZCRS.GOV.CN/P/ABC",  # a project page, not a card
        f"FTP://WQ.ZCRS.GOV.CN/C/{token}",
        f"HTTPS://WQ.ZCRS.GOV.CN/C/{token}?X=1",
        f"HTTPS://WQ.ZCRS.GOV.CN/C/{token}1",  # 1 is not Base32
        f"HTTPS://WQ.ZCRS.GOV.CN/C/{token}A",  # a length Base32 never makes
        "欠薪投诉电话: 12333",  # readable text without the code
        "X" * 2000,
    ):
        with pytest.raises(ValueError):
            signed_bytes(text)
    # The last character carries padding bits; set, they would make a second text
    # for the same bytes.
    last = token[-1]
    other = "BCDEFGHIJKLMNOPQRSTUVWXYZ234567A"["ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".index(last)]
    with pytest.raises(ValueError, match="canonical"):
        signed_bytes(url[:-1] + other)


def test_readable_text_names_the_phones_and_carries_the_card_text(
    station: Station, keyring: KeyRing
) -> None:
    facts = sample_facts(station.key_id)
    card = sign_card(facts, station.private_key)
    scan = card_scan_text(signed_bytes(card), "", PHONES)
    assert scan.text == "欠薪投诉电话: 0537-5212345 0537-5213456 12333 " + card
    barcode = _scan(scan.symbol())
    assert barcode.text == scan.text  # UTF-8 through the ECI, no guessing
    assert verify_card(barcode.text, keyring, facts.issue_date).ok


@pytest.mark.parametrize("form", ["url", "readable", "wq1"])
def test_worst_case_card_in_each_form_scans_and_verifies(
    station: Station, keyring: KeyRing, form: str
) -> None:
    facts = worst_case_facts(station.key_id)
    card = sign_card(facts, station.private_key)
    signed = b45decode(card[len(QR_PREFIX) :])
    if form == "wq1":
        symbol = qr_symbol([QrSegment("alphanumeric", card.encode())], "Q")
        expected = card
    else:
        scan = card_scan_text(signed, BASE if form == "url" else "", PHONES)
        symbol, expected = scan.symbol(), scan.text
    barcode = _scan(symbol, module_px=2)
    assert barcode.text == expected
    assert verify_card(barcode.text, keyring, facts.issue_date).ok
    extra = cast(dict[str, object], barcode.extra)
    assert extra["Version"] == str(symbol.version)


@pytest.mark.parametrize("length", [100, 112, 125, 137, 144])
@pytest.mark.parametrize("base", [BASE, "https://" + "a" * (MAX_BASE_URL_LENGTH - 8), ""])
def test_printed_forms_never_take_smaller_modules_than_the_card_text(
    length: int, base: str
) -> None:
    """The version of the card's own text at level Q is the ceiling; the level is the
    highest that fits under it."""
    # Bytes a signature could hold (all zeros would make an all-zero block, which
    # qrcode cannot code and no signature ever is).
    signed = bytes((37 * n + 11) % 251 + 1 for n in range(length))
    ceiling = qr_matrix(QR_PREFIX + b45encode(signed)).version
    scan = card_scan_text(signed, base, PHONES)
    assert scan.symbol().version <= ceiling <= 10
    higher = {"L": "M", "M": "Q", "Q": "H"}.get(scan.error_correction)
    if higher is not None:
        assert symbol_version(scan.segments, higher) > ceiling  # type: ignore[arg-type]


def test_mixed_encoder_matches_qrcode_for_one_segment() -> None:
    text = card_url(BASE, bytes(range(130)))
    ours = qr_symbol([QrSegment("alphanumeric", text.encode())], "M")
    theirs = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    theirs.add_data(util.QRData(text.encode(), mode=util.MODE_ALPHA_NUM))
    theirs.make(fit=True)
    assert ours.version == theirs.version
    assert ours.modules == tuple(bytes(int(m) for m in row) for row in theirs.modules)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("", ""),
        ("  https://wq.zcrs.gov.cn/ ", "https://wq.zcrs.gov.cn"),
        ("HTTPS://WQ.ZCRS.GOV.CN/KA", "HTTPS://WQ.ZCRS.GOV.CN/KA"),
        ("http://127.0.0.1:8443", "http://127.0.0.1:8443"),
        ("http://localhost:8000", "http://localhost:8000"),
    ],
)
def test_base_url_accepted(given: str, stored: str) -> None:
    assert check_base_url(given) == stored


@pytest.mark.parametrize(
    "given",
    [
        "http://wq.zcrs.gov.cn",  # plain http off this machine
        "wq.zcrs.gov.cn",
        "ftp://wq.zcrs.gov.cn",
        "https://wq.zcrs.gov.cn/?a=1",
        "https://user@wq.zcrs.gov.cn",
        "https://wq_cards.zcrs.gov.cn",  # "_" is not in the QR alphanumeric set
        "https://" + "a" * MAX_BASE_URL_LENGTH,
    ],
)
def test_base_url_refused_in_chinese(given: str) -> None:
    with pytest.raises(ValueError, match="公共卡片服务地址"):
        check_base_url(given)


def test_readable_text_whose_code_holds_the_prefix_again() -> None:
    """Base45 can spell "WQ1:" by chance; the card text starts at the first one."""
    # 3227 = W + Q*45 + 1*2025 in Base45, then 44 = ":" starts the next group.
    spelled = (3227).to_bytes(2, "big") + (44).to_bytes(2, "big")
    signed = bytes(range(1, 61)) + spelled + bytes(range(61, 121))
    assert "WQ1:" in b45encode(signed)
    assert signed_bytes(card_scan_text(signed, "", ["12333"]).text) == signed
