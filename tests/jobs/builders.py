"""Inputs shared by the job and matching tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from broker_app.domain.jobs.uscc import uscc_check_char
from broker_app.domain.matching.profiles import JobProfile, WorkerProfile, worker_profile
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import VILLAGE, valid_id, worker_input

TODAY = date(2025, 6, 1)
TOWNSHIP_PLACE = "370883107000"


def credit_code(body: str = "91370883MA3C00001") -> str:
    return body + uscc_check_char(body)


def job_input(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": "电焊工",
        "employer_name": "邹城市某建材有限公司",
        "employer_credit_code": credit_code(),
        "kind": "全职",
        "work_type": "焊工",
        "place_org_code": TOWNSHIP_PLACE,
        "headcount": 3,
        "wage": "4000-6000元/月",
        "age": "18-55周岁",
        "contact_name": "王经理",
        "contact_phone": "13912345678",
    }
    values.update(overrides)
    return values


def job_profile(**overrides: Any) -> JobProfile:
    values: dict[str, Any] = {
        "id": "job-1",
        "title": "电焊工",
        "kind": "full_time",
        "work_type": "焊工",
        "place_org_code": TOWNSHIP_PLACE,
        "place_tier": "in_county",
        "wage_min": 4000,
        "wage_max": 6000,
        "wage_unit": "month",
        "age_min": 18,
        "age_max": 55,
    }
    values.update(overrides)
    return JobProfile(**values)


def profile(worker_id: str = "w-1", **overrides: Any) -> WorkerProfile:
    values: dict[str, Any] = {
        "id": worker_id,
        "birth_date": date(1985, 3, 1),
        "org_code": VILLAGE,
        "employment_status": "unemployed",
        "skills": ["焊工"],
    }
    values.update(overrides)
    return worker_profile(**values)


def add_worker(store: Store, seq: int, **overrides: Any) -> str:
    """Register a worker with a distinct ID number; returns the worker id."""
    birth = overrides.pop("birth", "19850301")
    values = worker_input(id_number=valid_id(birth, f"{seq:03d}"), **overrides)
    return WorkerService(store).register(values, today=TODAY).record_ids[0]


def add_job(store: Store, **overrides: Any) -> str:
    return JobPostingService(store).create(job_input(**overrides), today=TODAY).job_id
