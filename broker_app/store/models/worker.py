"""劳动力 Worker: the real-name roster record."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Computed, Date, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, JsonList, SyncedRecord
from broker_app.store.worker_search import PINYIN_ORDER_SQL

_FILTER_COLUMNS = (
    "org_code",
    "birth_date",
    "employment_status",
    "poverty_alleviated",
    "monitoring_type",
    "low_income",
    "disabled",
)


def _covering(*leading: str) -> tuple[str, ...]:
    return leading + tuple(c for c in _FILTER_COLUMNS if c not in leading)


class Worker(SyncedRecord, Base):
    __tablename__ = "worker"
    record_type = "worker"

    # org_code (inherited) is the household village: the worker's owning org unit.
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(18))
    gender: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20), default="")
    household_address: Mapped[str] = mapped_column(Text, default="")
    education: Mapped[str | None] = mapped_column(String(16))
    skills: Mapped[list[Any]] = mapped_column(JsonList, default=list)
    certificates: Mapped[list[Any]] = mapped_column(JsonList, default=list)
    labor_brand: Mapped[str] = mapped_column(String(64), default="")
    poverty_alleviated: Mapped[bool] = mapped_column(Boolean, default=False)
    monitoring_type: Mapped[str | None] = mapped_column(String(24))
    low_income: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    employment_status: Mapped[str] = mapped_column(String(16))
    employment_mode: Mapped[str | None] = mapped_column(String(24))
    place_tier: Mapped[str] = mapped_column(String(16))
    employer: Mapped[str] = mapped_column(String(128), default="")
    work_place: Mapped[str] = mapped_column(String(128), default="")
    job_start: Mapped[date | None] = mapped_column(Date)
    job_end: Mapped[date | None] = mapped_column(Date)
    monthly_income: Mapped[int | None] = mapped_column(Integer)
    intended_work_types: Mapped[list[Any]] = mapped_column(JsonList, default=list)
    intended_place_tier: Mapped[str | None] = mapped_column(String(16))
    expected_wage: Mapped[int | None] = mapped_column(Integer)
    willing_to_train: Mapped[bool | None] = mapped_column(Boolean)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    # Derived locally (not synced): pinyin of the name, so the roster sorts like a
    # Chinese dictionary instead of by code point.
    name_sort: Mapped[str] = mapped_column(String(128), default="")
    # Derived locally (not synced): the day of the latest live 跟踪服务记录 (None:
    # none), copied from ``worker_last_follow_up`` by SQLite triggers (migration
    # 0015), so the 帮扶预警 summary reads it from ``ix_worker_stats`` instead of
    # seeking it for each of ~250,000 people. Never set by code.
    last_follow_up: Mapped[date | None] = mapped_column(Date)

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "name", "id_number", "gender", "birth_date", "phone", "household_address",
        "education", "skills", "certificates", "labor_brand", "poverty_alleviated",
        "monitoring_type", "low_income", "disabled", "employment_status",
        "employment_mode", "place_tier", "employer", "work_place", "job_start",
        "job_end", "monthly_income", "intended_work_types", "intended_place_tier",
        "expected_wage", "willing_to_train", "consent", "consent_date", "notes",
    )  # fmt: skip

    __table_args__ = (
        # Not unique: two stations may register the same person before sync notices;
        # the repository refuses local duplicates and the server surfaces the rest.
        Index("ix_worker_id_number", "id_number"),
        # Covering indexes for the roster's orders: each carries the filter columns
        # (status, priority flags, birth date for 大龄, household), so a filtered page
        # is answered from the index without a table lookup per row (55 ms -> 1 ms
        # for a township + 脱贫 filter at 100k workers).
        Index("ix_worker_roster", *_covering("archived", "name_sort", "pk")),
        Index("ix_worker_org_roster", *_covering("archived", "org_code", "name_sort", "pk")),
        Index("ix_worker_birth", *_covering("archived", "birth_date", "pk")),
        Index("ix_worker_status", "archived", "employment_status", "name_sort"),
        Index("ix_worker_updated", "archived", "updated_at", "pk"),
        # Covers the statistics' one pass over the roster (grouped by village, status
        # and tier, in this order) and the 帮扶预警 list's conditions, so neither reads
        # a table row per worker (2.0 s against 6.4 s for the stock figures at 400k).
        Index(
            "ix_worker_stats",
            "archived",
            "org_code",
            "employment_status",
            "place_tier",
            "poverty_alleviated",
            "monitoring_type",
            "low_income",
            "disabled",
            "birth_date",
            "job_end",
            "last_follow_up",
            "id",
        ),
        # Led by the row key: a text search finds row keys in ``worker_search`` and
        # checks each worker's filters and name order here, ~60 workers a page,
        # instead of in the table (~10 a page). Read with INDEXED BY (the planner
        # would pick the table's row-key lookup).
        Index("ix_worker_facets", "pk", "archived", *_FILTER_COLUMNS, "labor_brand", "name_sort"),
    )


class WorkerSearchToken(Base):
    """Search keys of a worker: name substrings, pinyin, ID and phone suffixes.

    One B-tree answers every search kind by exact token or by prefix range, including
    one- and two-character names, where FTS5's trigram index finds nothing. There is
    deliberately no index by worker: a second B-tree over 1.2M keys doubled the time
    of a 100k bulk load's token insert, and keys are removed by their exact value
    (computed from the old name, ID number and phone) instead.
    """

    __tablename__ = "worker_search"
    token: Mapped[str] = mapped_column(String(80), primary_key=True)
    worker_pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The worker's archived flag and priority groups as bits (``facet_bits``), kept
    #: with every key so a text + priority search never looks the workers up. Every
    #: write of those fields rewrites them (``workers.reindex``).
    facets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: Computed by SQLite and stored only in its index (``PINYIN_ORDER_SQL``).
    ordered: Mapped[str | None] = mapped_column(Text, Computed(PINYIN_ORDER_SQL, persisted=False))
    __table_args__ = (
        Index(
            "ix_worker_search_ordered",
            "ordered",
            "facets",
            sqlite_where=text("ordered IS NOT NULL"),
        ),
        {"sqlite_with_rowid": False},
    )
