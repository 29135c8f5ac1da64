"""Request and answer bodies as the OpenAPI document describes them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from sync.protocol import MAX_PUSH_ITEMS


class EnrolIn(BaseModel):
    code: str = Field(min_length=4, max_length=64, description="一次性注册码 / one-time code")
    node_id: str = Field(min_length=1, max_length=64, description="本站数据库的节点编号")
    public_key: str | None = Field(
        default=None, max_length=64, description="维权卡签名公钥（64位十六进制）"
    )
    key_label: str = Field(
        default="", max_length=128, description="ignored: labels come from the station register"
    )
    org_code: str | None = Field(
        default=None, max_length=12, description="本站已属单位；注册码不符时拒绝且不作废"
    )


class EnrolOut(BaseModel):
    station_id: str
    credential: str = Field(description="Bearer 凭证；服务器只保存其摘要")
    org_code: str
    org_name: str
    station_name: str
    key_id: str | None = None


class MutationDoc(BaseModel):
    """One item of ``mutations`` (each is checked on its own; a bad one is rejected alone)."""

    mutation_id: str
    record_type: str
    record_id: str
    op: str = Field(description="create | update | archive")
    fields: dict[str, Any]
    hlc: str = Field(description="HLC stamp: 12 hex ms + 4 hex counter + '@' + node id")
    base: dict[str, str] = Field(default_factory=dict, description="stamps before the edit")


class PushIn(BaseModel):
    mutations: list[Any] = Field(
        max_length=MAX_PUSH_ITEMS, description="items shaped like MutationDoc, in outbox order"
    )


class FieldConflictOut(BaseModel):
    field: str
    result: str = Field(description="won | lost")


class PushResultOut(BaseModel):
    mutation_id: str
    status: str = Field(description="applied | duplicate | rejected")
    code: str | None = Field(
        default=None, description="scope | invalid | unknown_record | clock | card_key"
    )
    message: str | None = None
    message_en: str | None = None
    conflicts: list[FieldConflictOut] | None = None
    duplicate_person: str | None = Field(
        default=None, description="the ID number is registered elsewhere: whom to ask"
    )
    stamp: str | None = Field(default=None, description="the clamped stamp, when clamped")


class PushOut(BaseModel):
    results: list[PushResultOut]


class PulledRecordOut(BaseModel):
    type: str
    id: str
    seq: int
    fields: dict[str, Any]
    versions: dict[str, str] = Field(description="{field: stamp}; '*' = every field not listed")


class ScopeExitItem(BaseModel):
    type: str
    id: str
    seq: int
    to: str | None = Field(None, description="a worker's new unit")
    at: str = Field(description="date of the move (ISO)")


class PullOut(BaseModel):
    records: list[PulledRecordOut]
    cursor: int
    has_more: bool
    exits: list[ScopeExitItem] | None = Field(
        None, description="protocol 2: records that left the station's scope"
    )
    remaining: int | None = Field(
        None, description="asked with count=true: records of the scope after the cursor"
    )


class ConflictSide(BaseModel):
    value: Any = None
    stamp: str | None = None
    station: str | None = None


class ConflictOut(BaseModel):
    id: int
    kind: str = Field(description="field | duplicate_person | clock")
    record_type: str
    record_id: str
    other_record_id: str | None
    field: str | None
    org_code: str
    winner: ConflictSide
    loser: ConflictSide
    created_at: str
    resolved: bool
    resolution: str | None


class ConflictsOut(BaseModel):
    conflicts: list[ConflictOut]


class KeyIn(BaseModel):
    public_key: str = Field(min_length=64, max_length=64, description="64 hex chars")
    label: str = Field(
        default="", max_length=128, description="ignored: labels come from the station register"
    )


class KeyOut(BaseModel):
    key_id: str
    public_key: str
    valid_from: str | None
    valid_until: str | None
    certified: bool
    revoked: bool
    label: str = Field(description="the issuing station's name in the server's register")
    station_id: str | None = Field(default=None, description="county only")
    org_code: str | None = Field(default=None, description="county only")
    max_serial: int = Field(description="the highest card serial stored under this key")


class RevokedCardOut(BaseModel):
    key_id: str
    serial: int


class KeyListOut(BaseModel):
    keys: list[KeyOut]
    revoked_cards: list[RevokedCardOut]


class VerifyIn(BaseModel):
    qr_text: str = Field(min_length=1, max_length=2000)


class CardFactsOut(BaseModel):
    serial: int
    worker_name: str
    masked_id: str
    project_name: str
    contractor: str
    complaint_phone: str
    issue_date: str
    expiry_date: str
    key_id: str


class VerifyOut(BaseModel):
    ok: bool
    reason: str
    message: str
    message_en: str
    key_certified: bool
    issuer: str = Field(default="", description="the issuing station, from the register")
    facts: CardFactsOut | None


class HealthOut(BaseModel):
    status: str
    protocol: list[int]
    schema_range: list[int] = Field(alias="schema")
    server_time: str
