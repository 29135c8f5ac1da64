"""The authenticated link between the public card service and the channel server.

Three routes, for the card service's credential only (``Authorization: Bearer``, plus
the protocol and schema headers every sync request carries):

``GET  /v1/card-service/feed?cursor=N&limit=M``
    What cards print, changed after ``cursor``: ``{"cards": [...], "projects": [...],
    "keys": [...], "revoked_cards": [...], "cursor": N, "more": bool}``. A card is
    ``{key_id, serial, issue_date, expiry_date, revoked, worker_name (masked 刘*卫),
    masked_id, project_id}``; a project ``{id, name, address, general_contractor,
    subcontractor, labor_officer_name, labor_officer_phone, complaint_phones[],
    min_wage, pay_day}``. Nothing else of the roster travels.
``POST /v1/card-service/clues``
    One clue (``clue_fields``); answered ``{"query_code", "status"}``. The card service
    makes the query code and the clue id, so a worker gets the code even while the
    channel is down; a resent clue id is answered as the first time.
``GET  /v1/card-service/progress/{query_code}``
    ``{"status", "received_on", "accepted_on", "closed_on", "public_note"}`` or 404.

The clue's checks live here, so the card service refuses a bad form before storing it
and the server refuses the same things again (it trusts no caller).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from broker_app.domain.arrears.clues import normalise_query_code
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_phone

CARD_FEED: Final = "/v1/card-service/feed"
CARD_CLUES: Final = "/v1/card-service/clues"
CARD_PROGRESS: Final = "/v1/card-service/progress"

#: Most records of one feed page.
FEED_LIMIT: Final = 500
NAME_MAX: Final = 64
DESCRIPTION_MAX: Final = 2_000
AMOUNT_MAX: Final = 100_000_000
MONTHS_MAX: Final = 240

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_KEY_ID = re.compile(r"^[0-9a-f]{8}$")
#: Characters a free text may not hold: controls other than tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ClueRefused(ValueError):
    """A clue that cannot be taken, with the Chinese and English reason."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message = message
        self.message_en = message_en


def is_uuid(value: object) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def clue_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The clue in ``raw`` checked and in canonical form, or ClueRefused.

    Keys: clue_id, query_code, project_id, card_key_id, card_serial, reporter_phone,
    reporter_name, amount_owed, months_owed, description."""
    clue_id = raw.get("clue_id")
    if not is_uuid(clue_id):
        raise ClueRefused("线索编号不正确", "clue_id is not a UUID")
    code = raw.get("query_code")
    if not isinstance(code, str) or normalise_query_code(code) != code:
        raise ClueRefused("查询码不正确", "query_code is not a query code")
    project = raw.get("project_id")
    if not is_uuid(project):
        raise ClueRefused("项目不正确", "project_id is not a UUID")
    key_id, serial = raw.get("card_key_id"), raw.get("card_serial")
    if key_id is not None and not (isinstance(key_id, str) and _KEY_ID.match(key_id)):
        raise ClueRefused("卡片信息不正确", "card_key_id is not 8 hex digits")
    if serial is not None and not _int_in(serial, 0, 2**32 - 1):
        raise ClueRefused("卡片信息不正确", "card_serial out of range")
    return {
        "clue_id": clue_id,
        "query_code": code,
        "project_id": project,
        "card_key_id": key_id,
        "card_serial": serial,
        "reporter_phone": reporter_phone(raw.get("reporter_phone")),
        "reporter_name": _text(raw.get("reporter_name"), NAME_MAX, "姓名") or None,
        "amount_owed": _optional_int(raw.get("amount_owed"), AMOUNT_MAX, "欠薪金额"),
        "months_owed": _optional_int(raw.get("months_owed"), MONTHS_MAX, "欠薪月数"),
        "description": _text(raw.get("description"), DESCRIPTION_MAX, "情况说明"),
    }


def reporter_phone(value: object) -> str:
    """A phone a broker can call back: a mobile or a landline with its area code."""
    if not isinstance(value, str) or not value.strip() or len(value) > 32:
        raise ClueRefused("请填写能联系到您的电话", "reporter_phone missing or too long")
    try:
        return normalize_phone(value, allow_service=False)
    except FieldError as exc:
        raise ClueRefused(
            "电话号码不正确，请填写手机号或带区号的固定电话", f"bad phone: {exc}"
        ) from exc


def _text(value: object, limit: int, label: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ClueRefused(f"{label}格式不正确", f"{label} is not text")
    text = value.replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise ClueRefused(f"{label}太长（最多 {limit} 字）", f"text longer than {limit}")
    if _CONTROL.search(text):
        raise ClueRefused(f"{label}中有无法识别的字符", "control characters in text")
    return text


def _optional_int(value: object, limit: int, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            raise ClueRefused(f"{label}请填写整数", f"{label} is not a whole number")
        value = int(text)
    if not _int_in(value, 0, limit):
        raise ClueRefused(f"{label}超出范围", f"{label} out of range")
    assert isinstance(value, int)
    return value


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
