#!/usr/bin/env python3
"""The Linux side of the Windows check: makes its input workbook and reads back what the
Windows build wrote, with readers other than the ones that wrote it.

    check_outputs.py roster-input SRC.xlsx OUT.xlsx SHEET   the roster renamed to SHEET
    check_outputs.py workers JSON COUNT                     `list workers --json` has COUNT
    check_outputs.py dispatch OUT.xlsx PEOPLE               the batch sheets list PEOPLE
    check_outputs.py cards PDF QR_TEXT                      every page's QR codes decode

Run with the project's Python (openpyxl, python-calamine, zxing-cpp; pdftoppm from
poppler-utils). Exit 1 with the reason when an output is wrong.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def fail(reason: str) -> None:
    print(f"[windows] output check failed: {reason}", file=sys.stderr)
    sys.exit(1)


def roster_input(source: Path, out: Path, sheet: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(source)
    book.active.title = sheet
    book.save(out)


def workers(listing: Path, count: int) -> None:
    rows = json.loads(listing.read_text(encoding="utf-8"))
    if len(rows) != count:
        fail(f"{len(rows)} workers, expected {count}")
    names = {row["name"] for row in rows}
    if not all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in names):
        fail("a worker's name is not Chinese (mangled on the way through Windows?)")
    print(f"[windows] {len(rows)} workers, names in Chinese")


def dispatch(book_path: Path, people: int) -> None:
    """A summary sheet, then one sheet per batch whose numbered rows are its people."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(book_path))
    if len(book.sheet_names) < 2 or book.sheet_names[0] != "汇总":
        fail(f"dispatch workbook sheets {book.sheet_names}: no 汇总 and batch sheets")
    listed = 0
    for name in book.sheet_names[1:]:
        rows = book.get_sheet_by_name(name).to_python()
        header = next((i for i, row in enumerate(rows) if row[:2] == ["序号", "姓名"]), None)
        if header is None:
            fail(f"dispatch sheet {name!r} has no 序号/姓名 header")
        assert header is not None
        listed += sum(1 for row in rows[header + 1 :] if isinstance(row[0], float) and row[1])
    if listed != people:
        fail(f"the batch sheets list {listed} people, the export said {people}")
    print(f"[windows] dispatch list: {len(book.sheet_names) - 1} batch sheets, {listed} people")


def cards(pdf: Path, qr_out: Path) -> None:
    # zxing-cpp reads the pixels that poppler drew from the PDF that Qt wrote on Windows.
    from broker_app.printing.scan import qr_texts_in_file

    if not pdf.read_bytes().startswith(b"%PDF"):
        fail("the cards file is not a PDF")
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), f"{folder}/page"], check=True)
        pages = sorted(Path(folder).glob("page*.png"))
        for page in pages:
            texts += qr_texts_in_file(page)
    if not pages or not texts:
        fail(f"{len(pages)} pages, {len(texts)} QR codes decoded")
    # ASCII for the Windows build's verify-card on any code page: the readable-text
    # form's label and phones stay behind (its card text, from "WQ1:", carries the
    # same signed bytes); a URL is ASCII already.
    lines = [text[text.find("WQ1:") :] if "WQ1:" in text else text for text in texts]
    qr_out.write_text("\n".join(lines), encoding="utf-8")
    print(f"[windows] cards PDF: {len(pages)} pages, {len(texts)} QR codes decoded")


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "roster-input":
        roster_input(Path(args[0]), Path(args[1]), args[2])
    elif command == "workers":
        workers(Path(args[0]), int(args[1]))
    elif command == "dispatch":
        dispatch(Path(args[0]), int(args[1]))
    elif command == "cards":
        cards(Path(args[0]), Path(args[1]))
    else:
        fail(f"unknown check {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
