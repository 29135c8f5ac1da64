"""The rows of the 就业帮扶台账: priority-group workers with their service record.

One streamed statement per export: each worker's 跟踪服务记录 and 培训记录 are
reduced in SQL to a count and the latest entry (window functions), so a 100k-row
ledger never holds the follow-ups of the whole county in memory.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import PriorityGroup
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.models.worker import Worker
from broker_app.store.repositories.priority_sql import in_groups

#: Columns ``iter_ledger_rows`` yields, in order.
LEDGER_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "id_number",
    "phone",
    "org_code",
    "poverty_alleviated",
    "monitoring_type",
    "low_income",
    "disabled",
    "education",
    "employment_status",
    "employment_mode",
    "place_tier",
    "employer",
    "work_place",
    "skills",
    "job_start",
    "job_end",
    "monthly_income",
    "willing_to_train",
    "notes",
    "follow_ups",
    "last_follow_up",
    "last_follow_up_kind",
    "last_follow_up_content",
    "last_follow_up_result",
    "trainings",
    "last_training_course",
    "last_training_kind",
    "last_training_end",
)


def ledger_conditions(groups: Collection[PriorityGroup], on: date) -> list[ColumnElement[bool]]:
    return [
        Worker.archived.is_(False),
        in_groups(groups, on),
    ]


def count_ledger(session: Session, groups: Collection[PriorityGroup], on: date) -> int:
    stmt = select(func.count()).select_from(Worker).where(*ledger_conditions(groups, on))
    return int(session.scalar(stmt) or 0)


def iter_ledger_rows(
    session: Session, groups: Collection[PriorityGroup], on: date
) -> Iterator[tuple[Any, ...]]:
    """``LEDGER_FIELDS`` of every worker in ``groups`` on day ``on``, by household
    village and name, streamed."""
    follow = (
        select(
            FollowUp.worker_id,
            FollowUp.date,
            FollowUp.kind,
            FollowUp.content,
            FollowUp.result,
            func.count().over(partition_by=FollowUp.worker_id).label("n"),
            func.row_number()
            .over(
                partition_by=FollowUp.worker_id, order_by=(FollowUp.date.desc(), FollowUp.pk.desc())
            )
            .label("rn"),
        )
        .where(FollowUp.archived.is_(False))
        .subquery()
    )
    ended = func.coalesce(Training.end_date, Training.start_date)
    train = (
        select(
            Training.worker_id,
            Training.course,
            Training.kind,
            ended.label("ended"),
            func.count().over(partition_by=Training.worker_id).label("n"),
            func.row_number()
            .over(
                partition_by=Training.worker_id,
                order_by=(ended.desc().nulls_last(), Training.pk.desc()),
            )
            .label("rn"),
        )
        .where(Training.archived.is_(False))
        .subquery()
    )
    worker_columns = [getattr(Worker, name) for name in LEDGER_FIELDS[:22]]
    stmt = (
        select(
            *worker_columns,
            func.coalesce(follow.c.n, 0),
            follow.c.date,
            follow.c.kind,
            follow.c.content,
            follow.c.result,
            func.coalesce(train.c.n, 0),
            train.c.course,
            train.c.kind,
            train.c.ended,
        )
        .outerjoin(follow, and_(follow.c.worker_id == Worker.id, follow.c.rn == 1))
        .outerjoin(train, and_(train.c.worker_id == Worker.id, train.c.rn == 1))
        .where(*ledger_conditions(groups, on))
        .order_by(Worker.org_code, Worker.name_sort, Worker.pk)
    )
    for row in session.execute(stmt.execution_options(yield_per=2000)):
        yield tuple(row)
