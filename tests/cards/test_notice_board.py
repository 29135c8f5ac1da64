"""The 维权信息告示牌: printed from the command line and from the 维权卡 page, read
back from the PDF (pdftotext for the words, poppler + ZXing for the QR)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from broker_app.cli.main import main
from broker_app.domain.rights_card.scan_text import project_url
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.cards.notice_board_dialog import NoticeBoardDialog
from broker_app.ui.cards.page import CardsPage
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner

from .conftest import HRSS_PHONE, Site
from .pages import A4_POINTS, decode_all, page_sizes, pdf_text, pdftoppm_pages, squeezed

A3_POINTS = (842, 1191)  # 297 x 420 mm
BASE = "https://wq.zcrs.gov.cn"


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def board_qr(pdf: Path, tmp_path: Path) -> str:
    pages = pdftoppm_pages(pdf, tmp_path, dpi=100)
    if pages is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    assert len(pages) == 1
    texts = decode_all(pages[0])
    assert len(texts) == 1
    return texts[0]


def board_words(pdf: Path) -> str:
    text = pdf_text(pdf)
    if text is None:
        pytest.skip("pdftotext not installed (dev.py installs poppler-utils)")
    return squeezed(text)


def test_a4_board_without_a_public_address_shows_the_phones(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "告示牌.pdf"
    args = ["notice-board", "--project", site.project_id, "--paper", "A4", "-o", str(out)]
    assert run(data_dir, *args) == 0
    assert "扫码显示投诉电话" in capsys.readouterr().out
    assert page_sizes(out.read_bytes()) == [A4_POINTS]
    words = board_words(out)
    for expected in (
        "农民工工资维权信息告示牌",
        "邹城市中心店镇棚户区改造安置房项目",
        "山东邹城建工集团有限公司",
        "邹城市宏达建筑劳务有限公司",
        "王建军13912345678",
        "13800001111",
        HRSS_PHONE,
        "0537-5213456",
        "12333",
        "每月15日",
        "2200元/月",
        "查看投诉电话",
    ):
        assert expected in words, expected
    assert board_qr(out, tmp_path).split("\n") == [
        "农民工工资维权信息告示牌",
        "项目：邹城市中心店镇棚户区改造安置房项目",
        f"欠薪投诉电话：{HRSS_PHONE} 0537-5213456 12333",
    ]


def test_a3_board_opens_the_project_page(site: Site, data_dir: Path, tmp_path: Path) -> None:
    assert run(data_dir, "settings", "set", "cards.public_base_url", BASE) == 0
    out = tmp_path / "board.pdf"
    args = ["notice-board", "--project", site.project_id, "--paper", "A3", "-o", str(out)]
    assert run(data_dir, *args) == 0
    assert page_sizes(out.read_bytes()) == [A3_POINTS]
    assert "一键投诉欠薪" in board_words(out)
    qr = board_qr(out, tmp_path)
    assert qr == project_url(BASE, site.project_id)
    assert qr == f"HTTPS://WQ.ZCRS.GOV.CN/P/{site.project_id.upper()}"


def test_board_of_an_unknown_project_is_refused(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    assert run(data_dir, "notice-board", "--project", "no-such-id", "-o", str(out)) != 0
    assert "找不到" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def test_board_button_on_the_cards_page(
    ctx: AppContext,
    site: Site,
    data_dir: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(data_dir, "settings", "set", "cards.public_base_url", BASE) == 0
    out = tmp_path / "board.pdf"
    offered: list[str] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return str(out), ""

    def choose_a3(dialog: NoticeBoardDialog) -> int:
        assert "一键投诉" in "".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.a3.setChecked(True)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(NoticeBoardDialog, "exec", choose_a3)
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.project_list.setCurrentRow(0)
    assert page.notice_button.isEnabled()
    qtbot.mouseClick(page.notice_button, Qt.MouseButton.LeftButton)
    assert offered and offered[0].endswith("告示牌A3.pdf")
    assert page_sizes(out.read_bytes()) == [A3_POINTS]
    assert board_qr(out, tmp_path) == project_url(BASE, site.project_id)
