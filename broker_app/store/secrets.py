"""The station's secrets, kept outside its database.

Two secrets: the credential the channel server gave at enrolment and the private half
of the rights-card signing key. Neither may sit in the database, because the database
travels: daily backups, a backup copied to a USB stick, the diagnostics zip. They live
in the operating system's credential store where there is a real one (Windows
Credential Manager on the brokers' PCs, the macOS keychain, a Secret Service on a
Linux desktop), and otherwise in a file readable only by this user in the data folder.

Secrets are filed under the station database's node id: a database restored on
another PC (or another station's backup put in this folder) finds none, so it must be
enrolled again and makes a new card key (see ``services/station_secrets``).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path
from typing import Any, Final

from broker_app.atomic_write import atomic_path
from broker_app.domain.common.errors import UserError

log = logging.getLogger(__name__)

SERVICE: Final = "LaborStation"
CREDENTIAL: Final = "sync.credential"
SIGNING_KEY: Final = "rights_card.signing_key"
#: The rows these secrets had in the ``setting`` table before migration 0004.
NAMES: Final = (CREDENTIAL, SIGNING_KEY)


def signing_key_name(key_id_hex: str) -> str:
    """Where the private half of one card-signing key is kept. One entry per key, so a
    database restored from a backup made before a key change still finds its key."""
    return f"{SIGNING_KEY}/{key_id_hex.upper()}"


SECRETS_DIR: Final = "secrets"

#: Modules of keyring backends that keep secrets in the operating system's own store.
#: Everything else (keyring's "fail" and "null" backends, keyrings.alt's files) is not
#: one: the 0600 file below is then the better place.
_OS_BACKENDS: Final = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)


class SecretStoreError(UserError):
    """The secret could not be read or written (Chinese and English reasons)."""

    def __str__(self) -> str:
        return self.message_en  # what the log line of a failed credential read says


def os_keyring() -> Any | None:
    """The operating system's credential store as a keyring backend, or None when
    this machine has none that works (a headless Linux server, for one)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        candidates = list(getattr(backend, "backends", None) or [backend])
        for candidate in candidates:
            if type(candidate).__module__.startswith(_OS_BACKENDS):
                candidate.get_password(SERVICE, "probe")  # a locked or absent store raises
                return candidate
    except (KeyringError, OSError, RuntimeError) as exc:
        log.info("no usable operating-system keyring: %s", exc)
    return None


class SecretStore:
    """Get, put and delete this station's secrets.

    ``backend``: a keyring backend object to use, or None for the 0600 file. The
    default (``"auto"``) is the operating system's store when one works, else the file.
    """

    def __init__(self, data_dir: Path, node_id: str, backend: Any = "auto") -> None:
        self.data_dir = data_dir
        self.node_id = node_id
        self._backend = backend

    @property
    def backend(self) -> Any | None:
        """The keyring backend in use, or None for the file. Looked up on first use:
        loading keyring's backends takes a noticeable fraction of a second, which a
        command that never touches a secret should not pay."""
        if isinstance(self._backend, str) and self._backend == "auto":
            self._backend = os_keyring()
            log.info("station secrets kept in %s", self.where)
        return self._backend

    def sharing_backend(self, node_id: str) -> SecretStore:
        """A store for another node id of this data folder with the same backend choice
        (resolved only when it is used)."""
        return SecretStore(self.data_dir, node_id, self._backend)

    @property
    def where(self) -> str:
        """``keyring`` or ``file``: where the secrets are (for the log and tests)."""
        return "keyring" if self.backend is not None else "file"

    @property
    def file_path(self) -> Path:
        return self.data_dir / SECRETS_DIR / f"{self.node_id}.json"

    def get(self, name: str) -> str | None:
        if self.backend is not None:
            value = self.backend.get_password(SERVICE, self._account(name))
            return str(value) if value else None
        value = self._read_file().get(name)
        return value if isinstance(value, str) and value else None

    def put(self, name: str, value: str) -> None:
        if self.backend is not None:
            self.backend.set_password(SERVICE, self._account(name), value)
            return
        values = self._read_file()
        values[name] = value
        self._write_file(values)

    def delete(self, name: str) -> None:
        if self.backend is not None:
            if self.backend.get_password(SERVICE, self._account(name)) is not None:
                self.backend.delete_password(SERVICE, self._account(name))
            return
        values = self._read_file()
        if values.pop(name, None) is not None:
            self._write_file(values)

    # -- the file ---------------------------------------------------------------------
    def _account(self, name: str) -> str:
        return f"{self.node_id}/{name}"

    def _read_file(self) -> dict[str, Any]:
        try:
            text = self.file_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise SecretStoreError(
                "无法读取本机保存的凭证文件", f"cannot read {self.file_path}: {exc}"
            ) from exc
        try:
            values = json.loads(text)
        except ValueError:
            log.error("secrets file %s is not JSON; treated as empty", self.file_path)
            return {}
        return values if isinstance(values, dict) else {}

    def _write_file(self, values: dict[str, Any]) -> None:
        """Write to a temporary name created 0600, then rename: the secret is never in
        a file anyone else may read, and a crash leaves the old file whole."""
        folder = self.file_path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _restrict(folder, 0o700)
        with atomic_path(self.file_path) as tmp:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(values, handle)
            _restrict(tmp, 0o600)


def _restrict(path: Path, mode: int) -> None:
    """Owner-only permissions (a umask may have widened nothing, but an older folder
    may have been made with wider ones). Windows keeps its own ACLs."""
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != mode:
        os.chmod(path, mode)


def scrub_secrets(db_file: Path) -> None:
    """Delete the secrets' rows from a database file (a backup taken before they were
    moved out), overwriting their bytes rather than only unlinking them."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        with conn:
            conn.execute(
                f"DELETE FROM setting WHERE key IN ({', '.join('?' for _ in NAMES)})", NAMES
            )
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
