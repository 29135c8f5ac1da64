"""The wire protocol between stations and the channel server: paths, headers, versions,
limits and the shapes of the JSON bodies.

Every request except ``health`` carries the protocol and schema versions in headers;
the server accepts a range and answers 426 (protocol) or 409 (schema) otherwise.
"""

from __future__ import annotations

from typing import Any, Final, NotRequired, TypedDict

from sync.schema import SCHEMA_VERSION

PROTOCOL_VERSION: Final = 2
#: Versions this code can serve (server) or speak (client). 2 adds ``exits`` to a
#: pull page (records that left the station's scope); a version-1 client gets pages
#: without them, as before.
PROTOCOL_RANGE: Final = (1, 2)
#: The first protocol version whose pull pages list scope exits.
EXITS_SINCE: Final = 2
SCHEMA_RANGE: Final = (1, SCHEMA_VERSION)

HEADER_PROTOCOL: Final = "X-Sync-Protocol"
HEADER_SCHEMA: Final = "X-Sync-Schema"

HEALTH: Final = "/v1/health"
ENROL: Final = "/v1/enrol"
PUSH: Final = "/v1/push"
PULL: Final = "/v1/pull"
CONFLICTS: Final = "/v1/conflicts"
KEYS: Final = "/v1/keys"
VERIFY_CARD: Final = "/v1/cards/verify"
COUNTY_POLICY: Final = "/v1/county-policy"

#: Largest request body, compressed or not (413 beyond).
MAX_BODY_BYTES: Final = 8 * 1024 * 1024
#: Most mutations in one push.
MAX_PUSH_ITEMS: Final = 1000
#: Largest pull page the server hands out, in records and in bytes (before gzip): a
#: page of big notes must not take the server's memory (or a station's) with it.
MAX_PULL_LIMIT: Final = 2000
MAX_PULL_BYTES: Final = 4 * 1024 * 1024

APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
REJECTED: Final = "rejected"

#: Codes of a rejected push item.
REJECT_SCOPE: Final = "scope"
REJECT_INVALID: Final = "invalid"
REJECT_UNKNOWN_RECORD: Final = "unknown_record"
REJECT_CLOCK: Final = "clock"
#: A card issued or revoked under a key that is not the pushing station's (nor, for
#: a township or the county, a key of a station in its scope).
REJECT_CARD_KEY: Final = "card_key"

CREATE: Final = "create"
UPDATE: Final = "update"
ARCHIVE: Final = "archive"
OPS: Final = frozenset({CREATE, UPDATE, ARCHIVE})


class Mutation(TypedDict):
    """One committed local write, as pushed.

    ``base`` holds, for an update, the stamp each changed field had before the edit:
    the server calls a write concurrent (a conflict) when the field has been written
    by someone else since that stamp.
    """

    mutation_id: str
    record_type: str
    record_id: str
    op: str
    fields: dict[str, Any]
    hlc: str
    base: NotRequired[dict[str, str]]


class FieldConflict(TypedDict):
    field: str
    #: "won": this write replaced a concurrent one; "lost": a later write was kept.
    result: str


class PushResult(TypedDict):
    mutation_id: str
    status: str  # applied | duplicate | rejected
    code: NotRequired[str]
    message: NotRequired[str]
    message_en: NotRequired[str]
    conflicts: NotRequired[list[FieldConflict]]
    #: Set when the ID number is already registered elsewhere in the county (a
    #: duplicate-person conflict for the township or county): whom to ask, in Chinese.
    #: Nothing about the other record is disclosed.
    duplicate_person: NotRequired[str]
    #: Present when the stamp was clamped (a station clock far in the future): the
    #: stamp the server stored instead of ``hlc``.
    stamp: NotRequired[str]


class PulledRecord(TypedDict):
    """A changed record's current state: every field and every field's stamp."""

    type: str
    id: str
    seq: int
    fields: dict[str, Any]
    #: {field: stamp}; key "*" is the stamp of every field not listed.
    versions: dict[str, str]


class ScopeExitOut(TypedDict):
    """A record that left the station's scope: the station deletes it (and the records
    hanging on it). ``to`` is a worker's new unit; ``at`` the date (ISO) it moved."""

    type: str
    id: str
    seq: int
    to: str | None
    at: str


class PullPage(TypedDict):
    records: list[PulledRecord]
    cursor: int
    has_more: bool
    #: Protocol 2: records that left the scope, in the page's sequence range.
    exits: NotRequired[list[ScopeExitOut]]
    #: Asked with ``count``: records of the scope changed after the request's cursor.
    remaining: NotRequired[int]


def error_body(code: str, message: str, message_en: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of every error answer."""
    return {"error": code, "message": message, "message_en": message_en, **extra}
