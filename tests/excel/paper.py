"""Workbooks printed the way a township clerk prints them: LibreOffice headless turns
each into a PDF (A4, the file's own page setup), and pdfplumber reads the PDF back.

LibreOffice is a Debian package (``libreoffice-calc-nogui``, installed by ``dev.py``
as root); where it is missing the tests that need it skip and say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui, "
    "or run python3 dev.py test as root)",
)
# Body text on paper must be at least this big to be read without glasses.
MIN_BODY_PT = 9.0


def to_pdf(workbooks: Sequence[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert all ``workbooks`` in one LibreOffice run (it is slow to start)."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, workbooks)],
            check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": profile},
        )  # fmt: skip
    return {book: out_dir / f"{book.stem}.pdf" for book in workbooks}


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    size: float
    top: float
    bottom: float
    x0: float
    x1: float


@dataclass(frozen=True)
class PrintedPdf:
    pages: int
    words: list[Word]
    page_width: float
    page_height: float

    def on_page(self, page: int) -> list[Word]:
        return [w for w in self.words if w.page == page]

    def find(self, text: str) -> list[Word]:
        return [w for w in self.words if text in w.text]


def read_pdf(path: Path) -> PrintedPdf:
    import pdfplumber

    words: list[Word] = []
    with pdfplumber.open(path) as pdf:
        first = pdf.pages[0]
        for number, page in enumerate(pdf.pages, start=1):
            for w in page.extract_words(extra_attrs=["size"], keep_blank_chars=False):
                words.append(
                    Word(number, w["text"], float(w["size"]), float(w["top"]),
                         float(w["bottom"]), float(w["x0"]), float(w["x1"]))
                )  # fmt: skip
        return PrintedPdf(len(pdf.pages), words, float(first.width), float(first.height))


def overlapping(a: Word, b: Word) -> bool:
    """True if the two words' boxes share some area (text drawn over text)."""
    return (
        a.x0 < b.x1 - 0.5
        and b.x0 < a.x1 - 0.5
        and a.top < b.bottom - 0.5
        and b.top < (a.bottom - 0.5)
    )
