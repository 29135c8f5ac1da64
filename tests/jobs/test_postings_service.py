"""Job posting use cases: create, edit, close, filled, read-only county postings."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.query import JobFilter, JobSort, Publisher
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.services.jobs.postings import InvalidJob, JobPostingService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.store.models import JobPosting, OutboxEntry
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.store import Store
from tests.conftest import VILLAGE
from tests.jobs.builders import TODAY, add_job, add_worker, job_input


def county_job(store: Store, **overrides: object) -> str:
    """A posting as if it had arrived from the county by sync."""
    values = {**JobPostingService(store).check(job_input(**overrides), today=TODAY).values}
    with store.write() as session:
        job = job_repo.create(
            store.writer(session), {**values, "org_code": COUNTY_CODE, "status": "open"}
        )
        return job.id


def test_create_publishes_under_station_org_with_outbox(store: Store) -> None:
    saved = JobPostingService(store).create(job_input(), today=TODAY)
    details = JobPostingService(store).details(saved.job_id)
    assert details["org_code"] == VILLAGE
    assert details["status"] == "open"
    assert details["filled"] == 0 and details["editable"] is True
    with store.read() as session:
        entries = list(session.scalars(select(OutboxEntry)))
    assert [(e.record_type, e.op) for e in entries] == [("job", "create")]
    assert entries[0].fields["wage_unit"] == "month"


def test_create_refuses_invalid_and_returns_warnings(store: Store) -> None:
    service = JobPostingService(store)
    with pytest.raises(InvalidJob) as info:
        service.create(job_input(title=""), today=TODAY)
    assert [e.field for e in info.value.errors] == ["title"]
    saved = service.create(job_input(kind="公益性岗位", age="18-40周岁"), today=TODAY)
    assert {w.field for w in saved.warnings} == {"age_min", "age_max"}


def test_edit_changes_only_given_fields(store: Store) -> None:
    service = JobPostingService(store)
    job_id = add_job(store)
    saved = service.edit(job_id, {"headcount": "8", "title": "电焊工"}, today=TODAY)
    assert saved.change.fields == {"headcount"}
    assert service.details(job_id)["headcount"] == 8


def test_close_reopen_and_filled(store: Store) -> None:
    service = JobPostingService(store)
    job_id = add_job(store, headcount=1)
    with pytest.raises(FieldError, match="未达到招聘人数"):
        service.mark_filled(job_id)
    service.close(job_id)
    assert service.details(job_id)["status"] == JobStatus.CLOSED.value
    with pytest.raises(FieldError, match="已关闭"):
        service.close(job_id)
    service.reopen(job_id)
    assert service.details(job_id)["status"] == "open"


def test_county_postings_are_read_only_here(store: Store) -> None:
    job_id = county_job(store)
    service = JobPostingService(store)
    assert service.details(job_id)["editable"] is False
    with pytest.raises(FieldError, match="上级发布"):
        service.edit(job_id, {"headcount": 9}, today=TODAY)
    with pytest.raises(FieldError, match="上级发布"):
        service.close(job_id)


def test_search_filters_and_sorts(store: Store) -> None:
    service = JobPostingService(store)
    welder = add_job(store)
    cleaner = add_job(store, title="保洁员", work_type="保洁", kind="公益性岗位", age="")
    county = county_job(store, title="叉车司机", work_type="叉车工")
    everything = JobFilter()
    assert service.count(everything) == 3
    keys = service.search_keys(JobFilter(text="保洁"), JobSort())
    rows = service.rows(keys)
    assert [rows[k].id for k in keys] == [cleaner]
    local = service.page(JobFilter(publisher=Publisher.LOCAL), JobSort(key="title"))
    assert {row.id for row in local} == {welder, cleaner}
    higher = service.page(JobFilter(publisher=Publisher.HIGHER), JobSort())
    assert [row.id for row in higher] == [county]
    with store.read() as session:
        assert session.scalar(select(JobPosting.title).where(JobPosting.id == county))


def test_filled_column_counts_hired_and_on_duty(store: Store) -> None:
    job_id = add_job(store, headcount=2)
    workers = [add_worker(store, n) for n in range(3)]
    flow = MatchWorkflowService(store)
    created = flow.create_matches(job_id, workers, on=TODAY).match_ids
    flow.change_status(created[0], "录用", today=TODAY)
    result = flow.change_status(created[1], "已上岗", today=TODAY)
    assert result.job_full is True
    service = JobPostingService(store)
    (row,) = service.page(JobFilter(), JobSort())
    assert row.filled == 2
    service.mark_filled(job_id)
    assert service.details(job_id)["status"] == "filled"
