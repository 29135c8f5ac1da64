"""An exported roster must import again unchanged through the same header names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from broker_app.services.excel import (
    ROSTER_EXPORT_COLUMNS,
    ROSTER_HEADER_SYNONYMS,
    ROSTER_REQUIRED_FIELDS,
    XlsxWriter,
    detect_header,
    iter_rows,
    normalize_header,
    roster_export_specs,
)

WORKER_FIELDS = {
    "name",
    "id_number",
    "phone",
    "gender",
    "township",
    "village",
    "household_address",
    "education",
    "skills",
    "certificates",
    "labor_brand",
    "employment_status",
    "place_tier",
    "employer",
    "work_place",
    "job_start",
    "job_end",
    "monthly_income",
    "poverty_alleviated",
    "monitoring_type",
    "low_income",
    "disabled",
    "intended_work_types",
    "intended_place_tier",
    "expected_wage",
    "willing_to_train",
    "notes",
}


def test_every_worker_field_has_synonyms_and_an_export_column() -> None:
    assert set(ROSTER_HEADER_SYNONYMS) == WORKER_FIELDS
    assert [field for field, _ in ROSTER_EXPORT_COLUMNS] == list(dict(ROSTER_EXPORT_COLUMNS))
    assert {field for field, _ in ROSTER_EXPORT_COLUMNS} == WORKER_FIELDS


def test_no_header_name_is_claimed_by_two_fields() -> None:
    owners: dict[str, str] = {}
    for field, names in ROSTER_HEADER_SYNONYMS.items():
        for name in names:
            key = normalize_header(name)
            assert owners.setdefault(key, field) == field, f"{name} claimed twice"


def test_exported_roster_imports_back(tmp_path: Path) -> None:
    values = {
        "name": "张三",
        "gender": "男",
        "id_number": "37088319900101002X",
        "phone": "013912345678",
        "township": "太平镇",
        "village": "东村",
        "household_address": "邹城市太平镇东村 12 号",
        "education": "初中",
        "skills": "电焊工、瓦工",
        "certificates": "焊工证",
        "labor_brand": "邹城建工",
        "employment_status": "已就业",
        "place_tier": "县外省内",
        "employer": "济宁某建筑有限公司",
        "work_place": "济宁市任城区",
        "job_start": date(2024, 3, 1),
        "job_end": date(2024, 12, 31),
        "monthly_income": 4500,
        "poverty_alleviated": "是",
        "monitoring_type": "边缘易致贫户",
        "low_income": "否",
        "disabled": "否",
        "intended_work_types": "电焊",
        "intended_place_tier": "省外",
        "expected_wage": 6000,
        "willing_to_train": "愿意",
        "notes": "=已回访",
    }
    path = tmp_path / "花名册.xlsx"
    with XlsxWriter(path) as book:
        sheet = book.add_sheet(
            "花名册",
            roster_export_specs(),
            title_rows=["邹城市农村劳动力花名册", "导出日期：2024-05-01"],
        )
        sheet.append([values[field] for field, _ in ROSTER_EXPORT_COLUMNS])

    rows = list(iter_rows(path))
    header = detect_header(rows, ROSTER_HEADER_SYNONYMS, required=ROSTER_REQUIRED_FIELDS)
    assert header.row_number == 3
    assert header.unknown == []
    assert header.columns == {field: i for i, (field, _) in enumerate(ROSTER_EXPORT_COLUMNS)}
    (_, data) = rows[-1]
    read_back = {field: header.value(data, field) for field in values}
    # Numbers come back as floats, the way every imported number does.
    assert read_back == {**values, "monthly_income": 4500.0, "expected_wage": 6000.0}
