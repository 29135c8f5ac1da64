"""Workers, jobs, matches and batches for the 劳务输出 tests, and a reader for what the
exports wrote (python-calamine: a second reader, independent of the writer)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from broker_app.domain.dispatch.query import MemberPick
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.store import Store
from tests.conftest import VILLAGE, valid_id

TODAY = date(2025, 3, 20)
#: Born 1980-01-01, sequence 109: the check character is X.
ID_WITH_X = valid_id("19800101", "109")
#: A landline: the leading 0 must survive every export.
LANDLINE = "0537-5212345"
INJECTIONS = ('=HYPERLINK("http://x","y")', "+86 138", "-1+2", "@SUM(A1)", "\tTAB", "\rCR")


def add_worker(store: Store, n: int, **fields: Any) -> str:
    """Worker number ``n`` (0-899: distinct ID numbers, all born 1980-01-01),
    registered through the service."""
    values: dict[str, Any] = {
        "name": f"测试{'甲乙丙丁戊己庚辛壬癸'[n % 10]}{'一二三四五六七八九十'[n // 10 % 10]}",
        # Worker 9's ID number ends with X (see ID_WITH_X).
        "id_number": valid_id("19800101", f"{100 + n:03d}"),
        "phone": f"138{n:08d}",
        "org_code": VILLAGE,
        "employment_status": "未就业",
        "skills": "焊工",
    }
    values.update(fields)
    return WorkerService(store).register(values, today=TODAY).record_ids[0]


def add_batch(store: Store, **fields: Any) -> str:
    values: dict[str, Any] = {
        "employer": "江苏苏州精密电子有限公司",
        "destination": "江苏苏州",
        "departure_date": "2025-03-18",
        "leader_name": "王队长",
        "leader_phone": "13900001111",
        "transport": "包车",
    }
    values.update(fields)
    return DispatchService(store).create_batch(values).record_ids[0]


def add_members(store: Store, batch_id: str, *worker_ids: str) -> list[str]:
    result = DispatchMemberService(store).add_members(
        batch_id, [MemberPick(worker_id) for worker_id in worker_ids]
    )
    assert result.skipped == []
    return result.member_ids


def add_job_and_match(
    store: Store, worker_id: str, status: str = "hired", employer: str = "江苏苏州精密电子有限公司"
) -> tuple[str, str]:
    """A posting outside the county and a match of ``worker_id`` in ``status``."""
    with store.write() as session:
        writer = store.writer(session)
        job = writer.create(
            JobPosting,
            {
                "title": "电子装配工",
                "employer_name": employer,
                "kind": "full_time",
                "work_type": "电子装配",
                "place_org_code": None,
                "place_tier": "out_of_province",
                "place_text": "江苏苏州",
                "headcount": 10,
                "status": "open",
                "org_code": VILLAGE,
            },
        )
        history = [
            {"status": "recommended", "date": "2025-03-01", "note": ""},
            {"status": "hired", "date": "2025-03-05", "note": ""},
        ]
        if status == "on_duty":
            history.append({"status": "on_duty", "date": "2025-03-10", "note": ""})
        match = writer.create(
            Match,
            {
                "worker_id": worker_id,
                "job_id": job.id,
                "org_code": VILLAGE,
                "score": 80.0,
                "reasons": [],
                "status": status,
                "history": history,
                "notes": "",
            },
        )
        return job.id, match.id


def read_sheets(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's rows as python-calamine reads them."""
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def data_rows(rows: list[list[Any]], header: str = "序号") -> list[list[Any]]:
    """The rows between the header row (first cell ``header``) and the 合计 row."""
    start = next(i for i, row in enumerate(rows) if row and row[0] == header) + 1
    end = next(i for i in range(start, len(rows)) if rows[i][0] == "合计")
    return rows[start:end]


def column(rows: list[list[Any]], header_row: list[Any], header: str) -> list[Any]:
    index = header_row.index(header)
    return [row[index] for row in rows]
