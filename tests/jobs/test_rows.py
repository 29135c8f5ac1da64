"""The typed rows the 岗位 and 匹配 tables read: their fields are the repository's
columns, in order, and a row read through the service carries the posting's and the
match's values under those names."""

from __future__ import annotations

from broker_app.domain.jobs.query import JobFilter, JobSort, MatchFilter
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.jobs.rows import JobRow
from broker_app.services.matching.rows import MatchRow
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.repositories import matches as match_repo
from broker_app.store.store import Store
from tests.jobs.builders import TODAY, add_job, add_worker


def test_row_fields_are_the_repositorys_columns_in_order() -> None:
    assert JobRow._fields == job_repo.ROW_FIELDS
    assert MatchRow._fields == match_repo.ROW_FIELDS


def test_rows_read_through_the_services_are_typed(store: Store) -> None:
    job_id = add_job(store, headcount=3)
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=TODAY).match_ids
    flow.change_status(match_id, "录用", today=TODAY)

    jobs = JobPostingService(store)
    (job,) = jobs.rows(jobs.search_keys(JobFilter(), JobSort())).values()
    assert isinstance(job, JobRow)
    assert (job.id, job.headcount, job.filled, job.archived) == (job_id, 3, 1, False)
    assert job.title == jobs.details(job_id)["title"]

    (match,) = flow.rows(flow.search_keys(MatchFilter())).values()
    assert isinstance(match, MatchRow)
    assert (match.id, match.worker_id, match.job_id) == (match_id, worker_id, job_id)
    assert match.status == "hired" and match.job_title == job.title
    assert match.worker_name == WorkerService(store).details(worker_id)["name"]
    assert [step["status"] for step in match.history] == ["recommended", "hired"]
