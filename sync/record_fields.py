"""The fields of every synced record kind: name, type, length, vocabulary, reference.

This is the one definition the channel server checks pushes against and the desktop
models must agree with (``tests/sync/test_record_fields.py`` compares it with the
SQLAlchemy models column by column, so a column added, re-typed or lengthened on one
side only fails the build). It is pure: the server imports it without the desktop's
store. Vocabularies come from ``broker_app.domain``, the same enums the desktop uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final

from broker_app.domain.arrears.clues import ClueSource, ClueStatus
from broker_app.domain.common.enums import (
    BatchStatus,
    Education,
    EmploymentMode,
    EmploymentStatus,
    FollowUpKind,
    Gender,
    JobKind,
    JobStatus,
    MatchStatus,
    MonitoringType,
    PlaceTier,
    TrainingKind,
)
from broker_app.domain.jobs.wage import WageUnit

TEXT: Final = "text"
INT: Final = "int"
FLOAT: Final = "float"
BOOL: Final = "bool"
DATE: Final = "date"
LIST: Final = "list"
#: An id of another record (``ref`` names its kind).
REF: Final = "ref"
#: A 12-digit administrative division code.
ORG: Final = "org"

#: Characters of a free-text (``Text``) column: a page of notes, not a file.
LONG_TEXT: Final = 16_384
#: The card's signed QR payload.
QR_TEXT: Final = 4_096
#: Integers are 64-bit signed everywhere they are stored (SQLite, PostgreSQL bigint).
INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**63 - 1
#: Items of a list field, characters of a text item, nesting below the list.
LIST_ITEMS: Final = 200
LIST_ITEM_TEXT: Final = 256
LIST_DEPTH: Final = 2
#: Keys of an object inside a list (a match's history entry) and their text.
OBJECT_KEYS: Final = 8
OBJECT_TEXT: Final = 1_024
ID_LENGTH: Final = 36


@dataclass(frozen=True)
class FieldSpec:
    kind: str
    #: Longest text (characters); for ``TEXT`` and ``LIST`` items.
    max_len: int = 0
    #: May be null on the wire (nullable column, or one with a default).
    nullable: bool = True
    #: NOT NULL without a default: a new record must carry it.
    required: bool = False
    #: Allowed codes of a vocabulary field.
    codes: frozenset[str] | None = None
    #: Record kind a ``REF`` points at.
    ref: str | None = None
    #: List items are objects (``{"status", "date", "note"}``) rather than text.
    objects: bool = False


def _text(n: int, required: bool = False) -> FieldSpec:
    return FieldSpec(TEXT, max_len=n, nullable=not required, required=required)


def _long(n: int = LONG_TEXT) -> FieldSpec:
    return FieldSpec(TEXT, max_len=n)


def _code(vocabulary: type[Enum], required: bool = False) -> FieldSpec:
    codes = frozenset(str(member.value) for member in vocabulary)
    # The column's width: the longest code fits (checked against the models).
    return FieldSpec(TEXT, max_len=0, nullable=not required, required=required, codes=codes)


def _int(required: bool = False) -> FieldSpec:
    return FieldSpec(INT, nullable=not required, required=required)


def _date(required: bool = False) -> FieldSpec:
    return FieldSpec(DATE, nullable=not required, required=required)


def _bool() -> FieldSpec:
    return FieldSpec(BOOL)


def _list(objects: bool = False) -> FieldSpec:
    return FieldSpec(LIST, max_len=OBJECT_TEXT if objects else LIST_ITEM_TEXT, objects=objects)


def _ref(kind: str, required: bool = True) -> FieldSpec:
    return FieldSpec(REF, max_len=ID_LENGTH, nullable=not required, required=required, ref=kind)


_COMMON: Final[dict[str, FieldSpec]] = {
    "org_code": FieldSpec(ORG, max_len=12, nullable=False, required=True),
    "archived": FieldSpec(BOOL),
}

FIELDS: Final[Mapping[str, Mapping[str, FieldSpec]]] = {
    "worker": {
        **_COMMON,
        "name": _text(64, required=True),
        "id_number": _text(18, required=True),
        "gender": _code(Gender, required=True),
        "birth_date": _date(required=True),
        "phone": _text(20),
        "household_address": _long(),
        "education": _code(Education),
        "skills": _list(),
        "certificates": _list(),
        "labor_brand": _text(64),
        "poverty_alleviated": _bool(),
        "monitoring_type": _code(MonitoringType),
        "low_income": _bool(),
        "disabled": _bool(),
        "employment_status": _code(EmploymentStatus, required=True),
        "employment_mode": _code(EmploymentMode),
        "place_tier": _code(PlaceTier, required=True),
        "employer": _text(128),
        "work_place": _text(128),
        "job_start": _date(),
        "job_end": _date(),
        "monthly_income": _int(),
        "intended_work_types": _list(),
        "intended_place_tier": _code(PlaceTier),
        "expected_wage": _int(),
        "willing_to_train": _bool(),
        "consent": _bool(),
        "consent_date": _date(),
        "notes": _long(),
    },
    "job": {
        **_COMMON,
        "title": _text(128, required=True),
        "employer_name": _text(128, required=True),
        "employer_credit_code": _text(18),
        "kind": _code(JobKind, required=True),
        "work_type": _text(64),
        "place_org_code": FieldSpec(ORG, max_len=12),
        "place_tier": _code(PlaceTier, required=True),
        "place_text": _text(128),
        "headcount": _int(),
        "wage_min": _int(),
        "wage_max": _int(),
        "wage_unit": _code(WageUnit),
        "age_min": _int(),
        "age_max": _int(),
        "requirements": _long(),
        "start_date": _date(),
        "end_date": _date(),
        "deadline": _date(),
        "contact_name": _text(64),
        "contact_phone": _text(20),
        "status": _code(JobStatus, required=True),
        "notes": _long(),
    },
    "match": {
        **_COMMON,
        "worker_id": _ref("worker"),
        "job_id": _ref("job"),
        "score": FieldSpec(FLOAT),
        "reasons": _list(),
        "status": _code(MatchStatus, required=True),
        "history": _list(objects=True),
        "notes": _long(),
    },
    "batch": {
        **_COMMON,
        "name": _text(128, required=True),
        "employer": _text(128, required=True),
        "project": _text(128),
        "destination": _text(128),
        "place_tier": _code(PlaceTier, required=True),
        "departure_date": _date(),
        "transport": _text(64),
        "leader_name": _text(64),
        "leader_phone": _text(20),
        "status": _code(BatchStatus, required=True),
        "notes": _long(),
        # The construction project the batch goes to (cards are printed for it).
        "project_id": _ref("project", required=False),
    },
    "batch_member": {
        **_COMMON,
        "batch_id": _ref("batch"),
        "worker_id": _ref("worker"),
        "match_id": _ref("match", required=False),
        "work_type": _text(64),
        "notes": _long(),
    },
    "project": {
        **_COMMON,
        "name": _text(128, required=True),
        "address": _text(256),
        "general_contractor": _text(128),
        "subcontractor": _text(128),
        "labor_officer_name": _text(64),
        "labor_officer_phone": _text(20),
        "manager_phone": _text(20),
        "complaint_phone_hrss": _text(20),
        "complaint_phone_housing": _text(20),
        "complaint_phone_national": _text(20),
        "min_wage": _int(),
        "pay_day": _int(),
        "start_date": _date(),
        "end_date": _date(),
        "notes": _long(),
        # 包保: the unit answerable for the site (any unit of the county).
        "responsible_org": FieldSpec(ORG, max_len=12),
        "responsible_person": _text(64),
    },
    "card": {
        **_COMMON,
        "worker_id": _ref("worker"),
        "project_id": _ref("project"),
        "serial": _int(required=True),
        "issue_date": _date(required=True),
        "expiry_date": _date(required=True),
        "key_id": _text(16, required=True),
        "qr_text": _long(QR_TEXT),
        "revoked": _bool(),
    },
    "follow_up": {
        **_COMMON,
        "worker_id": _ref("worker"),
        "date": _date(required=True),
        "kind": _code(FollowUpKind, required=True),
        "content": _long(),
        "result": _long(),
        "operator": _text(64),
    },
    "training": {
        **_COMMON,
        "worker_id": _ref("worker"),
        "kind": _code(TrainingKind, required=True),
        "course": _text(128, required=True),
        "provider": _text(128),
        "start_date": _date(),
        "end_date": _date(),
        "hours": _int(),
        "certificate": _text(128),
        "passed": _bool(),
    },
    # A wage-arrears clue; org_code is the unit whose station holds the project (or,
    # with no project, the station that registered it).
    "wage_clue": {
        **_COMMON,
        "project_id": _ref("project", required=False),
        "card_serial": _int(),
        "card_key_id": _text(16),
        "source": _code(ClueSource, required=True),
        "reporter_phone": _text(20, required=True),
        "reporter_name": _text(64),
        "amount_owed": _int(),
        "months_owed": _int(),
        "description": _long(2_000),
        "query_code": _text(16, required=True),
        "status": _code(ClueStatus, required=True),
        "received_on": _date(required=True),
        "accepted_on": _date(),
        "closed_on": _date(),
        "reject_reason": _long(500),
        "public_note": _long(500),
        "operator": _text(64),
    },
    # A visit to a project's site and the cards found there (org_code: the project's).
    "inspection": {
        **_COMMON,
        "project_id": _ref("project"),
        "inspected_on": _date(required=True),
        "inspector": _text(64),
        "workers_on_site": _int(),
        "cards_valid": _int(),
        "cards_missing": _int(),
        "cards_invalid": _int(),
        "notes": _long(2_000),
    },
    # A problem found on a site, its rectification deadline and its closing.
    "site_problem": {
        **_COMMON,
        "project_id": _ref("project"),
        "inspection_id": _ref("inspection", required=False),
        "description": _long(2_000),
        "found_on": _date(required=True),
        "deadline": _date(),
        "closed_on": _date(),
        "closing_note": _long(2_000),
    },
}

#: Fields a newer program may send that this one does not know: carried by the server
#: (an older client ignores them) but bounded, so they cannot be the way in for what
#: the known fields refuse.
MAX_UNKNOWN_FIELDS: Final = 16
MAX_UNKNOWN_BYTES: Final = 4_096
MAX_UNKNOWN_DEPTH: Final = 3


def references(record_type: str) -> dict[str, str]:
    """Reference fields of a kind and the kind each points at."""
    return {
        name: spec.ref
        for name, spec in FIELDS[record_type].items()
        if spec.kind == REF and spec.ref is not None
    }
