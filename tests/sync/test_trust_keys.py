"""Card keys under the right station, and answers that disclose nothing outside a
station's scope (issue 14, items 3 and 6), against the server in-process
(tests/sync/in_process.py; the server's admin commands through their entry point in
this process, ``admin_in_process``)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.cards.verify import verification_report
from broker_app.services.sync.enrol import enrol
from broker_app.store.store import open_store
from sync.client.errors import SyncError
from sync.ids import uuid7
from tests.sync.conftest import (
    FAST,
    TOWNSHIP,
    VILLAGE_1,
    VILLAGE_2,
    Station,
    StationFactory,
    new_code,
    signed_card,
    station_client,
)
from tests.sync.in_process import InProcessServer, admin_in_process
from tests.sync.records import new_id_number, register_worker

V1_NAME = "庄里村就业服务驿站"
#: A village of another township (钢山街道 孟庄社区), loaded in the division list.
OTHER_TOWNSHIP_VILLAGE = "370883001004"


def _card_push(station: Station, org_code: str, key_id_hex: str, serial: int) -> dict[str, Any]:
    """A card record revoking ``serial`` under ``key_id_hex``, as a station might send."""
    return {
        "mutation_id": uuid7(),
        "record_type": "card",
        "record_id": uuid7(),
        "op": "create",
        "fields": {"org_code": org_code, "key_id": key_id_hex, "serial": serial, "revoked": True},
        "hlc": station.store.clock.now(),
    }


def _codes_in(text: str) -> set[str]:
    """The 12-digit org codes in ``text``; not a run of 12 digits inside an id (a
    UUID's last group is all digits about once in 280 ids)."""
    return set(re.findall(r"(?<![0-9A-Za-z-])\d{12}(?![0-9A-Za-z])", text))


def test_a_station_revokes_cards_only_under_keys_it_may_use(
    in_process_stations: StationFactory,
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    far = in_process_stations("far", OTHER_TOWNSHIP_VILLAGE)
    town = in_process_stations("town", TOWNSHIP)
    card = signed_card(v1, 17)
    key = CardKeyService(v1.store).station_key().key_id_hex
    assert station_client(town).verify_card(card)["ok"]

    # Another village (its own org code on the record, v1's key) and a village of
    # another township: refused, and the genuine card stays good everywhere.
    for attacker, org in ((v2, VILLAGE_2), (far, OTHER_TOWNSHIP_VILLAGE)):
        (answer,) = station_client(attacker).push([_card_push(attacker, org, key, 17)])  # type: ignore[list-item]
        assert answer["status"] == "rejected" and answer["code"] == "card_key", answer
        assert not _codes_in(json.dumps(answer, ensure_ascii=False))
    # A key nobody registered is refused too.
    (answer,) = station_client(v2).push([_card_push(v2, VILLAGE_2, "0badcafe", 3)])  # type: ignore[list-item]
    assert answer["code"] == "card_key"
    assert station_client(town).verify_card(card)["ok"]
    town.sync()
    assert CardService(town.store).verify(card, date.today()).ok

    # Its own card: v1 may revoke it...
    (answer,) = station_client(v1).push([_card_push(v1, VILLAGE_1, key, 18)])  # type: ignore[list-item]
    assert answer["status"] == "applied", answer
    # ...and so may its township, on a record of the village.
    (answer,) = station_client(town).push([_card_push(town, VILLAGE_1, key, 17)])  # type: ignore[list-item]
    assert answer["status"] == "applied", answer
    assert station_client(far).verify_card(card)["reason"] == "revoked_card"


def test_changing_the_key_of_a_stored_card_is_refused(in_process_stations: StationFactory) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    own_key = CardKeyService(v2.store).station_key().key_id_hex
    v1_key = CardKeyService(v1.store).station_key().key_id_hex
    created = _card_push(v2, VILLAGE_2, own_key, 5)
    created["fields"]["revoked"] = False
    (answer,) = station_client(v2).push([created])  # type: ignore[list-item]
    assert answer["status"] == "applied"
    # Re-pointing its own card at v1's key, to revoke v1's serial 5 that way.
    update = {
        "mutation_id": uuid7(),
        "record_type": "card",
        "record_id": created["record_id"],
        "op": "update",
        "fields": {"key_id": v1_key, "revoked": True},
        "hlc": v2.store.clock.now(),
    }
    (answer,) = station_client(v2).push([update])  # type: ignore[list-item]
    assert answer["code"] == "card_key"


def test_labels_come_from_the_register_and_verification_names_the_issuer(
    in_process_server: InProcessServer, in_process_stations: StationFactory, capsys: Any
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    key = CardKeyService(v1.store).station_key()
    # Whatever label a station sends with a new key, the list shows its registered name.
    listed = station_client(town).keys()["keys"]
    (entry,) = [k for k in listed if k["key_id"] == key.key_id.hex()]
    assert entry["label"] == V1_NAME
    card = signed_card(v1, 3)
    answer = station_client(town).verify_card(card)
    assert answer["ok"] and answer["issuer"] == V1_NAME
    assert f"由 {V1_NAME} 签发" in answer["message"]
    # On a station, after sync: the dialog's and verify-card's lines.
    town.sync()
    result = CardService(town.store).verify(card, date.today())
    report = verification_report(result, key.key_id_hex)
    assert f"由 {V1_NAME} 签发" in report.message
    assert ("签发单位", f"由 {V1_NAME} 签发") in report.lines

    from broker_app.cli.main import main as cli_main

    capsys.readouterr()
    code = cli_main(["--data-dir", str(town.data_dir), "verify-card", card])
    assert code == 0
    printed = capsys.readouterr().out
    assert f"签发单位：由 {V1_NAME} 签发" in printed and f"由 {V1_NAME} 签发" in printed


def test_key_certification_is_the_countys_listed_and_revocable_act(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    key_id = CardKeyService(v1.store).station_key().key_id.hex()
    card = signed_card(v1, 9)

    listed = admin_in_process(in_process_server.db_url, "list-keys", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = [k for k in json.loads(listed.stdout) if k["key_id"] == key_id]
    assert row["certified"] and row["label"] == V1_NAME and row["org_code"] == VILLAGE_1

    done = admin_in_process(in_process_server.db_url, "uncertify-key", key_id)
    assert done.returncode == 0 and V1_NAME in done.stdout, done.stderr
    answer = station_client(town).verify_card(card)
    assert (
        answer["ok"] and not answer["key_certified"] and "尚未经县人社局认证" in answer["message"]
    )
    town.sync()
    assert not CardService(town.store).verify(card, date.today()).key_certified

    done = admin_in_process(in_process_server.db_url, "certify-key", key_id.upper())
    assert done.returncode == 0, done.stderr
    assert station_client(town).verify_card(card)["key_certified"]
    town.sync()
    assert CardService(town.store).verify(card, date.today()).key_certified

    done = admin_in_process(in_process_server.db_url, "revoke-key", key_id)
    assert done.returncode == 0, done.stderr
    assert station_client(town).verify_card(card)["reason"] == "revoked_key"
    assert admin_in_process(in_process_server.db_url, "certify-key", key_id).returncode == 2
    assert admin_in_process(in_process_server.db_url, "certify-key", "00000000").returncode == 2
    plain = admin_in_process(in_process_server.db_url, "list-keys")
    assert "已吊销" in plain.stdout and "最大卡号" in plain.stdout


# -- item 6: minimal disclosure ----------------------------------------------------------
def test_a_duplicate_person_answer_names_no_record(
    in_process_stations: StationFactory,
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    far = in_process_stations("far", OTHER_TOWNSHIP_VILLAGE)
    number = new_id_number()
    first = register_worker(v1.store, VILLAGE_1, "卫九", number)
    v1.sync()
    # Straight from the wire: the answer says whom to ask, nothing about the record.
    second = register_worker(far.store, OTHER_TOWNSHIP_VILLAGE, "卫九", number)
    (mutation,) = [m for m in _pending(far) if m["record_id"] == second]
    (answer,) = station_client(far).push([mutation])
    assert answer["status"] == "applied"
    assert "duplicate_of" not in answer
    text = json.dumps(answer, ensure_ascii=False)
    assert first not in text and not _codes_in(text)
    assert "已在县内其他地方登记" in answer["duplicate_person"]
    assert "镇" in answer["duplicate_person"]
    # The desktop's own round counts it (the sync page and `sync` print the count).
    number = new_id_number()
    register_worker(v1.store, VILLAGE_1, "卫十", number)
    v1.sync()
    register_worker(far.store, OTHER_TOWNSHIP_VILLAGE, "卫十", number)
    report = far.sync()
    assert report.duplicate_people == 1 and report.error is None


def _pending(station: Station) -> list[Any]:
    from broker_app.services.sync.replica import StoreReplica

    return StoreReplica(station.store).pending(100)


def test_a_resent_mutation_id_with_a_foreign_record_answers_no_stamp(
    in_process_stations: StationFactory,
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    worker = register_worker(v1.store, VILLAGE_1, "钱七")
    (mine,) = [m for m in _pending(v1) if m["record_id"] == worker]
    v1.sync()
    # v2 replays v1's mutation id on v1's record, with a far-future stamp of its own
    # (the case in which a duplicate answer carries a stamp).
    node = v2.store.node_id
    replay = {**mine, "hlc": f"{(2**47):012x}0000@{node}", "fields": {"name": "钱七"}}
    (answer,) = station_client(v2).push([replay])
    assert answer["status"] in ("duplicate", "rejected")
    assert "stamp" not in answer
    # Also not on a fresh mutation id of its own aimed at the foreign record.
    fresh = {**replay, "mutation_id": uuid7(), "op": "update"}
    (answer,) = station_client(v2).push([fresh])
    assert answer["status"] == "rejected" and "stamp" not in answer
    assert not _codes_in(json.dumps(answer, ensure_ascii=False))


def test_refusals_and_enrolment_name_no_other_unit(
    in_process_server: InProcessServer, in_process_stations: StationFactory, tmp_path: Any
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    foreign = {
        "mutation_id": uuid7(),
        "record_type": "worker",
        "record_id": uuid7(),
        "op": "create",
        "fields": {"org_code": VILLAGE_2, "name": "孙八", "id_number": new_id_number()},
        "hlc": v1.store.clock.now(),
    }
    (answer,) = station_client(v1).push([foreign])  # type: ignore[list-item]
    assert answer["code"] == "scope"
    assert not _codes_in(answer["message"] + answer["message_en"])

    # A station of village 1 given a valid code for village 2: refused without naming
    # village 2 (code nor name), and the code is not spent.
    code = new_code(in_process_server.db_url, VILLAGE_2)
    with pytest.raises(SyncError) as refused:
        enrol(v1.store, in_process_server.url, code, policy=FAST, http=in_process_server.session())
    said = refused.value.message + refused.value.message_en
    assert not _codes_in(said) and "中陶城" not in said, said
    assert "不是为本驿站所属单位签发的" in refused.value.message
    data = tmp_path / "right-one"
    data.mkdir()
    store = open_store(data)
    try:
        enrolled = enrol(
            store, in_process_server.url, code, policy=FAST, http=in_process_server.session()
        )
        assert enrolled.org_code == VILLAGE_2
    finally:
        store.close()


def test_a_revocation_stored_before_the_check_does_not_count(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    from datetime import datetime

    from sync.server.db import ServerDB
    from sync.server.identity import Writer
    from sync.server.push import apply_push

    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    card = signed_card(v1, 41)
    key = CardKeyService(v1.store).station_key().key_id_hex
    # What an older server stored: village 2's record revoking village 1's card.
    legacy = {**_card_push(v1, VILLAGE_2, key, 41), "hlc": "000000000001" + "0000@server"}
    db = ServerDB(in_process_server.db_url)
    try:
        with db.write() as session:
            apply_push(session, Writer.server(), [legacy], datetime.now(), 10**13)
    finally:
        db.dispose()
    assert station_client(town).verify_card(card)["ok"]
