"""The channel server's side of the card service, against the real server app on
SQLite and PostgreSQL: the credential, the feed (what cards print and nothing else),
clue intake as a server-written ``wage_clue`` that the project's station pulls, the
worker's progress, and store-and-forward while the channel is down.

Logic tests: the app runs in this process behind the ``ChannelLink``'s and the
stations' sessions (``tests/sync/in_process.py``); the card service's link to the
real server process over a socket is tested end to end in ``test_browser_e2e.py``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from broker_app.domain.arrears.clues import new_query_code
from broker_app.services.cards.issuing import CardService
from broker_app.services.projects.records import ProjectService
from broker_app.store.models.arrears import WageClue
from broker_app.store.models.card import RightsCard
from sync.cardservice.channel import ChannelDown, ChannelLink, ClueNotTaken, forward_clues
from sync.cardservice.localdb import LocalDB
from sync.ids import uuid7
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, PULL
from sync.schema import SCHEMA_VERSION
from tests.cards.conftest import project_input
from tests.cardservice.helpers import enrol_card_service
from tests.sync.conftest import VILLAGE_1, VILLAGE_2, Station, StationFactory, station_client
from tests.sync.in_process import InProcessServer, admin_in_process
from tests.sync.records import register_worker, write_fields
from tests.sync.server_process import free_port

ID_NUMBER = "370883199001011238"


def _site(station: Station) -> tuple[str, str]:
    """A project with one worker holding a card, synced; (project id, card id)."""
    project = ProjectService(station.store).create(project_input()).record_ids[0]
    worker = register_worker(station.store, station.org_code, "孟庆云", ID_NUMBER)
    (card,) = CardService(station.store).issue(project, [worker], today=date.today()).issued
    station.sync()
    return project, card


def link_to(server: InProcessServer) -> ChannelLink:
    """The card service's link with a new credential, through the app's session."""
    return ChannelLink(server.url, enrol_card_service(server.db_url), session=server.session())


def _clue(project_id: str, **extra: object) -> dict[str, object]:
    return {
        "clue_id": uuid7(),
        "query_code": new_query_code(),
        "project_id": project_id,
        "reporter_phone": "13912340000",
        "description": "三个月工资没发",
        "amount_owed": 12000,
        **extra,
    }


def _clues(station: Station) -> list[WageClue]:
    with station.store.read() as session:
        rows = list(session.scalars(select(WageClue)))
        for row in rows:
            session.expunge(row)
        return rows


def test_the_feed_carries_what_cards_print_and_nothing_else(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    project, card_id = _site(v1)
    link = link_to(server)
    page = link.feed(0)
    (card,) = page["cards"]
    with v1.store.read() as session:
        stored = session.scalar(select(RightsCard).where(RightsCard.id == card_id))
        assert stored is not None
        key_id, serial = stored.key_id.lower(), stored.serial
    assert card == {
        "key_id": key_id,
        "serial": serial,
        "issue_date": date.today().isoformat(),
        "expiry_date": card["expiry_date"],
        "revoked": False,
        "worker_name": "孟*云",
        "masked_id": "370883********1238",
        "project_id": project,
    }
    (listed,) = page["projects"]
    assert listed["general_contractor"] == "山东邹城建工集团有限公司"
    assert listed["labor_officer_phone"] == "13912345678"
    assert {p["phone"] for p in listed["complaint_phones"]} >= {"0537-5213456"}
    (key,) = page["keys"]
    assert key["key_id"] == key_id and "station_id" not in key and "org_code" not in key
    text = json.dumps(page, ensure_ascii=False)
    assert "孟庆云" not in text and ID_NUMBER not in text and VILLAGE_1 not in text
    assert "13800001111" not in text  # the manager's phone is not printed on the card
    # Incremental: nothing new after the cursor; a revocation comes as a change.
    assert link.feed(page["cursor"])["cards"] == []
    CardService(v1.store).revoke(card_id)
    v1.sync()
    (again,) = link.feed(page["cursor"])["cards"]
    assert again["revoked"] is True


def test_the_two_credentials_never_open_each_others_doors(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    station_token = station_client(v1).credential
    card_token = enrol_card_service(server.db_url)
    headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(SCHEMA_VERSION)}
    session = server.session()
    as_station = session.get(
        f"{server.url}/v1/card-service/feed",
        headers={**headers, "Authorization": f"Bearer {station_token}"},
        timeout=10,
    )
    assert as_station.status_code == 401
    as_card_service = session.get(
        f"{server.url}{PULL}?cursor=0",
        headers={**headers, "Authorization": f"Bearer {card_token}"},
        timeout=10,
    )
    assert as_card_service.status_code == 401
    # A revoked card-service credential stops working.
    service_id = card_token.split(".")[0]
    assert admin_in_process(server.db_url, "revoke-card-service", service_id).returncode == 0
    with pytest.raises(ChannelDown):
        ChannelLink(server.url, card_token, session=server.session()).feed(0)


def test_a_clue_reaches_the_projects_station_and_its_progress_comes_back(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1, v2 = stations("v1", VILLAGE_1), stations("v2", VILLAGE_2)
    project, _card = _site(v1)
    link = link_to(server)
    clue = _clue(project, card_key_id=link.feed(0)["cards"][0]["key_id"], card_serial=1)
    assert link.send_clue(clue) == "applied"
    assert link.send_clue(clue) == "duplicate"  # a resend after a lost answer
    v1.sync()
    v2.sync()
    assert _clues(v2) == []  # another village never sees it
    (stored,) = _clues(v1)
    assert (stored.org_code, stored.project_id, stored.source) == (VILLAGE_1, project, "card_page")
    assert (stored.status, stored.received_on, stored.query_code) == (
        "received",
        date.today(),
        clue["query_code"],
    )
    assert stored.reporter_phone == "13912340000" and stored.amount_owed == 12000
    code = str(clue["query_code"])
    assert link.progress(code) == {
        "status": "received",
        "received_on": date.today().isoformat(),
        "accepted_on": None,
        "closed_on": None,
        "public_note": "",
    }
    write_fields(
        v1.store,
        WageClue,
        stored.id,
        status="accepted",
        accepted_on=date.today(),
        public_note="已联系施工单位核实",
        reject_reason="内部说明",
        operator="王五",
    )
    v1.sync()
    progress = link.progress(code)
    assert progress is not None
    assert progress["status"] == "accepted" and progress["public_note"] == "已联系施工单位核实"
    assert "内部说明" not in json.dumps(progress, ensure_ascii=False)
    assert "王五" not in json.dumps(progress, ensure_ascii=False)
    assert link.progress(new_query_code()) is None


def test_clues_the_server_cannot_take_are_refused(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    project, _card = _site(v1)
    link = link_to(server)
    with pytest.raises(ClueNotTaken):
        link.send_clue(_clue(uuid7()))  # no such project
    with pytest.raises(ClueNotTaken):
        link.send_clue(_clue(project, reporter_phone="abc"))
    with pytest.raises(ClueNotTaken):
        link.send_clue(_clue(project, description="x" * 2_001))
    with pytest.raises(ClueNotTaken):
        link.send_clue(_clue(project, query_code="0OIL000000"))


def test_a_clue_taken_while_the_channel_is_down_is_forwarded_later(
    fresh_in_process_server: InProcessServer,
    fresh_in_process_stations: StationFactory,
    tmp_path: Path,
) -> None:
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    project, _card = _site(v1)
    token = enrol_card_service(server.db_url)
    db = LocalDB(tmp_path / "cards.sqlite3")
    try:
        clue = _clue(project)
        db.keep_clue(clue)
        down = ChannelLink(f"http://127.0.0.1:{free_port()}", token, timeout=2)
        assert forward_clues(down, db) == 0
        assert db.outbox_state(str(clue["query_code"])) == "pending"
        assert forward_clues(ChannelLink(server.url, token, session=server.session()), db) == 1
        assert db.outbox_state(str(clue["query_code"])) == "sent"
        assert db.pending() == []
        # The reporter's phone and words left the card service's files with the clue.
        for path in tmp_path.glob("cards.sqlite3*"):
            raw = path.read_bytes()
            assert b"13912340000" not in raw, path
            assert "三个月工资没发".encode() not in raw, path
    finally:
        db.close()
    v1.sync()
    assert [c.query_code for c in _clues(v1)] == [clue["query_code"]]
