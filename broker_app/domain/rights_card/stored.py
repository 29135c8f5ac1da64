"""Reading the facts back out of a card text this station already holds.

For the issuing station's own records (is this card still what the project says?),
never for judging a scanned card: that is ``verify_card``, which checks the
signature before believing anything.
"""

from __future__ import annotations

from .envelope import split_qr_text
from .payload import CardFacts, decode_content, read_header


def unverified_facts(text: str) -> CardFacts:
    """The facts in a card text without checking its signature; ValueError if malformed."""
    content, _signature = split_qr_text(text)
    return decode_content(content)


def card_key_id(text: str) -> bytes | None:
    """The key id a card text names, or None if the text is not a card (unverified)."""
    try:
        content, _signature = split_qr_text(text)
        return read_header(content).key_id
    except ValueError:
        return None
