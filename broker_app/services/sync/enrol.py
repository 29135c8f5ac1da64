"""Enrolling this station with the county's channel server using a one-time code."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import requests

from broker_app.services.cards.keys import CardKeyService
from broker_app.services.settings.station import StationService
from broker_app.services.sync.config import SyncConfig, save_config
from broker_app.services.sync.identity import accept_own_writes
from broker_app.store.store import Store
from sync.client.api import ChannelClient, check_server_url
from sync.client.errors import SyncError
from sync.client.http import RetryPolicy, make_session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EnrolResult:
    station_id: str
    org_code: str
    org_name: str
    station_name: str
    #: Hex id of this station's card-signing key, now published (and certified).
    key_id: str | None


def enrol(
    store: Store,
    server_url: str,
    code: str,
    ca_file: str | None = None,
    *,
    policy: RetryPolicy | None = None,
    http: requests.Session | None = None,
) -> EnrolResult:
    """Spend the code, store the credential, and on a new data folder take the org unit
    the county enrolled this station for (so no separate station set-up is needed).
    ``http``: the HTTP session to use instead of a new ``make_session(ca_file)`` (the
    tests hand one whose transport is the server in-process)."""
    url = check_server_url(server_url)
    if ca_file and not Path(ca_file).is_file():
        raise SyncError(f"找不到证书文件：{ca_file}", f"CA file not found: {ca_file}")
    info = StationService(store).info()
    key = CardKeyService(store).station_key()
    client = ChannelClient(url, http or make_session(ca_file), policy=policy)
    # The unit is sent along: a code for another unit is refused by the server
    # without being spent, and without naming that unit.
    answer = client.enrol(
        code,
        store.node_id,
        public_key=key.public_key,
        org_code=info.org_code if info.configured else None,
    )
    if info.configured and info.org_code != answer.org_code:
        raise SyncError(
            "这个注册码不是为本驿站所属单位签发的；请联系县人社局",
            f"code is for another unit, this station serves {info.org_code}",
        )
    if not info.configured:
        StationService(store).configure(answer.org_code, name=answer.station_name or None)
    with store.write() as session:
        save_config(
            session,
            store.secrets,
            SyncConfig(url, answer.station_id, answer.credential, ca_file),
        )
        # The county enrolled this folder: writes already on the server under this
        # node id are taken as its own (see sync_identity), and a stop is lifted.
        accept_own_writes(session)
    log.info("enrolled with %s as station %s (%s)", url, answer.station_id, answer.org_code)
    return EnrolResult(
        answer.station_id, answer.org_code, answer.org_name, answer.station_name, answer.key_id
    )
