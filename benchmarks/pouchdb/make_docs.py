"""Worker documents for the PouchDB baseline, one JSON object a line: the same people
(same generator and seed) as ``benchmarks/sync_initial_pull.py`` pulls, with the fields
our pull carries for a worker.

    python benchmarks/pouchdb/make_docs.py --workers 50000 > docs.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync_support import people

from broker_app.domain.org.units import load_zoucheng
from broker_app.store.wire import to_wire

COUNTY = "370883000000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=50_000)
    args = parser.parse_args()
    villages = load_zoucheng().village_codes_in_scope(COUNTY)
    out = sys.stdout
    for person in people(args.workers, villages):
        doc = {"_id": str(uuid.uuid4()), "type": "worker"}
        doc.update({name: to_wire(value) for name, value in person.items()})
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
