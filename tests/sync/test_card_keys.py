"""Card keys published by the server, and verifying a scanned card there (the server
in-process: tests/sync/in_process.py)."""

from __future__ import annotations

from broker_app.domain.rights_card import generate_key_pair
from broker_app.services.cards.keys import CardKeyService
from sync.server.db import ServerDB
from sync.server.identity import Writer
from sync.server.push import apply_push
from tests.sync.conftest import (
    COUNTY,
    TOWNSHIP,
    VILLAGE_1,
    StationFactory,
    signed_card,
    station_client,
)
from tests.sync.in_process import InProcessServer


def test_keys_are_published_and_cards_verified(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    village = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    own_key = CardKeyService(village.store).station_key()
    listed = station_client(town).keys()
    (entry,) = [k for k in listed["keys"] if k["public_key"] == own_key.public_key.hex()]
    assert entry["certified"] and entry["key_id"] == own_key.key_id.hex()
    # Which station holds a key (the county's register) only the county reads.
    assert "org_code" not in entry and "station_id" not in entry
    county = in_process_stations("county", COUNTY)
    (registered,) = [
        k for k in station_client(county).keys()["keys"] if k["key_id"] == entry["key_id"]
    ]
    assert registered["org_code"] == VILLAGE_1 and registered["station_id"]

    card = signed_card(village, 17)
    answer = station_client(town).verify_card(card)
    assert answer["ok"], answer
    assert answer["ok"] and answer["facts"]["serial"] == 17 and answer["key_certified"]
    assert answer["message"] and answer["message_en"]
    tampered = card[:-3] + ("AAA" if not card.endswith("AAA") else "BBB")
    assert not station_client(town).verify_card(tampered)["ok"]
    assert station_client(town).verify_card("hello")["reason"] == "malformed"

    # Other stations learn the key through sync, for checking cards offline.
    town.sync()
    known = {k.public_key for k in CardKeyService(town.store).known_keys()}
    assert own_key.public_key in known

    # A card revoked in the synced records is reported revoked.
    db = ServerDB(in_process_server.db_url)
    with db.write() as session:
        apply_push(
            session,
            Writer.server(),
            [
                {
                    "mutation_id": "revoke-card-17",
                    "record_type": "card",
                    "record_id": "card-17",
                    "op": "create",
                    "fields": {
                        "org_code": VILLAGE_1,
                        "serial": 17,
                        "key_id": own_key.key_id_hex,
                        "revoked": True,
                    },
                    "hlc": "000000000001" + "0000@server",
                }
            ],
            __import__("datetime").datetime.now(),
            10**13,
        )
    db.dispose()
    assert station_client(town).verify_card(card)["reason"] == "revoked_card"


def test_a_station_can_publish_another_key(in_process_stations: StationFactory) -> None:
    village = in_process_stations("v1", VILLAGE_1)
    _private, public = generate_key_pair()
    entry = station_client(village).register_key(public, "县人社局")
    # The label is the station's name in the server's register, not the text sent.
    assert entry["certified"] is False and entry["label"] == "庄里村就业服务驿站"
    client = station_client(village)
    bad = client.session.post(
        client.base_url + "/v1/keys",
        json={"public_key": "zz" * 32},
        headers={
            "X-Sync-Protocol": "1",
            "X-Sync-Schema": "1",
            "Authorization": f"Bearer {client.credential}",
        },
        timeout=5,
    )
    assert bad.status_code == 400 and "公钥" in bad.json()["message"]
    anyone = client.session.get(
        client.base_url + "/v1/keys", headers={"X-Sync-Protocol": "1"}, timeout=5
    )
    assert anyone.status_code == 409  # schema header missing (and no credential either)
