"""Where this station syncs to, and with which credential.

The server address, station id and CA file are in the station's setting table; the
credential is in the station's secret store (``store.secrets``), never in the
database, its backups or the diagnostics zip. The server keeps only its hash and can
revoke it at any time.

A database enrolled on another PC (restored from a backup, or copied) has a station
id but no credential here: it must be enrolled again (``CredentialMissing``).
"""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.services.settings.schema import CA_FILE_SETTING, SERVER_URL_SETTING, SyncSettings
from broker_app.services.settings.storage import read_section
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.secrets import CREDENTIAL, SecretStore
from broker_app.store.store import Store, Transaction
from sync.client.api import ChannelClient
from sync.client.errors import SyncError
from sync.client.http import RetryPolicy, make_session

SERVER_URL = SERVER_URL_SETTING
STATION_ID = "sync.station_id"
CA_FILE = CA_FILE_SETTING


class CredentialMissing(SyncError):
    """Enrolled (a station id), but this PC holds no credential for the database."""

    def __init__(self) -> None:
        super().__init__(
            "本机没有这个驿站的同步凭证和维权卡签名密钥：数据来自另一台电脑或备份，"
            "凭证和密钥不随数据库及其备份复制。请向县人社局申请新的注册码重新注册本驿站"
            "（驿站编号和历史记录不变）；之后签发的维权卡将使用新的签名密钥",
            "no credential for this database on this PC (restored or copied from another "
            "PC): re-enrol with a new code; new cards will use a new signing key",
        )


@dataclass(frozen=True)
class SyncConfig:
    server_url: str
    station_id: str
    credential: str
    ca_file: str | None = None


def read_config(session: Transaction, secrets: SecretStore) -> SyncConfig | None:
    """The enrolment, or None when this station has no server address or credential.
    The address and CA file are the station's sync settings (``settings.SyncSettings``)."""
    server = read_section(session, SyncSettings, None)
    credential = secrets.get(CREDENTIAL)
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
        return read_config(session, store.secrets)


def credential_missing(store: Store) -> bool:
    """True when this database was enrolled but this PC holds no credential for it."""
    with store.read() as session:
        enrolled = bool(get_setting(session, STATION_ID))
    return enrolled and not store.secrets.get(CREDENTIAL)


def save_config(session: Transaction, secrets: SecretStore, config: SyncConfig) -> None:
    """Store the enrolment; the credential goes to the secret store first, so a
    failed transaction leaves at worst an unused secret, never a station id without
    its credential."""
    secrets.put(CREDENTIAL, config.credential)
    put_setting(session, SERVER_URL, config.server_url)
    put_setting(session, STATION_ID, config.station_id)
    put_setting(session, CA_FILE, config.ca_file or "")


def make_client(config: SyncConfig, policy: RetryPolicy | None = None) -> ChannelClient:
    session = make_session(config.ca_file or None)
    return ChannelClient(config.server_url, session, config.credential, policy)
