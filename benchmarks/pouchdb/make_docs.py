"""Documents for the PouchDB baseline, one JSON object a line: the same records (same
generator and seeds) as ``benchmarks/sync_initial_pull.py`` pulls: each worker, its
follow-ups, trainings and rights cards and the cards' projects, with the fields our
pull carries for each (``sync_seed.records``).

    python benchmarks/pouchdb/make_docs.py --workers 50000 > docs.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync_seed import records
from sync_support import people

from broker_app.domain.org.units import load_zoucheng

COUNTY = "370883000000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=50_000)
    args = parser.parse_args()
    villages = load_zoucheng().village_codes_in_scope(COUNTY)
    out = sys.stdout
    for record_type, record_id, fields in records(people(args.workers, villages)):
        doc = {"_id": record_id, "type": record_type, **fields}
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
