"""The 就业帮扶台账: who is in it, what each row says, masking, print setup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from broker_app.domain.common.enums import PriorityGroup
from broker_app.services.assistance.ledger import (
    KEY_HEADERS,
    LEDGER_GROUPS,
    LEDGER_HEADERS,
    LedgerExportService,
)
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.audit import AuditService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import valid_id
from tests.dispatch.builders import LANDLINE, TODAY, add_worker, data_rows, read_sheets


def people(store: Store) -> dict[str, str]:
    ids = {
        "poor": add_worker(
            store, 1, id_number=valid_id("19950101", "104"), poverty_alleviated="是", phone=LANDLINE,
            employment_status="已就业", employment_mode="有组织劳务输出", place_tier="省外",
            employer="江苏苏州精密电子有限公司", work_place="江苏苏州", job_start="2024-06-01",
            monthly_income="5200", skills="电子装配、焊工", willing_to_train="是",
        ),
        "monitored": add_worker(store, 2, id_number=valid_id("19950101", "021"), monitoring_type="突发严重困难户"),
        "plain": add_worker(store, 3, id_number=valid_id("19900101", "031")),
        "older": add_worker(store, 4, id_number=valid_id("19700501", "041"), notes="=1+1"),
        "both": add_worker(store, 5, id_number=valid_id("20000101", "051"), low_income="是", disabled="是"),
        # 65 on TODAY, 66 tomorrow: in; 66 today: out; 44 today: out; 45 today: in.
        "65": add_worker(store, 6, id_number=valid_id("19590321", "061")),
        "66": add_worker(store, 7, id_number=valid_id("19590320", "071")),
        "44": add_worker(store, 8, id_number=valid_id("19800321", "081")),
        "45": add_worker(store, 9, id_number=valid_id("19800320", "091")),
    }  # fmt: skip
    archived = add_worker(store, 10, id_number=valid_id("19950101", "101"), poverty_alleviated="是")
    WorkerService(store).archive(archived)
    assist = AssistanceService(store)
    assist.add_follow_up(
        ids["poor"], {"date": "2025-01-05", "kind": "走访", "content": "了解意愿"}, today=TODAY
    )
    assist.add_follow_up(
        ids["poor"],
        {"date": "2025-03-01", "kind": "电话回访", "content": "回访务工情况", "result": "稳定"},
        today=TODAY,
    )
    assist.add_training(
        ids["poor"], {"kind": "职业技能培训", "course": "焊工", "end_date": "2025-02-10"}
    )
    assist.add_training(
        ids["poor"], {"kind": "安全知识培训", "course": "安全知识培训", "end_date": "2024-11-01"}
    )
    assist.add_training(
        ids["older"], {"kind": "创业培训", "course": "电商创业", "start_date": "2025-01-02"}
    )
    return ids


def joined(out: Path) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The ledger's sheets put back together by 序号: one dict per person, and the
    合计 rows merged; checks that every sheet repeats the key columns."""
    sheets = read_sheets(out)
    assert list(sheets) == [name for name, _ in LEDGER_GROUPS]
    people: dict[object, dict[str, object]] = {}
    total: dict[str, object] = {}
    for (name, headers), rows in zip(LEDGER_GROUPS, sheets.values(), strict=True):
        assert rows[0][0] == f"就业帮扶台账（{name}）"
        header = rows[2]
        assert tuple(header) == (*KEY_HEADERS, *headers)
        for row in data_rows(rows):
            person = people.setdefault(row[0], dict(zip(KEY_HEADERS, row, strict=False)))
            assert tuple(row[:3]) == tuple(person[h] for h in KEY_HEADERS)  # same order
            person.update(zip(header, row, strict=True))
        total.update((h, v) for h, v in zip(header, rows[-1], strict=True) if v != "")
    assert all(tuple(p) and set(p) == set(LEDGER_HEADERS) for p in people.values())
    return list(people.values()), total


def test_ledger_rows(store: Store, tmp_path: Path) -> None:
    people(store)
    out = tmp_path / "台账.xlsx"
    result = LedgerExportService(store).export(out, full=True, today=TODAY)
    assert result.people == 6
    first = next(iter(read_sheets(out).values()))
    assert first[0][0] == "就业帮扶台账（基本信息）" and "共 6 人" in first[1][0]
    body, total = joined(out)
    assert sorted(row["年龄"] for row in body) == [25, 30, 30, 45, 54, 65]
    poor = next(row for row in body if row["人员类别"] == "脱贫户")
    assert poor["身份证号"] == valid_id("19950101", "104") and poor["身份证号"].endswith("X")
    assert poor["联系电话"] == LANDLINE
    assert (poor["就业状态"], poor["就业方式"], poor["务工地域"]) == (
        "已就业",
        "有组织劳务输出",
        "省外",
    )
    assert (poor["务工单位"], poor["务工地点"], poor["工种"]) == (
        "江苏苏州精密电子有限公司",
        "江苏苏州",
        "电子装配、焊工",
    )
    assert poor["务工开始日期"] == date(2024, 6, 1) and poor["月收入（元）"] == 5200
    assert poor["培训意愿"] == "是"
    assert (poor["跟踪服务次数"], poor["最后跟踪日期"]) == (2, date(2025, 3, 1))
    assert poor["最近一次服务"] == "电话回访：回访务工情况（稳定）"
    assert (poor["参加培训次数"], poor["最近一次培训"]) == (2, "焊工（职业技能培训）")
    assert poor["最近培训结束日期"] == date(2025, 2, 10)
    monitored = next(row for row in body if row["人员类别"] == "监测对象")
    assert monitored["监测对象类型"] == "突发严重困难户"
    assert (monitored["跟踪服务次数"], monitored["最后跟踪日期"], monitored["最近一次服务"]) == (
        0,
        "",
        "",
    )
    older = next(row for row in body if row["年龄"] == 54)
    assert older["人员类别"] == "大龄" and older["备注"] == "=1+1"  # text, not a formula
    assert (older["参加培训次数"], older["最近一次培训"]) == (1, "电商创业（创业培训）")
    assert older["最近培训结束日期"] == date(2025, 1, 2)  # no end date: the start date
    assert next(row for row in body if row["年龄"] == 25)["人员类别"] == "低收入、残疾"
    assert (total["序号"], total["姓名"]) == ("合计", "共 6 人")
    assert (total["跟踪服务次数"], total["参加培训次数"]) == (2, 3)


def test_ledger_groups_mask_and_print(store: Store, tmp_path: Path) -> None:
    people(store)
    out = tmp_path / "masked.xlsx"
    only = {PriorityGroup.POVERTY_ALLEVIATED, PriorityGroup.MONITORED}
    result = LedgerExportService(store).export(out, groups=only, today=TODAY)
    assert result.people == 2
    body, _ = joined(out)
    numbers = [str(row["身份证号"]) for row in body]
    assert numbers and all(n[:6] == "370883" and n[6:14] == "********" for n in numbers)
    assert "370883********104X" in numbers
    # Masked by default: the category folds into 重点帮扶, the type and phones are hidden.
    assert {row["人员类别"] for row in body} == {"重点帮扶"}
    assert {row["监测对象类型"] for row in body} == {"已隐藏"}
    assert all("****" in str(row["联系电话"]) for row in body if len(str(row["联系电话"])) > 7)
    (entry,) = AuditService(store).entries()
    assert (entry.subject, entry.target, entry.rows, entry.full) == (
        "就业帮扶台账",
        str(out),
        2,
        False,
    )
    assert entry.operator == "测试经纪人"
    for sheet in openpyxl.load_workbook(out).worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.print_title_rows == "$3:$3" and sheet.freeze_panes == "A4"
        assert "&P" in sheet.oddFooter.center.text
        formula_cells = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        assert formula_cells == []
        # Thin lines between the data cells on paper: the printed gridlines.
        assert sheet.print_options.gridLines
