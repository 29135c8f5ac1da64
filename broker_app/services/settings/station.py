"""Which org unit this station serves, and who operates it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_mobile
from broker_app.domain.org.units import OrgUnit, load_zoucheng, normalize_org_code
from broker_app.store.repositories import workers
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StationInfo:
    node_id: str
    org_code: str | None
    name: str
    operator_name: str
    operator_phone: str

    @property
    def configured(self) -> bool:
        return self.org_code is not None

    @property
    def org_unit(self) -> OrgUnit | None:
        return load_zoucheng().find(self.org_code) if self.org_code else None


class StationService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def info(self) -> StationInfo:
        with self.store.read() as session:
            row = get_station(session)
            return StationInfo(
                row.node_id, row.org_code, row.name, row.operator_name, row.operator_phone
            )

    def configure(
        self,
        org_code: str,
        name: str | None = None,
        operator_name: str | None = None,
        operator_phone: str | None = None,
    ) -> StationInfo:
        """Set the station's org unit (a Zoucheng village, township or the county)."""
        code, _unit = station_unit(org_code)
        phone = normalize_mobile(operator_phone) if operator_phone else None
        with self.store.write() as session:
            apply_station(session, code, name, operator_name, phone)
        return self.info()


def station_unit(org_code: str) -> tuple[str, OrgUnit]:
    """The normalized code and the division it names; FieldError unless it is one of
    Zoucheng's villages, townships or the county itself."""
    code = normalize_org_code(org_code)
    unit = load_zoucheng().find(code)
    if unit is None:
        raise FieldError(
            "org_code",
            f"“{org_code}”不是邹城市的村、镇街或市级代码",
            f"org_code {org_code!r} is not a Zoucheng division",
        )
    return code, unit


def apply_station(
    session: Transaction,
    org_code: str,
    name: str | None = None,
    operator_name: str | None = None,
    operator_phone: str | None = None,
) -> None:
    """Write checked values to the station row inside the caller's transaction
    (``None`` keeps a value; a blank name is made from the unit's name). Refuses to
    move a station that already holds workers to another unit."""
    code, unit = station_unit(org_code)
    row = get_station(session)
    if row.org_code and row.org_code != code and workers.any_exist(session):
        raise FieldError(
            "org_code",
            "本驿站已有数据，不能改为其他单位",
            f"station already holds data for {row.org_code}; refusing to move to {code}",
        )
    row.org_code = code
    row.name = name or row.name or f"{unit.short_name}就业服务驿站"
    if operator_name is not None:
        row.operator_name = operator_name.strip()
    if operator_phone is not None:
        row.operator_phone = operator_phone
    log.info("station configured for %s (%s)", code, unit.name)
