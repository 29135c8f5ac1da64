"""Every workbook a clerk prints, printed: dispatch lists and their summary, the
就业帮扶台账 and the monthly statistics go through LibreOffice (A4, the files' own
page setup) once for the module, and the PDF is read back for the size of the body
text on paper, text drawn over other text (a wrapped header over the 制表日期 line)
and page counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from broker_app.domain.dispatch.query import BatchFilter
from broker_app.services.assistance.ledger import LEDGER_GROUPS, LedgerExportService
from broker_app.services.dispatch.export import DispatchExportService
from broker_app.services.settings.station import StationService
from broker_app.services.stats.export import StatsExportService
from broker_app.services.stats.monthly import Month
from broker_app.store.store import open_store
from tests.conftest import VILLAGE
from tests.dispatch.builders import TODAY, add_batch, add_members, add_worker
from tests.dispatch.test_ledger import people
from tests.excel.paper import (
    MIN_BODY_PT,
    PrintedPdf,
    needs_libreoffice,
    overlapping,
    read_pdf,
    to_pdf,
)

pytestmark = [needs_libreoffice, pytest.mark.slow]

BOOKS = ("dispatch", "ledger", "stats")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrintedPdf]]:
    root = tmp_path_factory.mktemp("paper")
    store = open_store(root / "data")
    try:
        StationService(store).configure(VILLAGE, operator_name="测试经纪人")
        people(store)  # the ledger's people, with services and trainings
        long_project = add_batch(store, project="厂房扩建二期工程项目", notes="")
        other = add_batch(
            store,
            employer="青岛海丰建筑工程有限公司",
            destination="青岛市黄岛区",
            departure_date="2025-03-25",
            leader_name="孔队长",
        )
        workers = [
            add_worker(store, 20 + i, poverty_alleviated="是" if i % 3 == 0 else "否",
                       education="初中")
            for i in range(22)
        ]  # fmt: skip
        add_members(store, long_project, *workers[:20])
        add_members(store, other, *workers[20:])
        for n in range(3):  # one-person batches: one shared sheet, not a page each
            single = add_batch(
                store, employer=f"邹城市单人用工单位{n}", departure_date=f"2025-03-0{n + 1}"
            )
            add_members(store, single, add_worker(store, 60 + n))
        out = root / "books"
        out.mkdir()
        DispatchExportService(store).export(out / "dispatch.xlsx", BatchFilter(), today=TODAY)
        LedgerExportService(store).export(out / "ledger.xlsx", today=TODAY)
        StatsExportService(store).export(out / "stats.xlsx", Month(2025, 3), today=TODAY)
    finally:
        store.close()
    pdfs = to_pdf([out / f"{name}.xlsx" for name in BOOKS], root / "pdf")
    yield {path.stem: read_pdf(pdf) for path, pdf in pdfs.items()}


@pytest.mark.parametrize("book", BOOKS)
def test_body_text_is_readable_on_a4(printed: dict[str, PrintedPdf], book: str) -> None:
    pdf = printed[book]
    assert (round(pdf.page_width), round(pdf.page_height)) == (842, 595)  # A4 landscape
    small = sorted({(w.text, round(w.size, 1)) for w in pdf.words if w.size < MIN_BODY_PT})
    assert small == [], f"{book}: text under {MIN_BODY_PT} pt on paper: {small[:10]}"


@pytest.mark.parametrize("book", BOOKS)
def test_nothing_is_drawn_over_other_text(printed: dict[str, PrintedPdf], book: str) -> None:
    pdf = printed[book]
    for page in range(1, pdf.pages + 1):
        words = pdf.on_page(page)
        clashes = [
            (a.text, b.text)
            for i, a in enumerate(words)
            for b in words[i + 1 :]
            if overlapping(a, b)
        ]
        assert clashes == [], f"{book} page {page}: {clashes[:5]}"


def test_headers_sit_below_the_title_lines(printed: dict[str, PrintedPdf]) -> None:
    for book, date_label, header in (
        ("dispatch", "制表日期", "身份证号"),
        ("ledger", "导出日期", "身份证号"),
        ("stats", "制表日期", "乡镇"),
    ):
        pdf = printed[book]
        checked = 0
        for line in pdf.find(date_label):
            below = [w for w in pdf.on_page(line.page) if header in w.text]
            assert all(w.top >= line.bottom for w in below), (book, line.page)
            checked += bool(below)
        assert checked, book


def test_page_counts(printed: dict[str, PrintedPdf]) -> None:
    # The ledger (28 people): each of its three column groups on one or two pages.
    assert len(LEDGER_GROUPS) <= printed["ledger"].pages <= 2 * len(LEDGER_GROUPS)
    for name, _ in LEDGER_GROUPS:
        assert printed["ledger"].find(f"就业帮扶台账（{name}）")
    # Dispatch: the summary, the three one-person batches on one sheet, and two
    # batches, the twenty-person one on one page.
    assert printed["dispatch"].pages == 4
    # Statistics: five sheets (the fifth, 欠薪线索, counts the month's clues), each a page.
    assert printed["stats"].pages == 5
    assert printed["stats"].find("欠薪线索")


def test_ledger_repeats_name_and_id_on_every_sheet(printed: dict[str, PrintedPdf]) -> None:
    pdf = printed["ledger"]
    for page in range(1, pdf.pages + 1):
        texts = {w.text for w in pdf.on_page(page)}
        assert {"序号", "姓名", "身份证号"} <= texts
        assert any(t.startswith("370883****") for t in texts)


def test_dispatch_summary_is_not_clipped(printed: dict[str, PrintedPdf]) -> None:
    text = "".join(w.text for w in printed["dispatch"].on_page(1))
    # The long batch name, its sheet's name and the employer wrap, not cut: every
    # character of each is printed (a wrapped cell is split into lines in the PDF).
    for ch in "江苏州精密电子有限公司":
        assert text.count(ch) >= 3 * "江苏苏州精密电子有限公司".count(ch), ch
    for ch in "厂房扩建二期工程项目":  # 项目 filled
        assert ch in text
