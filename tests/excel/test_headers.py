"""Header detection on the kinds of rosters brokers actually receive."""

from __future__ import annotations

import pytest

from broker_app.services.excel import (
    ROSTER_HEADER_SYNONYMS,
    ROSTER_REQUIRED_FIELDS,
    Problem,
    WorkbookError,
    detect_header,
    normalize_header,
)
from broker_app.services.excel.values import CellValue

SYNONYMS = {
    "name": ["姓名"],
    "id_number": ["身份证号", "身份证号码", "公民身份号码", "身份证"],
    "phone": ["联系电话", "手机号", "手机号码", "电话"],
    "monthly_income": ["月收入", "外出务工月收入"],
    "employer": ["务工单位", "就业单位"],
    "work_place": ["务工地点"],
    "employment_status": ["就业状态", "就业情况"],
}
Rows = list[tuple[int, list[CellValue]]]


def numbered(*rows: list[CellValue]) -> Rows:
    return [(number, list(row)) for number, row in enumerate(rows, start=1)]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("  身份证号码\n", "身份证号码"),
        ("姓　名", "姓名"),  # spaced out with a full-width space, as forms do
        ("*姓名", "姓名"),
        ("＊姓名：", "姓名"),
        ("姓名:", "姓名"),
        ("月收入（元）", "月收入"),
        ("月收入(元)", "月收入"),
        ("合同始期(年-月-日)", "合同始期"),
        ("身份证号【必填】", "身份证号"),
        ("联系\n电话", "联系电话"),
        ("（元）", "(元)"),  # nothing but a hint: keep it rather than match everything
    ],
)
def test_normalize_header(written: str, expected: str) -> None:
    assert normalize_header(written) == expected


def test_header_below_title_rows_with_shuffled_and_extra_columns() -> None:
    rows = numbered(
        ["邹城市太平镇农村劳动力花名册", None, None, None, None, None],
        ["填报单位：太平镇人民政府", None, None, "填报日期：2024年5月", None, None],
        ["序号", "手机号码", "所在网格", "*姓名", "公民身份号码", "外出务工月收入（元）"],
        [1, "13912345678", "一网格", "张三", "37088319900101002X", 3500],
    )
    header = detect_header(rows, SYNONYMS, required=["name", "id_number"])
    assert header.row_number == 3
    assert header.columns == {"phone": 1, "name": 3, "id_number": 4, "monthly_income": 5}
    assert header.unknown == ["序号", "所在网格"]
    assert header.labels[5] == "外出务工月收入（元）"
    data = rows[3][1]
    assert header.value(data, "id_number") == "37088319900101002X"
    assert header.value(data, "employer") is None


def test_full_width_parentheses_and_spaces_in_headers() -> None:
    rows = numbered(["姓 名", "身份证号（18位）", "联系电话(本人)"])
    header = detect_header(rows, SYNONYMS)
    assert header.columns == {"name": 0, "id_number": 1, "phone": 2}


def test_missing_required_column_is_named_in_chinese() -> None:
    rows = numbered(["标题"], ["姓名", "电话", "务工单位"], ["张三", "139", "某公司"])
    with pytest.raises(WorkbookError) as caught:
        detect_header(rows, SYNONYMS, required=["name", "id_number"])
    error = caught.value
    assert error.problem is Problem.MISSING_COLUMNS
    # The first synonym is the name users see.
    assert "“身份证号”" in error.message
    assert "第 2 行" in error.message
    assert "姓名" not in error.message.split("：", 1)[1]


def test_no_header_at_all() -> None:
    rows = numbered(["张三", "37088319900101002X"], ["李四", "370883199001010021"])
    with pytest.raises(WorkbookError) as caught:
        detect_header(rows, SYNONYMS, required=["name"])
    assert caught.value.problem is Problem.NO_HEADER
    assert "姓名" in caught.value.message


def test_header_beyond_the_scan_window_is_not_found() -> None:
    notes: list[CellValue] = ["说明文字"]
    rows = numbered(*([notes] * 10), ["姓名", "身份证号"])
    with pytest.raises(WorkbookError):
        detect_header(rows, SYNONYMS, scan=10)
    assert detect_header(rows, SYNONYMS, scan=11).row_number == 11


def test_the_row_with_most_recognised_headers_wins() -> None:
    rows = numbered(
        ["姓名", None, None],  # a stray label in a title block
        ["姓名", "身份证号", "电话"],
    )
    assert detect_header(rows, SYNONYMS).row_number == 2


def test_two_level_header_with_merged_group_cell() -> None:
    # 姓名 and 身份证号 are merged over two rows; "就业情况" spans 务工单位/务工地点.
    rows = numbered(
        ["姓名", "身份证号", "就业情况", None],
        [None, None, "务工单位", "务工地点"],
        ["张三", "37088319900101002X", "某建筑公司", "济宁"],
    )
    header = detect_header(rows, SYNONYMS, required=["name"])
    assert header.row_number == 2
    assert header.columns == {"name": 0, "id_number": 1, "employer": 2, "work_place": 3}


def test_first_data_row_is_not_mistaken_for_a_second_header_row() -> None:
    rows = numbered(
        ["姓名", "身份证号", "就业情况"],
        ["张三", "37088319900101002X", "务工单位"],  # odd value, still data
    )
    header = detect_header(rows, SYNONYMS)
    assert header.row_number == 1
    assert header.columns["employment_status"] == 2


def test_duplicate_columns_prefer_the_earlier_synonym() -> None:
    rows = numbered(["手机号", "姓名", "联系电话"])
    header = detect_header(rows, SYNONYMS)
    assert header.columns["phone"] == 2
    assert header.duplicates == {"phone": [0]}


def test_conflicting_synonyms_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="both"):
        detect_header(numbered(["姓名"]), {"a": ["电话"], "b": ["电话（手机）"]})


def test_required_field_without_synonyms_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        detect_header(numbered(["姓名"]), SYNONYMS, required=["nickname"])


def test_official_template_headers_map_to_roster_fields() -> None:
    # Column names of the 广东 备案花名册 and a county system's 台帐 (domain notes §3).
    rows = numbered(
        [
            "序号",
            "身份证号码",
            "姓名",
            "民族",
            "文化程度",
            "现住地址",
            "联系电话",
            "合同始期(年-月-日)",
            "合同终期(年-月-日)",
            "月收入(元)",
            "工种(岗位)",
            "就业地点",
            "培训意愿",
        ]
    )
    header = detect_header(rows, ROSTER_HEADER_SYNONYMS, required=ROSTER_REQUIRED_FIELDS)
    assert header.columns == {
        "id_number": 1,
        "name": 2,
        "education": 4,
        "household_address": 5,
        "phone": 6,
        "job_start": 7,
        "job_end": 8,
        "monthly_income": 9,
        "skills": 10,
        "place_tier": 11,
        "willing_to_train": 12,
    }
    assert header.unknown == ["序号", "民族"]
