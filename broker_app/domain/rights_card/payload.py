"""The facts a rights-card QR carries, and their compact binary form (wire format 1).

QR text
    ``"WQ1:" + Base45(content + signature)``. "WQ" is 维权; every character is in
    the QR alphanumeric set, so the whole text stays in alphanumeric mode.

content = header + payload  (this is exactly what the Ed25519 signature covers,
after a fixed domain-separation prefix that is never transmitted, see signing)

header, 5 bytes, never compressed (the verifier needs it before checking the
signature):

    byte 0       high nibble: format version, 1
                 low nibble: flags; bit 0 = payload is raw DEFLATE with the
                 preset dictionary of ``compression``; bits 1-3 must be 0
    bytes 1-4    key id: first 4 bytes of SHA-256 of the raw 32-byte public key

payload (raw, or raw DEFLATE when that is shorter; at most 75 bytes as sent):

    varint       serial (unsigned LEB128, < 2**32; unique per issuing station)
    varint       issue date, days since 2020-01-01
    varint       validity, days from issue date to expiry date (inclusive end)
    5 bytes      masked ID number, big-endian 34-bit integer
                 ``prefix6 * 11000 + suffix3 * 11 + check`` where check is the
                 last character (0-9, X = 10). The eight hidden digits never
                 enter the card, so the QR cannot leak them.
    n bytes      complaint phone, BCD nibbles high nibble first: 0-9 digits,
                 0xA = "-", ended by an 0xF nibble (and one more 0xF pad if the
                 end falls on a high nibble). "0537-5212345" takes 7 bytes,
                 "12333" takes 3.
    3 strings    worker name, project name, general contractor (施工总承包单位),
                 each: 1 length byte (bit 7 = truncated, bits 0-6 = byte count)
                 then GB18030 text.

signature, 64 bytes: Ed25519.

Why GB18030 and not UTF-8: common Chinese characters cost 2 bytes instead of 3,
so the same budget carries half as many characters again. GB18030 is the
mandatory national character set and encodes every Unicode character; Python,
Java and every browser's TextDecoder read it.

Budget. The QR must stay at version 10 or lower at error correction Q, which
holds 221 alphanumeric characters. "WQ1:" takes 4, leaving 217, and Base45
spends 3 characters per 2 bytes, so content + signature may total at most 144
bytes (a 150-byte total would need 229 characters: version 11). With a 5-byte
header and a 64-byte signature the payload gets 75 bytes.

Fitting. When the texts do not fit, the longest (in bytes) of project name and
contractor loses its last character, again and again, down to 4 characters each;
then the worker name down to 4; then any of the three down to 1. The truncated
flag makes the decoded text end in "…". The full names are printed beside the QR.

Measured (benchmarks/card_qr.py). Fixed fields at their usual size (serial below
16384, dates before 2064, 12-character phone) take 18 bytes plus 3 length bytes,
leaving 54 bytes of text: uncompressed, a 3-character name and 24 characters of
project and contractor together. Eight typical Zoucheng cards (13-17 character
projects, 11-16 character contractors) take 43-68 payload bytes, 112-137 signed
bytes, QR version 9 or 10, all deflated and nothing truncated. The worst case
(4-character name, 30-character project and contractor names without a single
dictionary word, serial 2**32-1) takes 74 payload bytes, 143 signed bytes, 219
characters, version 10, and keeps 10 and 11 characters of the two long names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from .binary import ByteReader, encode_varint
from .compression import TEXT_ENCODING, deflate, inflate

FORMAT_VERSION = 1
FLAG_DEFLATED = 0x01
KEY_ID_LENGTH = 4
HEADER_LENGTH = 1 + KEY_ID_LENGTH
SIGNATURE_LENGTH = 64
MAX_SIGNED_BYTES = 144
MAX_CONTENT_LENGTH = MAX_SIGNED_BYTES - SIGNATURE_LENGTH
MAX_PAYLOAD_LENGTH = MAX_CONTENT_LENGTH - HEADER_LENGTH

EPOCH = date(2020, 1, 1)
MAX_SERIAL = 2**32 - 1
TRUNCATION_MARK = "…"

# Floors of the fitting rule (module docstring): names stay readable.
_PLACE_FLOOR = 4
_NAME_FLOOR = 4
_MAX_STRING_BYTES = 0x7F
_TRUNCATED_BIT = 0x80
# Far above any real payload; only caps what a hostile DEFLATE stream may expand to.
_MAX_INFLATED = 1024

_MASKED_ID = re.compile(r"([0-9]{6})\*{8}([0-9]{3})([0-9X])")
_PHONE = re.compile(r"[0-9][0-9-]{1,18}[0-9]")
_PHONE_NIBBLE = {**{str(d): d for d in range(10)}, "-": 0xA}
_NIBBLE_CHAR = {v: k for k, v in _PHONE_NIBBLE.items()}
_END_NIBBLE = 0xF


@dataclass(frozen=True)
class CardFacts:
    """What a rights card states about one worker on one project, as signed.

    ``masked_id`` looks like "370883********123X". Decoded facts of a card whose
    texts were fitted end in TRUNCATION_MARK.
    """

    serial: int
    worker_name: str
    masked_id: str
    project_name: str
    contractor: str
    complaint_phone: str
    issue_date: date
    expiry_date: date
    key_id: bytes

    def __post_init__(self) -> None:
        if not 0 <= self.serial <= MAX_SERIAL:
            raise ValueError(f"serial must be within 0..{MAX_SERIAL}")
        if not self.worker_name:
            raise ValueError("worker name is empty")
        for text in (self.worker_name, self.project_name, self.contractor):
            text.encode(TEXT_ENCODING)  # UnicodeEncodeError is a ValueError (lone surrogates)
        if not _MASKED_ID.fullmatch(self.masked_id):
            raise ValueError("masked ID must look like 370883********123X")
        if not _PHONE.fullmatch(self.complaint_phone):
            raise ValueError("complaint phone must be 3-20 digits or '-', e.g. 0537-5212345")
        for day in (self.issue_date, self.expiry_date):
            if isinstance(day, datetime) or not isinstance(day, date):
                raise ValueError("issue and expiry dates must be datetime.date values")
        if self.issue_date < EPOCH:
            raise ValueError(f"issue date before {EPOCH}")
        if self.expiry_date < self.issue_date:
            raise ValueError("expiry date before issue date")
        if len(self.key_id) != KEY_ID_LENGTH:
            raise ValueError(f"key id must be {KEY_ID_LENGTH} bytes")


@dataclass(frozen=True)
class CardHeader:
    version: int
    deflated: bool
    key_id: bytes


def encode_content(facts: CardFacts) -> bytes:
    """Header + payload for ``facts``, texts fitted into the budget (see module docstring)."""
    fixed = _encode_fixed(facts)
    texts = (facts.worker_name, facts.project_name, facts.contractor)
    for lengths in _fitting_steps(texts):
        fields = [
            _encode_text(text[:keep], truncated=keep < len(text))
            for text, keep in zip(texts, lengths, strict=True)
        ]
        if any(field is None for field in fields):
            continue
        payload = fixed + b"".join(field for field in fields if field is not None)
        packed = deflate(payload)
        deflated = len(packed) < len(payload)
        if not deflated:
            packed = payload
        if len(packed) <= MAX_PAYLOAD_LENGTH:
            flags = FLAG_DEFLATED if deflated else 0
            return bytes([FORMAT_VERSION << 4 | flags]) + facts.key_id + packed
    # Unreachable: the largest fixed fields (29 bytes) and one character per text fit.
    raise ValueError("card facts do not fit the QR budget")


def read_header(content: bytes) -> CardHeader:
    """Parse the 5-byte header; ValueError if absent, of another version or with unknown flags."""
    if len(content) < HEADER_LENGTH:
        raise ValueError("content shorter than its header")
    version, flags = content[0] >> 4, content[0] & 0x0F
    if version != FORMAT_VERSION:
        raise ValueError(f"unsupported card format version {version}")
    if flags & ~FLAG_DEFLATED:
        raise ValueError("unknown header flags")
    return CardHeader(version, bool(flags & FLAG_DEFLATED), content[1:HEADER_LENGTH])


def decode_content(content: bytes) -> CardFacts:
    """Inverse of :func:`encode_content`; ValueError on any malformed input."""
    header = read_header(content)
    payload = content[HEADER_LENGTH:]
    if header.deflated:
        payload = inflate(payload, _MAX_INFLATED)
    reader = ByteReader(payload)
    serial = reader.read_varint()
    issue_date = _day(reader.read_varint())
    expiry_date = _day(issue_date.toordinal() - EPOCH.toordinal() + reader.read_varint())
    masked_id = _decode_masked_id(reader.read(5))
    phone = _decode_phone(reader)
    worker_name, project_name, contractor = (_decode_text(reader) for _ in range(3))
    if reader.remaining:
        raise ValueError("trailing bytes after the last field")
    return CardFacts(
        serial=serial,
        worker_name=worker_name,
        masked_id=masked_id,
        project_name=project_name,
        contractor=contractor,
        complaint_phone=phone,
        issue_date=issue_date,
        expiry_date=expiry_date,
        key_id=header.key_id,
    )


def facts_in_qr(facts: CardFacts) -> CardFacts:
    """The facts as a scanner will read them back, i.e. after fitting (for print previews)."""
    return decode_content(encode_content(facts))


def _encode_fixed(facts: CardFacts) -> bytes:
    issue_days = (facts.issue_date - EPOCH).days
    valid_days = (facts.expiry_date - facts.issue_date).days
    return b"".join(
        (
            encode_varint(facts.serial),
            encode_varint(issue_days),
            encode_varint(valid_days),
            _encode_masked_id(facts.masked_id),
            _encode_phone(facts.complaint_phone),
        )
    )


def _fitting_steps(texts: tuple[str, str, str]) -> Iterator[tuple[int, int, int]]:
    """Character counts to try, from untouched to ever shorter (the fitting rule)."""
    lengths = [len(text) for text in texts]
    yield (lengths[0], lengths[1], lengths[2])
    stages = ((1, 2), _PLACE_FLOOR), ((0,), _NAME_FLOOR), ((1, 2, 0), 1)
    for candidates, floor in stages:
        while True:
            shrinkable = [(rank, i) for rank, i in enumerate(candidates) if lengths[i] > floor]
            if not shrinkable:
                break
            # Longest in bytes first; a tie goes to the earlier candidate.
            _, victim = max(
                shrinkable,
                key=lambda item: (
                    len(texts[item[1]][: lengths[item[1]]].encode(TEXT_ENCODING)),
                    -item[0],
                ),
            )
            lengths[victim] -= 1
            yield (lengths[0], lengths[1], lengths[2])


def _encode_text(text: str, *, truncated: bool) -> bytes | None:
    """Length byte + GB18030 bytes, or None when the text is too long for the length byte."""
    raw = text.encode(TEXT_ENCODING)
    if len(raw) > _MAX_STRING_BYTES:
        return None
    return bytes([len(raw) | (_TRUNCATED_BIT if truncated else 0)]) + raw


def _decode_text(reader: ByteReader) -> str:
    lead = reader.read_byte()
    text = reader.read(lead & _MAX_STRING_BYTES).decode(TEXT_ENCODING)
    return text + TRUNCATION_MARK if lead & _TRUNCATED_BIT else text


def _encode_masked_id(masked_id: str) -> bytes:
    match = _MASKED_ID.fullmatch(masked_id)
    if match is None:
        raise ValueError("masked ID must look like 370883********123X")
    prefix, digits, check = match.groups()
    value = int(prefix) * 11000 + int(digits) * 11 + (10 if check == "X" else int(check))
    return value.to_bytes(5, "big")


def _decode_masked_id(raw: bytes) -> str:
    prefix, rest = divmod(int.from_bytes(raw, "big"), 11000)
    if prefix > 999_999:
        raise ValueError("masked ID out of range")
    digits, check = divmod(rest, 11)
    return f"{prefix:06d}{'*' * 8}{digits:03d}{'X' if check == 10 else check}"


def _encode_phone(phone: str) -> bytes:
    nibbles = [_PHONE_NIBBLE[char] for char in phone] + [_END_NIBBLE]
    if len(nibbles) % 2:
        nibbles.append(_END_NIBBLE)
    return bytes(hi << 4 | lo for hi, lo in zip(nibbles[::2], nibbles[1::2], strict=True))


def _decode_phone(reader: ByteReader) -> str:
    chars: list[str] = []
    while len(chars) <= 20:
        byte = reader.read_byte()
        high, low = byte >> 4, byte & 0x0F
        if high == _END_NIBBLE:
            if low != _END_NIBBLE:
                raise ValueError("phone terminator must be padded with 0xF")
            return "".join(chars)
        chars.append(_phone_char(high))
        if low == _END_NIBBLE:
            return "".join(chars)
        chars.append(_phone_char(low))
    raise ValueError("phone number too long")


def _phone_char(nibble: int) -> str:
    try:
        return _NIBBLE_CHAR[nibble]
    except KeyError:
        raise ValueError("bad phone nibble") from None


def _day(days: int) -> date:
    try:
        return date.fromordinal(EPOCH.toordinal() + days)
    except (OverflowError, ValueError):
        raise ValueError("date out of range") from None
