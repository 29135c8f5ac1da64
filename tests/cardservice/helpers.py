"""Running the card service for tests: in a thread of the test process (pages and
attacks, with a feed written directly) or as the real process (end to end)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests
import uvicorn
from fastapi import FastAPI

from broker_app.domain.rights_card import CardFacts, generate_key_pair, key_id_for, sign_card
from sync.cardservice.cardtoken import token_from_qr_text
from tests.sync.in_process import admin_in_process
from tests.sync.server_process import ROOT, free_port

#: What a card of these tests prints; the full name must never reach a page.
FULL_NAME = "刘建卫"
MASKED_NAME = "刘*卫"
MASKED_ID = "370883********123X"
PROJECT_ID = "0192f0aa-0000-7000-8000-000000000001"


@dataclass(frozen=True)
class Issuer:
    """A signing key as a station holds it, and the feed entry that publishes it."""

    private_key: bytes
    public_key: bytes

    @staticmethod
    def new() -> Issuer:
        private, public = generate_key_pair()
        return Issuer(private, public)

    @property
    def key_id(self) -> str:
        return key_id_for(self.public_key).hex()

    def entry(self, revoked: bool = False) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "public_key": self.public_key.hex(),
            "valid_from": None,
            "valid_until": None,
            "certified": True,
            "revoked": revoked,
            "label": "测试驿站",
        }

    def card(self, serial: int, issue: date | None = None, days: int = 365) -> str:
        """The URL token of a card signed with this key."""
        issued = issue or date.today()
        facts = CardFacts(
            serial=serial,
            worker_name=FULL_NAME,
            masked_id=MASKED_ID,
            project_name="邹城市某某安置房项目",
            contractor="山东某某建设集团",
            complaint_phone="12333",
            issue_date=issued,
            expiry_date=issued + timedelta(days=days),
            key_id=key_id_for(self.public_key),
        )
        return token_from_qr_text(sign_card(facts, self.private_key))


def card_entry(
    issuer: Issuer, serial: int, *, revoked: bool = False, days: int = 365
) -> dict[str, Any]:
    today = date.today()
    return {
        "key_id": issuer.key_id,
        "serial": serial,
        "issue_date": today.isoformat(),
        "expiry_date": (today + timedelta(days=days)).isoformat(),
        "revoked": revoked,
        "worker_name": MASKED_NAME,
        "masked_id": MASKED_ID,
        "project_id": PROJECT_ID,
    }


def project_entry() -> dict[str, Any]:
    return {
        "id": PROJECT_ID,
        "archived": False,
        "name": "邹城市中心店镇棚户区改造安置房项目",
        "address": "中心店镇政府驻地西500米",
        "general_contractor": "山东邹城建工集团有限公司",
        "subcontractor": "邹城市宏达建筑劳务有限公司",
        "labor_officer_name": "王建军",
        "labor_officer_phone": "13912345678",
        "min_wage": 2200,
        "pay_day": 15,
        "complaint_phones": [{"label": "人社部门投诉电话", "phone": "0537-5212345"}],
    }


@contextmanager
def serve_in_thread(app: FastAPI) -> Iterator[str]:
    """``app`` on a free port of 127.0.0.1 in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", server_header=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("card service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def enrol_card_service(db_url: str) -> str:
    """The credential the county's ``enrol-card-service`` prints (its last line)."""
    done = admin_in_process(db_url, "enrol-card-service", "--name", "邹城市扫码维权服务")
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f-]{36}\.[A-Za-z0-9_-]+", token), token
    return token


@dataclass(frozen=True)
class RunningCardService:
    url: str
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def run_card_service(
    channel_url: str, token: str, folder: Path, refresh: float = 0.5
) -> Iterator[RunningCardService]:
    """``python -m sync.cardservice serve`` on a free port; the token in a file."""
    port = free_port()
    token_file = folder / "card-service.token"
    token_file.write_text(token, encoding="utf-8")
    log_path = folder / f"card-service-{port}.log"
    args = [sys.executable, "-m", "sync.cardservice", "serve", "--channel", channel_url]
    args += ["--token-file", str(token_file), "--db", str(folder / "cards.sqlite3")]
    args += ["--host", "127.0.0.1", "--port", str(port), "--refresh", str(refresh)]
    # Every request of a test comes from 127.0.0.1: the test's polling and the browser
    # together would pass the default 120 pages a minute on a slow machine.
    args += ["--pages-per-minute", "2000", "--clues-per-hour", "50"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log_path.open("wb") as log:
        process = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"card service exited:\n{log_path.read_text(errors='replace')}")
            try:
                if requests.get(url + "/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("card service not up after 60 s")
            time.sleep(0.1)
        yield RunningCardService(url, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
