"""Where this station syncs to, and with which credential.

Kept in the station's setting table. The credential is stored in plain form there
(the database file is the station's secret as a whole: protect the PC and its
backups); the server keeps only its hash and can revoke it at any time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from broker_app.services.settings import (
    CA_FILE_SETTING,
    SERVER_URL_SETTING,
    SyncSettings,
    read_section,
)
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store
from sync.client.api import ChannelClient
from sync.client.http import RetryPolicy, make_session

SERVER_URL = SERVER_URL_SETTING
STATION_ID = "sync.station_id"
CREDENTIAL = "sync.credential"
CA_FILE = CA_FILE_SETTING


@dataclass(frozen=True)
class SyncConfig:
    server_url: str
    station_id: str
    credential: str
    ca_file: str | None = None


def read_config(session: Session) -> SyncConfig | None:
    """The enrolment, or None when this station has no server address or credential.
    The address and CA file are the station's sync settings (``settings.SyncSettings``)."""
    server = read_section(session, SyncSettings, None)
    credential = get_setting(session, CREDENTIAL)
    if not server.server_url or not credential:
        return None
    return SyncConfig(
        server.server_url,
        get_setting(session, STATION_ID) or "",
        credential,
        server.ca_file or None,
    )


def load_config(store: Store) -> SyncConfig | None:
    with store.read() as session:
        return read_config(session)


def save_config(session: Session, config: SyncConfig) -> None:
    put_setting(session, SERVER_URL, config.server_url)
    put_setting(session, STATION_ID, config.station_id)
    put_setting(session, CREDENTIAL, config.credential)
    put_setting(session, CA_FILE, config.ca_file or "")


def make_client(config: SyncConfig, policy: RetryPolicy | None = None) -> ChannelClient:
    session = make_session(config.ca_file or None)
    return ChannelClient(config.server_url, session, config.credential, policy)
