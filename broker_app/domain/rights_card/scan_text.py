"""What a phone sees when it scans a card: the forms of a card's QR text.

A card's signed bytes (content + signature, see payload) travel in one of three
forms, and ``signed_bytes`` takes each back to the same bytes, so verification
does not care which one was scanned:

URL form (the county runs a public card page)
    ``{BASE}/C/{TOKEN}``, TOKEN the RFC 4648 Base32 of the signed bytes without
    padding, the whole URL upper case. WeChat and phone cameras open it; the card
    service reads the same token. Upper case keeps every character in the QR
    alphanumeric set (5.5 bits a character): Base32 spends 8.8 bits a byte where
    Base45 spends 8.25, but Base45 is not URL-safe (space, %).

Readable-text form (no public page)
    One short UTF-8 byte segment (behind an ECI designator, so no reader guesses
    the character set), then one alphanumeric segment with the complaint phones
    and the card's own text, ``WQ1:`` + Base45::

        欠薪投诉电话: 0537-5212345 0537-5213456 12333 WQ1:...

    Every Chinese character costs 3 bytes (24 bits, four alphanumeric characters'
    worth) and a byte-mode digit 8 bits against 5.5, so only the label is in byte
    mode, and the phones ride in the alphanumeric segment. Measured: two lines
    (phones, then "核验码：" and the code) took level L to stay within the card
    text's version, and L decoded 74% of blurred wallet cards where the card text
    at Q decoded 97% (BENCHMARKS.md); this form fits level M there (version 9 for
    the demo cards' 130-133 signed bytes, 10 for the largest cards).

    M at the card text's module size lost at the blur edge (wallet card, blur 0.8 px:
    77.5% against 96-99%), and no shorter head (one phone, a shorter label) fits Q
    within that version, so this form is printed 2 mm larger: 26 mm on the wallet
    card (0.43 mm a module at version 9, 0.40 at 10) and 30 mm on the sticker (0.49
    and 0.46 mm), against 24 and 28 mm (0.39 and 0.46 mm at version 9) for the
    other forms; it then decodes at least as well as the ``WQ1:`` text at Q
    (printing.wallet_card, printing.helmet_sticker; ``ScanText.readable``).

Error correction. A card's QR is printed at a fixed size (24 mm on the wallet
card, 28 mm on the sticker; the readable-text form 2 mm larger, above), so a
bigger version means smaller modules, and small modules are what fails first on
a blurred, low-resolution scan (benchmarks/card_scan.py). So a printed form never
takes a version above the one the card's own ``WQ1:`` text takes at level Q;
within that version it takes the highest level that fits (H, Q, M, then L):
modules at least as large as before, and as much error correction as they leave
room for.

Card form (cards printed before these forms, and the stored text)
    ``WQ1:`` + Base45.

A project's notice board links to ``{BASE}/P/{PROJECT_ID}`` (the project's UUID,
upper case).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .base45 import ALPHABET, b45decode, b45encode
from .qr import ECI_UTF8, ErrorLevel, QrCode, QrSegment, qr_symbol, smallest_version, symbol_version

# "WQ" for 维权, "1" for wire format 1. Upper case, digits and ":" only: a
# lower-case letter would push the whole QR into byte mode.
QR_PREFIX = "WQ1:"
# Far above a real card (about 330 characters in the readable form); bounds the
# work done on hostile text.
MAX_QR_TEXT_LENGTH = 1024
#: The station setting that holds the county's public card address.
PUBLIC_BASE_URL_SETTING = "cards.public_base_url"
CARD_PATH = "/C/"
PROJECT_PATH = "/P/"
#: A base address longer than this would push the card's QR a version up or more.
MAX_BASE_URL_LENGTH = 40
#: Error correction of a notice board's QR (printed 62 mm wide or more, so the
#: version hardly matters) and of a URL or text made without a card's ceiling.
SCAN_ERROR_CORRECTION: ErrorLevel = "M"
#: From the most error correction to the least (see "Error correction" above).
_LEVELS_DOWN: tuple[ErrorLevel, ...] = ("H", "Q", "M", "L")
#: The readable-text form's label (the rest is alphanumeric).
READABLE_LABEL = "欠薪投诉电话"
#: A notice board's readable-text lines start the phones with this.
READABLE_PHONES = "欠薪投诉电话："
#: The first line of a notice board's readable-text QR.
NOTICE_TITLE = "农民工工资维权信息告示牌"

_ALPHANUMERIC = frozenset(ALPHABET)
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_URL = re.compile(r"HTTPS?://[^\s/?#]+(?:/[^\s?#]*)?/C/([A-Z2-7]+)/?", re.IGNORECASE)


@dataclass(frozen=True)
class ScanText:
    """A QR's content as segments, and the text a scanner returns for it."""

    segments: tuple[QrSegment, ...]
    error_correction: ErrorLevel

    @property
    def text(self) -> str:
        return "".join(s.data.decode("utf-8") for s in self.segments if s.mode != "eci")

    @property
    def readable(self) -> bool:
        """The readable-text form (a UTF-8 segment behind an ECI designator)."""
        return any(s.mode == "eci" for s in self.segments)

    def symbol(self) -> QrCode:
        return qr_symbol(self.segments, self.error_correction)


def check_base_url(url: str) -> str:
    """The county's public card address in its stored form (no trailing ``/``).

    https only (http for a test server on this machine); ValueError with a Chinese
    message when it is not such an address or has characters a QR URL cannot carry.
    """
    text = url.strip().rstrip("/")
    if not text:
        return ""
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    secure = parts.scheme.lower() == "https"
    local = parts.scheme.lower() == "http" and host in _LOCAL_HOSTS
    if not (secure or local) or not host or parts.username or parts.query or parts.fragment:
        raise ValueError(
            "公共卡片服务地址应为 https:// 开头的网址，如 https://wq.zcrs.gov.cn（不带参数）"
        )
    if not _ALPHANUMERIC.issuperset(text.upper()):
        raise ValueError("公共卡片服务地址只能含字母、数字和 - . / :（二维码网址模式的字符）")
    if len(text) > MAX_BASE_URL_LENGTH:
        raise ValueError(f"公共卡片服务地址最多 {MAX_BASE_URL_LENGTH} 个字符，以免二维码过大")
    return text


def card_token(signed: bytes) -> str:
    """The URL token of a card: unpadded Base32 of its signed bytes."""
    return base64.b32encode(signed).decode("ascii").rstrip("=")


def card_url(base: str, signed: bytes) -> str:
    """``{BASE}/C/{TOKEN}``, upper case (see the module docstring)."""
    return f"{base.rstrip('/')}{CARD_PATH}{card_token(signed)}".upper()


def project_url(base: str, project_id: str) -> str:
    """``{BASE}/P/{PROJECT_ID}``, upper case: the project's page on the card service."""
    return f"{base.rstrip('/')}{PROJECT_PATH}{project_id}".upper()


def url_scan_text(url: str) -> ScanText:
    """A URL (already upper case) as one alphanumeric segment."""
    return ScanText((QrSegment("alphanumeric", url.encode("ascii")),), SCAN_ERROR_CORRECTION)


def readable_scan_text(lines: Sequence[str], code: str) -> ScanText:
    """``lines`` for a person (UTF-8, one per line) then ``code`` (alphanumeric)."""
    head = "\n".join(lines)
    segments = [QrSegment("eci", bytes([ECI_UTF8])), QrSegment("byte", head.encode("utf-8"))]
    if code:
        segments.append(QrSegment("alphanumeric", code.encode("ascii")))
    return ScanText(tuple(segments), SCAN_ERROR_CORRECTION)


def card_scan_text(signed: bytes, base_url: str, phones: Sequence[str]) -> ScanText:
    """The QR printed on a card: the URL form when the county's address is set, else
    the readable-text form naming ``phones`` (the signed one first)."""
    card_text = QR_PREFIX + b45encode(signed)
    if base_url:
        scan = url_scan_text(card_url(base_url, signed))
    else:
        shown = [p for p in dict.fromkeys(phones) if p and _ALPHANUMERIC.issuperset(p)]
        tail = ": " + " ".join([*shown, card_text])
        scan = readable_scan_text((READABLE_LABEL,), tail)
    return fitted(scan, smallest_version(len(card_text)))


def fitted(scan: ScanText, ceiling: int) -> ScanText:
    """``scan`` at the highest error-correction level whose version is at most
    ``ceiling`` (L when none is: the symbol then grows past it)."""
    for level in _LEVELS_DOWN:
        if symbol_version(scan.segments, level) <= ceiling:
            return replace(scan, error_correction=level)
    return replace(scan, error_correction="L")


def project_scan_text(
    base_url: str, project_id: str, project_name: str, phones: Sequence[str]
) -> ScanText:
    """The QR of a project's notice board: its page on the card service (``/P/``), or,
    with no public address, readable text naming the project and the complaint phones."""
    if base_url:
        return url_scan_text(project_url(base_url, project_id))
    listed = " ".join(dict.fromkeys(p for p in phones if p))
    lines = (NOTICE_TITLE, f"项目：{project_name}", READABLE_PHONES + listed)
    return readable_scan_text(lines, "")


def signed_bytes(text: str) -> bytes:
    """The signed bytes in any accepted QR text (URL, readable text, ``WQ1:``).

    ValueError when the text is none of them. Trailing CR/LF are dropped
    (keyboard-wedge scanners add them).
    """
    if not isinstance(text, str) or len(text) > MAX_QR_TEXT_LENGTH:
        raise ValueError("not a card text")
    text = text.rstrip("\r\n")
    if text.startswith(QR_PREFIX):
        return b45decode(text[len(QR_PREFIX) :])
    url = _URL.fullmatch(text)
    if url is not None:
        return token_bytes(url.group(1))
    # The readable form: the label and phones, then the card's own text. The first
    # "WQ1:" (a phone cannot hold one; Base45 after it can, by chance).
    at = text.find(QR_PREFIX)
    if at < 0:
        raise ValueError("missing card prefix")
    return b45decode(text[at + len(QR_PREFIX) :])


def token_bytes(token: str) -> bytes:
    """The signed bytes of a URL token: strict unpadded Base32 (any case), one text per
    byte string, as Base45 is. ValueError when it is not one."""
    token = token.upper()
    try:
        data = base64.b32decode(token + "=" * (-len(token) % 8))
    except binascii.Error:
        raise ValueError("not a Base32 card token") from None
    if card_token(data) != token:
        raise ValueError("non-canonical Base32 card token")
    return data
