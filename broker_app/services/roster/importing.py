"""Importing the rosters brokers already keep in Excel.

Headers are recognised by their usual Chinese names in any order; every bad row is
reported with its row number, column and reason; the good rows go in together in one
transaction; a row whose ID number is already on the roster updates that worker (only
the cells it fills, so a sparse sheet never blanks data); re-importing the same file
changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.domain.common import coerce
from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.org.village_names import VillageResolver
from broker_app.domain.people.idcard import id_number_from_spreadsheet_number, normalize_id_number
from broker_app.domain.people.rules import LABELS, clean_worker
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.services.excel.headers import HeaderMap, detect_header
from broker_app.services.excel.roster_columns import ROSTER_HEADER_SYNONYMS
from broker_app.services.excel.values import CellValue
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.services.workbook_import import (
    ImportResult,
    RowOutcome,
    RowProblem,
    Rows,
    WorkbookImport,
)
from broker_app.services.workbook_import import write_errors_workbook as write_rejected_rows
from broker_app.store.repositories import workers as repo
from broker_app.store.repositories.station import get_station

log = logging.getLogger(__name__)

REQUIRED = ("name", "id_number")
# Columns that locate the household; they become org_code, not worker fields.
_PLACE_FIELDS = ("township", "village")


class RosterImportService(WorkbookImport):
    subject = "roster"

    # -- steps -------------------------------------------------------------------
    def find_header(
        self, rows: Rows, mapping: Mapping[str, int] | None, *, require: bool
    ) -> HeaderMap:
        detect_required = REQUIRED if require and mapping is None else ()
        header = detect_header(rows, ROSTER_HEADER_SYNONYMS, required=detect_required)
        if mapping is not None:
            # The wizard's corrections replace what was detected.
            header.columns = dict(mapping)
            missing = [name for name in REQUIRED if name not in header.columns]
            if missing and require:
                shown = "、".join(f"“{LABELS[name]}”" for name in missing)
                raise WorkbookError(
                    f"请为{shown}选择对应的列",
                    f"mapping lacks required fields {missing}",
                    Problem.MISSING_COLUMNS,
                )
        return header

    def validate(
        self,
        data: Rows,
        header: HeaderMap,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> list[RowOutcome]:
        with self.store.read() as session:
            scope = get_station(session).org_code
            if scope is None:
                raise FieldError("org_code", "请先设置本驿站所属单位", "station not configured")
            resolver = VillageResolver(load_zoucheng(), scope)
            numbers = [_id_text(header.value(cells, "id_number")) for _, cells in data]
            existing = repo.ids_by_id_number(session, [n for n in numbers if n])
        seen: dict[str, int] = {}
        outcomes: list[RowOutcome] = []
        total = max(1, len(data))
        for index, (number, cells) in enumerate(data):
            if cancel is not None and index % 500 == 0:
                cancel.check()
                progress(0.05 + 0.6 * index / total, f"检查第 {index + 1}/{len(data)} 行")
            if all(coerce.is_blank(c) for c in cells):
                continue
            outcome = RowOutcome(number, list(cells))
            self._validate_row(outcome, header, resolver, existing, seen, today)
            outcomes.append(outcome)
        return outcomes

    @staticmethod
    def _validate_row(
        outcome: RowOutcome,
        header: HeaderMap,
        resolver: VillageResolver,
        existing: Mapping[str, str],
        seen: dict[str, int],
        today: date | None,
    ) -> None:
        raw: dict[str, Any] = {}
        for name in header.columns:
            if name not in _PLACE_FIELDS:
                raw[name] = header.value(outcome.cells, name)

        def problem(err: FieldError, into: list[RowProblem] | None = None) -> None:
            column = header.columns.get(err.field)
            if err.field == "org_code":
                column = header.columns.get("village", header.columns.get("township"))
            label = (
                header.labels.get(column, LABELS.get(err.field, err.field))
                if column is not None
                else LABELS.get(err.field, err.field)
            )
            written = (
                coerce.text(outcome.cells[column])
                if column is not None and column < len(outcome.cells)
                else ""
            )
            (outcome.problems if into is None else into).append(
                RowProblem(outcome.row_number, err.field, label, err.message, written)
            )

        try:
            raw["id_number"] = _id_number(header.value(outcome.cells, "id_number"))
        except FieldError as err:
            problem(err)
            return
        number = raw["id_number"]
        if number in seen:
            problem(FieldError(
                "id_number",
                f"与第 {seen[number]} 行的身份证号重复",
                f"ID number repeats row {seen[number]}",
                reason="duplicate_in_file",
            ))  # fmt: skip
            return
        seen[number] = outcome.row_number
        outcome.existing_id = existing.get(number)
        place = [coerce.text(header.value(outcome.cells, f)) for f in _PLACE_FIELDS]
        if outcome.existing_id is None or any(place):
            try:
                raw["org_code"] = resolver.resolve(*place)
            except FieldError as err:
                problem(err)
        if outcome.existing_id is not None:
            # Blank cells leave what is stored alone.
            raw = {k: v for k, v in raw.items() if not coerce.is_blank(v)}
        cleaned = clean_worker(
            raw, today=today, partial=outcome.existing_id is not None, lenient=True
        )
        reported = {p.field for p in outcome.problems}
        for clean_err in cleaned.errors:
            if clean_err.field not in reported:  # e.g. an unknown village is said once
                problem(clean_err)
        for warning in cleaned.warnings:
            problem(warning, outcome.warnings)
        outcome.values = cleaned.values

    def write(
        self,
        good: list[RowOutcome],
        result: ImportResult,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        if cancel is not None:
            cancel.check()
        progress(0.7, "写入数据库")
        new = [o.values for o in good if o.existing_id is None]
        updates = [o for o in good if o.existing_id is not None]
        with self.store.write() as session:
            writer = self.store.writer(session)
            added_ids = repo.bulk_create(writer, new) if new else []
            updated_ids: list[str] = []
            for index, outcome in enumerate(updates):
                if cancel is not None and index % 200 == 0:
                    # Raising inside the transaction rolls every row back.
                    cancel.check()
                worker = repo.get(session, outcome.existing_id or "")
                if worker is None:
                    continue
                if repo.update(writer, worker, outcome.values):
                    updated_ids.append(worker.id)
                else:
                    result.unchanged += 1
            if cancel is not None:
                cancel.check()
        result.added = len(added_ids)
        result.updated = len(updated_ids)
        if added_ids:
            result.changes.append(Change(RecordKind.WORKER, Op.CREATE, tuple(added_ids)))
        if updated_ids:
            result.changes.append(Change(RecordKind.WORKER, Op.UPDATE, tuple(updated_ids)))
        progress(1.0, "完成")


def write_errors_workbook(result: ImportResult, path: Path) -> Path:
    """The rejected roster rows with 行号 and 错误原因 (see ``workbook_import``)."""
    return write_rejected_rows(result, path, ("id_number", "phone"))


def _id_text(value: CellValue) -> str | None:
    try:
        return _id_number(value)
    except FieldError:
        return None


def _id_number(value: CellValue) -> str:
    # A number cell means Excel stored the ID as a number and kept only 15 digits.
    if isinstance(value, float | int) and not isinstance(value, bool):
        return id_number_from_spreadsheet_number(value)
    if coerce.is_blank(value):
        raise FieldError("id_number", "身份证号不能为空", "id_number: required", reason="required")
    return normalize_id_number(str(value))
