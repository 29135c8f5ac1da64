"""The county sets the card page's address and the clue deadlines once, on the
channel server; every station takes them on its next sync, and the cards it prints
then open the county's card page."""

from __future__ import annotations

import pytest

from broker_app.services.cards.print_jobs import public_base_url
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.services.settings.text import with_text
from sync.county_policy import CountyPolicy, PolicyError, from_document
from sync.server.cli import main as server_cli
from tests.sync.conftest import VILLAGE_1, StationFactory
from tests.sync.in_process import InProcessServer

COUNTY_PAGE = "https://wq.zcrs.gov.cn"


def test_a_station_takes_the_countys_policy_on_sync(
    fresh_in_process_stations: StationFactory,
    fresh_in_process_server: InProcessServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    village = fresh_in_process_stations("village", VILLAGE_1)
    db_url = fresh_in_process_server.db_url

    village.sync()  # nothing set at the county: the station's defaults stay
    before = load_settings(village.store)
    assert before.cards.public_base_url == ""
    assert (before.arrears.accept_days, before.arrears.resolve_days) == (5, 15)

    code = server_cli(
        ["county-policy", "--db", db_url, "--card-page-url", COUNTY_PAGE, "--clue-days", "1,3,10"]
    )
    assert code == 0
    assert "https://wq.zcrs.gov.cn" in capsys.readouterr().out

    village.sync()
    after = load_settings(village.store)
    assert after.cards.public_base_url == COUNTY_PAGE
    days = (after.arrears.receive_days, after.arrears.accept_days, after.arrears.resolve_days)
    assert days == (1, 3, 10)
    with village.store.read() as session:
        assert public_base_url(session) == COUNTY_PAGE  # what the next printed card opens


def test_parts_the_county_has_not_set_keep_the_stations_own(
    fresh_in_process_stations: StationFactory, fresh_in_process_server: InProcessServer
) -> None:
    village = fresh_in_process_stations("village", VILLAGE_1)
    db_url = fresh_in_process_server.db_url
    save_settings(
        village.store, with_text(load_settings(village.store), "arrears.accept_days", "4")
    )
    assert server_cli(["county-policy", "--db", db_url, "--card-page-url", COUNTY_PAGE]) == 0

    village.sync()

    settings = load_settings(village.store)
    assert settings.cards.public_base_url == COUNTY_PAGE
    assert settings.arrears.accept_days == 4


def test_the_county_cannot_set_what_a_station_would_refuse(
    fresh_in_process_server: InProcessServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db_url = fresh_in_process_server.db_url
    assert server_cli(["county-policy", "--db", db_url, "--clue-days", "5,1,15"]) == 2
    assert "接收 ≤ 受理 ≤ 办结" in capsys.readouterr().err
    assert server_cli(["county-policy", "--db", db_url, "--card-page-url", "ftp://x.cn"]) == 2
    assert server_cli(["county-policy", "--db", db_url]) == 0
    assert "未设置" in capsys.readouterr().out


@pytest.mark.parametrize(
    "document",
    [
        {"card_page_url": "javascript:alert(1)"},
        {"card_page_url": 7},
        {"clue_days": [1, 5]},
        {"clue_days": [1, 5, 4000]},
        {"clue_days": [True, 5, 15]},
        {"clue_days": "1,5,15"},
    ],
)
def test_a_station_refuses_a_policy_it_would_not_store(document: dict[str, object]) -> None:
    with pytest.raises(PolicyError):
        from_document(document)


def test_the_wire_form_carries_only_what_is_set() -> None:
    assert CountyPolicy().document() == {}
    policy = from_document({"card_page_url": COUNTY_PAGE, "clue_days": [1, 5, 15]})
    assert policy == CountyPolicy(COUNTY_PAGE, (1, 5, 15))
    assert from_document(policy.document()) == policy
