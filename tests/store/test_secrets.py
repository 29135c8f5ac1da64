"""The station's secrets outside its database: the migration that moves them out of
an existing station, and the operating-system keyring path (issue 14, item 11)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import create_engine

from broker_app import paths
from broker_app.domain.rights_card import generate_key_pair, key_id_for
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.settings.station import StationService
from broker_app.store import migrate
from broker_app.store.secrets import (
    CREDENTIAL,
    SERVICE,
    SecretStore,
    os_keyring,
    signing_key_name,
)
from broker_app.store.store import Store, open_store
from tests.conftest import VILLAGE

CREDENTIAL_TEXT = "01a2b3c4-0000-7000-8000-000000000001.Zr9-secret-half-of-the-credential"


def _old_station(data: Path) -> tuple[str, bytes]:
    """A station database as builds before the move left it: at revision 0002, the
    credential and the card key in its setting table. Returns (node id, private key)."""
    store = open_store(data)
    StationService(store).configure(VILLAGE, operator_name="测试经纪人")
    node_id = store.node_id
    store.close()
    private_key, public_key = generate_key_pair()
    own = json.dumps(
        [
            {
                "public_key": public_key.hex(),
                "valid_from": "2026-01-05",
                "valid_until": None,
                "certified": True,
                "label": "x",
                "own": True,
            }
        ]
    )
    # Undo the later revisions' tables, then mark it 0002 (0004 changed no schema).
    engine = create_engine(f"sqlite:///{paths.database_path(data)}")
    with engine.begin() as alembic_conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = alembic_conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    conn = sqlite3.connect(paths.database_path(data))
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [
                ("sync.credential", CREDENTIAL_TEXT),
                ("sync.station_id", CREDENTIAL_TEXT.split(".")[0]),
                ("sync.server_url", "https://channel.example.cn"),
                ("rights_card.signing_key", private_key.hex()),
                ("rights_card.keys", own),
            ],
        )
    conn.close()
    # Nothing in the secret store yet (a station of an earlier build).
    for path in (data / "secrets").glob("*"):
        path.unlink()
    return node_id, private_key


def _bytes_of(db: Path) -> bytes:
    wal = Path(str(db) + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_the_migration_moves_secrets_out_of_the_database_and_its_backup(
    data_dir: Path,
) -> None:
    node_id, private_key = _old_station(data_dir)
    store = open_store(data_dir)
    try:
        assert store.migration_backup is not None
        key = CardKeyService(store).station_key()
        assert key.private_key == private_key  # the same key, kept: cards stay valid
        assert store.secrets.get(CREDENTIAL) == CREDENTIAL_TEXT
        with store.read() as session:
            from broker_app.store.repositories.station import get_setting

            assert get_setting(session, "sync.credential") is None
            assert get_setting(session, "rights_card.signing_key") is None
            assert get_setting(session, "sync.station_id")  # the rest stays
    finally:
        store.close()
    for blob in (_bytes_of(paths.database_path(data_dir)), store.migration_backup.read_bytes()):
        assert CREDENTIAL_TEXT.encode() not in blob
        assert b"secret-half" not in blob
        assert private_key.hex().encode() not in blob
    assert SecretStore(data_dir, node_id).file_path.is_file()


def test_a_newer_secret_is_not_replaced_by_an_older_backups(data_dir: Path) -> None:
    node_id, _private = _old_station(data_dir)
    SecretStore(data_dir, node_id).put(CREDENTIAL, "station.the-credential-of-a-re-enrolment")
    store = open_store(data_dir)
    try:
        assert store.secrets.get(CREDENTIAL) == "station.the-credential-of-a-re-enrolment"
    finally:
        store.close()


def test_secrets_go_to_a_real_keyring_backend_when_one_is_given(
    data_dir: Path, tmp_path: Path
) -> None:
    # keyrings.alt's file backend is a real keyring backend (not a mock); the
    # operating-system ones (Windows Credential Manager) take its place on a PC.
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    node_id, private_key = _old_station(data_dir)
    store = Store(paths.database_path(data_dir), paths.backups_dir(data_dir), ring)
    try:
        assert store.secrets.where == "keyring"
        assert ring.get_password(SERVICE, f"{node_id}/{CREDENTIAL}") == CREDENTIAL_TEXT
        key_name = signing_key_name(key_id_for(generate_key_pair()[1]).hex())
        assert key_name.startswith("rights_card.signing_key/")
        key = CardKeyService(store).station_key()
        assert key.private_key == private_key
        stored = ring.get_password(SERVICE, f"{node_id}/{signing_key_name(key.key_id.hex())}")
        assert stored == private_key.hex()
        # Nothing was written to the file of the no-keyring path.
        assert not store.secrets.file_path.exists()
        store.secrets.delete(CREDENTIAL)
        assert store.secrets.get(CREDENTIAL) is None
    finally:
        store.close()


def test_no_file_keyring_counts_as_the_operating_systems_store() -> None:
    # keyrings.alt (installed for the test above) is what keyring picks here: it is a
    # plaintext file, not an OS store, so the station uses its own 0600 file instead.
    found = os_keyring()
    assert found is None or not type(found).__module__.startswith("keyrings.alt")
