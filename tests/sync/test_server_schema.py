"""The server's migrations build exactly what its models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server.db import ServerDB
from sync.server.migrate import load_org_units, upgrade
from sync.server.models import ServerBase
from tests.sync.server_process import database_url


def test_migrations_match_models(backend: str, tmp_path: Path) -> None:
    with database_url(backend, tmp_path) as url:
        db = ServerDB(url)
        try:
            upgrade(db)
            upgrade(db)  # a second start changes nothing
            assert load_org_units(db) == 731  # 1 county, 16 townships, 714 villages
            with db.engine.connect() as conn:
                context = MigrationContext.configure(
                    conn, opts={"version_table": "server_alembic_version"}
                )
                diff = compare_metadata(context, ServerBase.metadata)
            assert diff == []
        finally:
            db.dispose()


@pytest.mark.parametrize(
    "typed", ["ABCD-EFGH-JKMN-PQRS", "abcd efgh jkmn pqrs", "ABCDEFGHJKMNPQRS"]
)
def test_enrolment_codes_are_forgiving_to_type(typed: str) -> None:
    from sync.server.auth import code_digest

    assert code_digest(typed) == code_digest("ABCD-EFGH-JKMN-PQRS")
