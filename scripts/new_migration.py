"""Write an Alembic migration from the difference between the models and the schema
that the existing migrations build.

    python scripts/new_migration.py "add conflict log"
    python scripts/new_migration.py --initial   # rewrite 0001 from the models

``--initial`` exists only until a database made by a released build is in the field:
after that every schema change is a new revision, and archived databases under
tests/ prove the upgrade path.

Review the generated file before committing it: autogenerate misses renames and
server defaults, and SQLite needs batch operations (already switched on).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from broker_app.store.db import make_engine
from broker_app.store.migrate import MIGRATIONS, alembic_config


def main(message: str, *, initial: bool = False) -> None:
    versions = MIGRATIONS / "versions"
    if initial:
        for old in versions.glob("0001_*.py"):
            old.unlink()
        message = "initial schema"
    numbers = [
        int(m.group(1)) for p in versions.glob("*.py") if (m := re.match(r"(\d{4})_", p.name))
    ]
    rev_id = f"{max(numbers, default=0) + 1:04d}"
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "schema.sqlite3")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if not initial:
                command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    for path in versions.glob(f"{rev_id}_*.py"):
        text = path.read_text()
        # Our JSON column types store plain TEXT; migrations must not import model code.
        text = re.sub(r"broker_app\.store\.base\.Json(Dict|List)\(\)", "sa.Text()", text)
        text = re.sub(r"    # ### .* ###\n", "", text)
        path.write_text(text)
        print(f"wrote {path}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--initial"]:
        main("", initial=True)
    else:
        main(" ".join(args) or "schema change")
