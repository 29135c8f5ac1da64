"""The county's restore drill (docs/DEPLOYMENT.md): back up the channel server's
PostgreSQL database with pg_dump, lose the server, restore into a fresh database with
pg_restore, run ``after-restore``, and the stations carry on syncing against it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from broker_app.domain.org.units import load_zoucheng
from sync.server.db import SEQ, ServerDB
from sync.server.models import Counter
from tests.sync.server_process import admin, run_server, throwaway_postgres
from tests.sync.station_swarm import enrol_swarm, unique_people

PG = ("-h", "127.0.0.1", "-p", "5432", "-U", "postgres")


def counter(db_url: str) -> int:
    db = ServerDB(db_url)
    try:
        with db.read() as session:
            return int(session.scalar(select(Counter.value).where(Counter.name == SEQ)) or 0)
    finally:
        db.dispose()


def database_name(db_url: str) -> str:
    return db_url.rsplit("/", 1)[1]


@pytest.mark.postgres
def test_a_restored_backup_serves_the_stations_again(tmp_path: Path) -> None:
    directory = load_zoucheng()
    village = directory.village_codes_in_scope(directory.county.code)[0]
    people = iter(unique_people(15))
    dump = tmp_path / "labor_station.dump"
    with throwaway_postgres() as old_url:
        with run_server(old_url, tmp_path) as old:
            broker, county = enrol_swarm(old.url, old_url, [village, directory.county.code])
            broker.push([next(people) for _ in range(5)])
            county.pull_all()
            subprocess.run(
                ["pg_dump", *PG, "--format=custom", "--file", str(dump), database_name(old_url)],
                check=True,
            )
            # After the backup: the county pulls these, then the server is lost.
            broker.push([next(people) for _ in range(5)])
            county.pull_all()
        lost = set(broker.pushed[5:])

    with throwaway_postgres() as new_url:
        subprocess.run(
            ["pg_restore", *PG, "--no-owner", "--dbname", database_name(new_url), str(dump)],
            check=True,
        )
        # The restored sequence is behind the county's cursor: new changes would fall
        # below it and never be pulled. after-restore moves it past every cursor.
        assert counter(new_url) < county.cursor
        answer = admin(new_url, "after-restore")
        assert answer.returncode == 0, answer.stderr
        assert counter(new_url) > county.cursor
        with run_server(new_url, tmp_path) as restored:
            for station in (broker, county):
                station.client.base_url = restored.url
            broker.push([next(people) for _ in range(5)])  # the old credential still works
            county.pull_all()
            broker.pull_all()

    assert broker.problems == [] and county.problems == []
    assert set(broker.pushed[10:]) <= county.pulled.keys()  # made after the restore
    assert len(county.pulled) == 15
    # What the backup did not hold is gone from the server (the guide says so): the
    # restored server serves the workers of before the backup and after the restore.
    assert broker.pulled.keys() == set(broker.pushed) - lost
