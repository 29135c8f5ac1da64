"""Rights-card keys: the published key list, key registration, card verification; and
the county's policy for the cards and clues of every station."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from sync.protocol import COUNTY_POLICY, KEYS, VERIFY_CARD
from sync.server import county_policy, keys
from sync.server.deps import CurrentStation, Database, check_versions, utc_now
from sync.server.schemas import KeyIn, KeyListOut, KeyOut, VerifyIn, VerifyOut
from sync.server.scope import Scope

router = APIRouter(dependencies=[Depends(check_versions)], tags=["cards"])


#: Fields of a key that make the list a register of the county's stations: for the
#: county only. A verifier needs the key, its validity and its label.
REGISTER_FIELDS = ("station_id", "org_code")


@router.get(KEYS, response_model=KeyListOut)
def key_list(station: CurrentStation, db: Database) -> JSONResponse:
    """Every station's card key and every revoked card: what a verifier needs offline.
    Which station (id and unit) holds each key only the county sees."""
    with db.read() as session:
        document = keys.key_list(session)
    if not Scope(station.org_code).everything:
        for key in document["keys"]:
            for name in REGISTER_FIELDS:
                key.pop(name, None)
    return JSONResponse(document)


@router.post(KEYS, response_model=KeyOut)
def register_key(body: KeyIn, station: CurrentStation, db: Database) -> JSONResponse:
    """Publish this station's public key (uncertified until the county certifies it);
    its label is the station's registered name, whatever the body says."""
    public_key = keys.parse_public_key(body.public_key)
    with db.write() as session:
        key = keys.register_key(session, station, public_key, utc_now())
        listed = keys.key_entry(key, station.name)
    return JSONResponse(listed)


@router.post(VERIFY_CARD, response_model=VerifyOut)
def verify(body: VerifyIn, _station: CurrentStation, db: Database) -> JSONResponse:
    """Verify a scanned card's QR text against the published keys."""
    with db.read() as session:
        return JSONResponse(keys.verify(session, body.qr_text.strip(), date.today()))


@router.get(COUNTY_POLICY, tags=["stations"])
def policy(_station: CurrentStation, db: Database) -> JSONResponse:
    """What the county set for every station: the public card page's address and the
    clue deadlines (only the parts it has set)."""
    with db.read() as session:
        return JSONResponse(county_policy.current(session).document())
