"""Workbooks with bad input for the reliability tests, and the database snapshot they compare."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from sqlalchemy import func, select, text

from broker_app.store.models import OutboxEntry, Worker
from broker_app.store.store import Store
from tests.excel.builders import _CONTENT_TYPES, _ONE_SHEET_RELS, _ONE_SHEET_WORKBOOK, _ROOT_RELS

HEADER = ["姓名", "身份证号", "联系电话", "村（社区）", "务工开始时间"]


def roster(path: Path, rows: Sequence[Sequence[object]], merge: str | None = None) -> Path:
    """An ordinary roster (``HEADER`` then ``rows``); ``merge`` is a range such as D2:D4."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def huge_sheet(path: Path, rows: int) -> Path:
    """A workbook whose only sheet has ``rows`` rows, its XML written directly."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _ONE_SHEET_WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _ONE_SHEET_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            chunk: list[bytes] = []
            for r in range(1, rows + 1):
                chunk.append(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
                if len(chunk) == 10_000:
                    out.write(b"".join(chunk))
                    chunk.clear()
            out.write(b"".join(chunk) + b"</sheetData></worksheet>")
    return path


def cached_formula_roster(path: Path, name_formula: str, cached: str, id_number: str) -> Path:
    """A roster as Excel saves it: the 姓名 cell is a formula with its cached result."""

    def cell(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    formula = name_formula.lstrip("=").replace("&", "&amp;").replace('"', "&quot;")
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1">{cell("A1", "姓名")}{cell("B1", "身份证号")}</row>'
        f'<row r="2"><c r="A2" t="str"><f>{formula}</f><v>{cached}</v></c>'
        f"{cell('B2', id_number)}</row></sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _ONE_SHEET_WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _ONE_SHEET_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def snapshot(store: Store) -> dict[str, int]:
    """Rows of every table, and the outbox's last entry: equal before and after means
    nothing was written."""
    with store.read() as session:
        names = session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ).all()
        counts = {n: session.scalar(text(f'SELECT count(*) FROM "{n}"')) or 0 for n in names}
        counts["outbox max seq"] = session.scalar(select(func.max(OutboxEntry.seq))) or 0
        counts["workers"] = session.scalar(select(func.count()).select_from(Worker)) or 0
    return counts
