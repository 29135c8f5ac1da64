"""The columns of a dispatch list (劳务输出人员名单) and of the batch summary sheet.

The asked-for core is 序号, 姓名, 性别, 身份证号, 联系电话, 户籍乡镇, 户籍村,
是否脱贫人口（含监测对象）, 务工单位, 务工地点, 工种, 出发日期, 带队人, 备注. Added,
because the people who receive the list use them (shared data notes, section 3):

- 年龄 (on the departure day): employers check their age limits on arrival, and
  every 转移就业 table and 脱贫劳动力 subsidy 公示 found carries it.
- 文化程度: in the county HR system's 转移就业 tables and the 江苏 roster; employers
  sort people into posts by it.
- 务工地域 (县内 / 县外省内 / 省外 / 境外): the township's monitoring counts 外出务工
  by this tier, and transport subsidies depend on it; a list that mixes batches
  (the township compiling a month) needs it per row.

Left out: 紧急联系人 (not stored in the roster; the broker would have to collect a
second person's data without their consent), 民族 and 婚姻状况 (not stored, and no
receiver of a dispatch list was found to need them).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Final

from broker_app.domain.common.enums import Education, Gender, PlaceTier
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.privacy import Personal, shown
from broker_app.services.excel.specs import ColumnSpec

PRIORITY_HEADER: Final = "是否脱贫人口（含监测对象）"

MEMBER_COLUMNS: Final = (
    # Widths are limits (``excel.layout``): columns take their content's width up to
    # them, so that the whole list prints on A4 landscape with text of 9 pt or more.
    ColumnSpec("序号", width=5, kind="int"),
    ColumnSpec("姓名", width=9),
    ColumnSpec("性别", width=6),
    ColumnSpec("年龄", width=6, kind="int"),
    ColumnSpec("身份证号", kind="id_text"),
    ColumnSpec("联系电话", width=14, kind="id_text"),
    ColumnSpec("文化程度", width=8),
    ColumnSpec("户籍乡镇", width=10),
    ColumnSpec("户籍村", width=10),
    ColumnSpec(PRIORITY_HEADER, width=11),
    ColumnSpec("务工单位", width=26),
    ColumnSpec("务工地点", width=10),
    ColumnSpec("务工地域", width=8),
    ColumnSpec("工种", width=8),
    ColumnSpec("出发日期", kind="date"),
    ColumnSpec("带队人", width=8),
    ColumnSpec("备注", width=8),
)
MEMBER_HEADERS: Final = tuple(spec.header for spec in MEMBER_COLUMNS)

SUMMARY_COLUMNS: Final = (
    ColumnSpec("序号", width=6, kind="int"),
    ColumnSpec("批次", width=28),
    ColumnSpec("工作表", width=20),
    ColumnSpec("务工单位", width=26),
    ColumnSpec("项目", width=16),
    ColumnSpec("务工地点", width=16),
    ColumnSpec("务工地域", width=10),
    ColumnSpec("出发日期", kind="date"),
    ColumnSpec("状态", width=8),
    ColumnSpec("带队人", width=10),
    ColumnSpec("带队人电话", width=14, kind="id_text"),
    ColumnSpec("人数", width=8, kind="int", total=True),
    ColumnSpec("其中脱贫人口（含监测对象）", width=14, kind="int", total=True),
)
SUMMARY_HEADERS: Final = tuple(spec.header for spec in SUMMARY_COLUMNS)

_GENDERS: Final = {member.value: member.label for member in Gender}
_EDUCATION: Final = {member.value: member.label for member in Education}
_TIERS: Final = {member.value: member.label for member in PlaceTier}


def tier_label(value: str | None) -> str:
    return _TIERS.get(value or "", value or "")


class MemberCells:
    """Turns member column tuples (``store.repositories.dispatch.EXPORT_FIELDS``) into the cells
    of one dispatch list; the batch's own values are the same on every row.

    Unless ``full``, ID numbers and phones are masked and the 脱贫人口 column reads
    已隐藏 for everybody (``domain.people.privacy``); the count in the 合计 row stays."""

    def __init__(
        self,
        batch: Any,
        *,
        full: bool,
        on: date,
    ) -> None:
        self.full = full
        self.age_day = batch.departure_date or on
        # The project is in the list's title line: repeated on every row it would make
        # each row two or three lines tall on paper.
        self.employer = batch.employer
        self.destination = batch.destination
        self.tier = tier_label(batch.place_tier)
        self.departure = batch.departure_date
        self.leader = batch.leader_name
        self.rows = 0
        self.priority = 0

    def cells(self, row: tuple[Any, ...]) -> list[object]:
        (name, gender, birth, id_number, phone, education, org_code, poverty, monitoring,
         work_type, notes) = row  # fmt: skip
        self.rows += 1
        priority = bool(poverty) or monitoring is not None
        self.priority += priority
        township, village = household_place(org_code)
        age = age_on(birth, self.age_day) if birth and birth <= self.age_day else None
        return [
            self.rows,
            name,
            _GENDERS.get(gender, gender),
            age,
            shown(Personal.ID_NUMBER, id_number, full=self.full),
            shown(Personal.PHONE, phone, full=self.full),
            _EDUCATION.get(education, education or ""),
            township,
            village,
            ("是" if priority else "否") if self.full else shown(Personal.ASSISTANCE, None),
            self.employer,
            self.destination,
            self.tier,
            work_type,
            self.departure,
            self.leader,
            notes,
        ]


@lru_cache(maxsize=4096)
def household_place(code: str) -> tuple[str, str]:
    """(乡镇, 村) short names of a household village code; blanks if unknown."""
    directory = load_zoucheng()
    units = directory.path(code) if directory.find(code) else []
    township = next((u.short_name for u in units if u.level == "township"), "")
    village = next((u.short_name for u in units if u.level == "village"), "")
    return township, village
