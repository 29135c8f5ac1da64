"""End to end with real processes: the channel server, the card service and a station,
and a real headless Chromium (Debian's, driven through its chromedriver) in the role of
the worker's phone.

The station issues cards and syncs; the card service's feed picks them up; the browser
opens the card URL, files a clue and reads its query code; the station pulls the clue,
accepts and closes it, and the browser's 查询进度 shows each step with the public note.
The same for a revoked and an expired card: the page says so and still takes the
complaint (the worker may still be owed wages; an expired card often means the project
ended, which is when arrears come to light).

The station's handling is written through the station's writer (``write_fields``): the
clue-handling services are built on another branch.
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

from broker_app.services.cards.issuing import CardService
from broker_app.services.projects.records import ProjectService
from broker_app.store.models.arrears import WageClue
from broker_app.store.models.card import RightsCard
from sync.cardservice.cardtoken import token_from_qr_text
from sync.server.db import ServerDB
from sync.server.models import StationKey
from tests.cards.conftest import project_input
from tests.cardservice.helpers import RunningCardService, enrol_card_service, run_card_service
from tests.sync.conftest import VILLAGE_1, Station, station_factory
from tests.sync.records import register_worker, write_fields
from tests.sync.server_process import RunningServer, run_server

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
        self.driver.get(self.base + path)
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

    def report(self, card_path: str, amount: str, description: str) -> str:
        """Open the card page, press 我要反映欠薪, fill the form and send it; the query code."""
        By = self._by()
        self.open(card_path)
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


def _card_path(station: Station, card_id: str) -> str:
    with station.store.read() as session:
        card = session.scalar(select(RightsCard).where(RightsCard.id == card_id))
        assert card is not None and card.qr_text
        return f"/C/{token_from_qr_text(card.qr_text)}"


def _clue(station: Station, code: str) -> WageClue:
    with station.store.read() as session:
        clue = session.scalar(select(WageClue).where(WageClue.query_code == code))
        assert clue is not None, f"clue {code} not on the station"
        session.expunge(clue)
        return clue


def _wait_for(service: RunningCardService, path: str, text: str) -> None:
    """The card service refreshes its feed every half second here."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if text in requests.get(service.url + path, timeout=10).text:
            return
        time.sleep(0.25)
    raise AssertionError(f"{path} never showed {text!r}:\n{service.log_text()[-3000:]}")


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
    names = ("孟庆云", "张立新", "李卫东")
    current, revoked, expired = (register_worker(v1.store, VILLAGE_1, name) for name in names)
    (current_card, revoked_card) = cards.issue(project, [current, revoked], today=today).issued
    (expired_card,) = cards.issue(
        project, [expired], today=today - timedelta(days=400), expiry=today - timedelta(days=35)
    ).issued
    v1.sync()
    _key_registered_long_ago(channel)
    cards.revoke(revoked_card)
    v1.sync()

    token = enrol_card_service(channel.db_url)
    folder = tmp_path / "card-service"
    folder.mkdir()
    with run_card_service(channel.url, token, folder) as service:
        phone = Phone(browser, service.url)
        genuine_path = _card_path(v1, current_card)
        _wait_for(service, genuine_path, "山东邹城建工集团有限公司")

        # -- a genuine card: report, then follow the clue ------------------------------
        page = phone.open(genuine_path.lower())  # /c/ and a lower-case token work too
        assert "真实有效" in page and "孟*云" in page and "孟庆云" not in page
        assert "劳资专管员电话：13912345678" in page
        code = phone.report(genuine_path, "12000", "三个月工资没有发放")
        v1.sync()
        clue = _clue(v1, code)
        assert (clue.status, clue.source, clue.project_id) == ("received", "card_page", project)
        assert (clue.amount_owed, clue.months_owed, clue.reporter_phone) == (
            12000,
            3,
            "13912340000",
        )
        assert "已接收" in phone.progress(code)

        write_fields(
            v1.store, WageClue, clue.id, status="accepted", accepted_on=today,
            public_note="已受理，正在联系施工单位核实",
        )  # fmt: skip
        v1.sync()
        page = phone.progress(code)
        assert "已受理" in page and "已受理，正在联系施工单位核实" in page

        write_fields(
            v1.store, WageClue, clue.id, status="closed", closed_on=today,
            public_note="施工单位已补发工资 12000 元",
        )  # fmt: skip
        v1.sync()
        page = phone.progress(code)
        assert "已办结" in page and "施工单位已补发工资 12000 元" in page

        # -- a revoked and an expired card: the page says so; a complaint still goes ---
        revoked_path = _card_path(v1, revoked_card)
        _wait_for(service, revoked_path, "此卡已作废")
        assert "此卡已作废" in phone.open(revoked_path)
        revoked_code = phone.report(revoked_path, "8000", "换卡后仍被拖欠")
        expired_path = _card_path(v1, expired_card)
        page = phone.open(expired_path)
        assert "已过期" in page and "李*东" in page
        expired_code = phone.report(expired_path, "5000", "项目完工后工资未结清")
        v1.sync()
        assert _clue(v1, revoked_code).card_serial is not None
        assert _clue(v1, expired_code).status == "received"
        assert "已接收" in phone.progress(expired_code)

        # -- the project page (the notice board's QR) -----------------------------------
        page = phone.open(f"/P/{project.upper()}")
        assert "我要反映欠薪" in page and "孟" not in page
        headers = requests.get(service.url + genuine_path, timeout=10).headers
        assert "server" not in {name.lower() for name in headers}

    # What the card service keeps on its disk: what cards print, nothing more.
    for path in folder.glob("cards.sqlite3*"):
        raw = path.read_bytes()
        assert not any(name.encode() in raw for name in names), path
        assert not re.search(rb"[1-9]\d{16}[\dX]", raw), path  # no whole ID number
        assert b"13912340000" not in raw, path  # the reporters' phone left with the clues
