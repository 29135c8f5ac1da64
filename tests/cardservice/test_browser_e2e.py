"""End to end with real processes: the channel server, the card service and a station,
and a real headless Chromium (Debian's, driven through its chromedriver) in the role of
the worker's phone.

The station issues cards and syncs; the county sets the card service's address as its
policy (``county-policy --card-page-url``), the station receives it on sync and prints
its cards with it; the printed PDF is rasterised and each QR read with ZXing, as a
phone's camera reads it, and the browser opens *that* URL. The card service's feed
picks the cards up; the browser files a clue and reads its query code; the station
pulls the clue, accepts and closes it through its clue services, and the browser's
查询进度 shows each step with the public note. The same for a revoked and an expired
card: the page says so and still takes the complaint (the worker may still be owed
wages; an expired card often means the project ended, which is when arrears come to
light).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from broker_app.cli.main import main as station_command
from broker_app.domain.rights_card.scan_text import PUBLIC_BASE_URL_SETTING, signed_bytes
from broker_app.services.arrears.clues import ClueService
from broker_app.services.cards.issuing import CardService
from broker_app.services.projects.records import ProjectService
from broker_app.store.models.arrears import WageClue
from broker_app.store.models.card import RightsCard
from broker_app.store.repositories.station import get_setting
from sync.server.db import ServerDB
from sync.server.models import StationKey
from tests.cards.conftest import project_input
from tests.cards.pages import decode_all, pdftoppm_pages
from tests.cardservice.helpers import RunningCardService, enrol_card_service, run_card_service
from tests.sync.conftest import VILLAGE_1, Station, station_factory
from tests.sync.records import register_worker
from tests.sync.server_process import RunningServer, admin, run_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) or shutil.which("chromium") is None,
    reason="Debian's chromium and chromium-driver are not installed (dev.py installs them as root)",
)


@pytest.fixture
def channel(tmp_path: Path) -> Iterator[RunningServer]:
    folder = tmp_path / "channel"
    folder.mkdir()
    with run_server(f"sqlite:///{folder / 'channel.sqlite3'}", folder) as running:
        yield running


@pytest.fixture
def v1(channel: RunningServer, tmp_path: Path) -> Iterator[Station]:
    factory = station_factory(channel, tmp_path)
    yield next(factory)("v1", VILLAGE_1)
    next(factory, None)


@pytest.fixture
def browser() -> Iterator[Any]:
    pytest.importorskip("selenium", reason="selenium (the dev extra) is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # A phone's screen; no sandbox: tests run as root in CI.
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument("--window-size=390,844")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class Phone:
    """The worker's browser on the card service."""

    def __init__(self, driver: Any, base: str) -> None:
        self.driver = driver
        self.base = base

    def _by(self) -> Any:
        from selenium.webdriver.common.by import By

        return By

    def open(self, path: str) -> str:
        return self.open_url(self.base + path)

    def open_url(self, url: str) -> str:
        """Open a whole URL, as a phone does with the one its camera read."""
        self.driver.get(url)
        self._loaded()
        return self.text()

    def text(self) -> str:
        from selenium.common.exceptions import StaleElementReferenceException

        for _attempt in range(2):
            try:
                return str(self._find(self._by().TAG_NAME, "body").text)
            except StaleElementReferenceException:
                self._loaded()
        return str(self._find(self._by().TAG_NAME, "body").text)

    def _find(self, how: str, what: str) -> Any:
        return self.driver.find_element(how, what)

    def _follow(self, how: str, what: str) -> None:
        """Click a link or a submit button and wait until the next page has loaded.

        The element is found again when Chromium reports it detached between finding
        and clicking (it does, now and then, on a page that has just loaded)."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.wait import WebDriverWait

        By = self._by()
        for attempt in range(3):
            page = self._find(By.TAG_NAME, "html")
            try:
                self._find(how, what).click()
                break
            except WebDriverException:
                if attempt == 2:
                    raise
                time.sleep(0.2)
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(page))
        self._loaded()

    def _loaded(self) -> None:
        from selenium.webdriver.support.wait import WebDriverWait

        WebDriverWait(self.driver, 30).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )

    def report(self, card_url: str, amount: str, description: str) -> str:
        """Open the card page, press 我要反映欠薪, fill the form and send it; the query code."""
        By = self._by()
        self.open_url(card_url)
        self._follow(By.LINK_TEXT, "我要反映欠薪")
        self._find(By.ID, "phone").send_keys("13912340000")
        self._find(By.ID, "amount").send_keys(amount)
        self._find(By.ID, "months").send_keys("3")
        self._find(By.ID, "description").send_keys(description)
        self._follow(By.CSS_SELECTOR, "button[type=submit]")
        code = self._find(By.ID, "query-code").text
        assert len(code) == 10, self.text()
        return str(code)

    def progress(self, code: str) -> str:
        """Press 查询进度, type the code, send; the page's text."""
        By = self._by()
        self.open("/")
        self._follow(By.LINK_TEXT, "查询进度")
        self._find(By.ID, "code").send_keys(code.lower())
        self._follow(By.CSS_SELECTOR, "button[type=submit]")
        return self.text()


def _printed_urls(station: Station, project_id: str, tmp_path: Path) -> dict[str, str]:
    """Card id -> the URL a phone reads from the card as printed: the project's cards
    printed to PDF by the station's own command, rasterised by poppler, every QR read
    by ZXing, matched to the stored cards by their signed bytes."""
    out = tmp_path / "printed" / "cards.pdf"
    out.parent.mkdir()
    command = ["--data-dir", str(station.data_dir), "cards-pdf", "--no-issue"]
    assert station_command([*command, "--project", project_id, str(out)]) == 0
    pages = pdftoppm_pages(out, out.parent)
    if pages is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    texts = [text for page in pages for text in decode_all(page)]
    with station.store.read() as session:
        cards = session.scalars(select(RightsCard).where(RightsCard.project_id == project_id))
        by_bytes = {signed_bytes(card.qr_text): card.id for card in cards}
    return {by_bytes[signed_bytes(text)]: text for text in texts}


def _clue(station: Station, code: str) -> WageClue:
    with station.store.read() as session:
        clue = session.scalar(select(WageClue).where(WageClue.query_code == code))
        assert clue is not None, f"clue {code} not on the station"
        session.expunge(clue)
        return clue


def _wait_for(service: RunningCardService, url: str, text: str) -> None:
    """The card service refreshes its feed every half second here."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if text in requests.get(url, timeout=10).text:
            return
        time.sleep(0.25)
    raise AssertionError(f"{url} never showed {text!r}:\n{service.log_text()[-3000:]}")


def _key_registered_long_ago(channel: RunningServer) -> None:
    """The county registered the station's key over a year ago (so a card issued then
    verifies as genuine and, by now, expired)."""
    db = ServerDB(channel.db_url)
    try:
        with db.write() as session:
            session.execute(
                update(StationKey).values(valid_from=date.today() - timedelta(days=500))
            )
    finally:
        db.dispose()


def test_a_worker_scans_reports_and_follows_the_clue_to_its_close(
    channel: RunningServer, v1: Station, browser: Any, tmp_path: Path
) -> None:
    today = date.today()
    project = ProjectService(v1.store).create(project_input()).record_ids[0]
    cards = CardService(v1.store)
    clues = ClueService(v1.store)
    names = ("孟庆云", "张立新", "李卫东")
    current, revoked, expired = (register_worker(v1.store, VILLAGE_1, name) for name in names)
    (current_card, revoked_card) = cards.issue(project, [current, revoked], today=today).issued
    (expired_card,) = cards.issue(
        project, [expired], today=today - timedelta(days=400), expiry=today - timedelta(days=35)
    ).issued
    v1.sync()
    _key_registered_long_ago(channel)

    token = enrol_card_service(channel.db_url)
    folder = tmp_path / "card-service"
    folder.mkdir()
    with run_card_service(channel.url, token, folder) as service:
        # The county points every station's cards at its card service; the station
        # learns it on sync and prints its cards with it (the revoked card was printed
        # and handed out before it was revoked).
        done = admin(channel.db_url, "county-policy", "--card-page-url", service.url)
        assert done.returncode == 0, done.stderr
        v1.sync()
        with v1.store.read() as session:
            assert get_setting(session, PUBLIC_BASE_URL_SETTING) == service.url
        printed = _printed_urls(v1, project, tmp_path)
        assert set(printed) == {current_card, revoked_card, expired_card}
        genuine_url = printed[current_card]
        # The printed form: the whole URL upper case (one alphanumeric QR segment).
        assert genuine_url.startswith(service.url.upper() + "/C/"), genuine_url
        cards.revoke(revoked_card)
        v1.sync()
        phone = Phone(browser, service.url)
        _wait_for(service, genuine_url, "山东邹城建工集团有限公司")

        # -- a genuine card: report, then follow the clue ------------------------------
        page = phone.open_url(genuine_url)
        assert "真实有效" in page and "孟*云" in page and "孟庆云" not in page
        assert "劳资专管员电话：13912345678" in page
        lower = phone.open("/c/" + genuine_url.rsplit("/", 1)[1].lower())
        assert "真实有效" in lower  # /c/ and a lower-case token work too
        code = phone.report(genuine_url, "12000", "三个月工资没有发放")
        v1.sync()
        clue = _clue(v1, code)
        assert (clue.status, clue.source, clue.project_id) == ("received", "card_page", project)
        assert (clue.amount_owed, clue.months_owed, clue.reporter_phone) == (
            12000,
            3,
            "13912340000",
        )
        assert "已接收" in phone.progress(code)

        clues.accept(clue.id, today)
        clues.write_note(clue.id, "已受理，正在联系施工单位核实")
        v1.sync()
        page = phone.progress(code)
        assert "已受理" in page and "已受理，正在联系施工单位核实" in page

        clues.close(clue.id, "施工单位已补发工资 12000 元", today)
        v1.sync()
        page = phone.progress(code)
        assert "已办结" in page and "施工单位已补发工资 12000 元" in page

        # -- a revoked and an expired card: the page says so; a complaint still goes ---
        revoked_url = printed[revoked_card]
        _wait_for(service, revoked_url, "此卡已作废")
        assert "此卡已作废" in phone.open_url(revoked_url)
        revoked_code = phone.report(revoked_url, "8000", "换卡后仍被拖欠")
        expired_url = printed[expired_card]
        page = phone.open_url(expired_url)
        assert "已过期" in page and "李*东" in page
        expired_code = phone.report(expired_url, "5000", "项目完工后工资未结清")
        v1.sync()
        assert _clue(v1, revoked_code).card_serial is not None
        assert _clue(v1, expired_code).status == "received"
        assert "已接收" in phone.progress(expired_code)

        # -- the project page (the notice board's QR) -----------------------------------
        page = phone.open(f"/P/{project.upper()}")
        assert "我要反映欠薪" in page and "孟" not in page
        headers = requests.get(genuine_url, timeout=10).headers
        assert "server" not in {name.lower() for name in headers}

    # What the card service keeps on its disk: what cards print, nothing more.
    for path in folder.glob("cards.sqlite3*"):
        raw = path.read_bytes()
        assert not any(name.encode() in raw for name in names), path
        assert not re.search(rb"[1-9]\d{16}[\dX]", raw), path  # no whole ID number
        assert b"13912340000" not in raw, path  # the reporters' phone left with the clues
