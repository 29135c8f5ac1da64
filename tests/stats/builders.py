"""A small township counted by hand for the 统计 tests: eleven workers in two
villages, four matches, three batches, follow-ups and trainings, as of TODAY.

What each figure should be is written next to the data in ``township``'s
docstring and asserted in the tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from broker_app.domain.dispatch.query import MemberPick
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.store import Store
from tests.conftest import valid_id

TODAY = date(2025, 3, 20)
TOWNSHIP = "370883107000"
A1, A2 = "370883107200", "370883107201"  # 太平镇 庄里村 and 中陶城村


def add_worker(store: Store, n: int, **fields: Any) -> str:
    values: dict[str, Any] = {
        "name": f"测试{'甲乙丙丁戊己庚辛壬癸子丑'[n]}",
        "id_number": valid_id("19950101", f"{100 + n:03d}"),
        "phone": f"138{n:08d}",
        "org_code": A1,
        "employment_status": "未就业",
    }
    values.update(fields)
    return WorkerService(store).register(values, today=TODAY).record_ids[0]


def township(store: Store) -> dict[str, str]:
    """The hand-counted township; returns the ids by name (w1..w11, m1..m4, p, q, r).

    Workers (A1 / A2 are the villages; * priority):
      w1  A1 已就业 县内 脱贫*          follow-up 2024-12-01 (109 days)
      w2  A1 未就业 监测对象*           follow-up 2025-02-01
      w3  A1 灵活就业 省外 born 1975 (大龄*)   no follow-up
      w4  A2 务农 低收入*                follow-up 2024-12-20 (exactly 90 days)
      w5  A2 自主创业 (no tier) 残疾*    follow-up 2024-12-19 (91 days)
      w6  A2 未就业 脱贫*, job ended 2025-03-10 at 甲公司   no follow-up
      w7  A1 无劳动能力 脱贫*
      w8  A1 未就业 (no group)
      w9  A1 未就业 脱贫*, archived
      w10 A2 已就业 县外省内 脱贫*, job ended 2025-01-01   follow-up 2025-03-01
      w11 A1 未就业 born 1959-04-01 (65 until 31 March: 大龄*)
    Status: 未就业 4 (w2 w6 w8 w11), 已就业 2, 灵活 1, 自主创业 1, 务农 1, 无劳动能力 1.
    Tiers of the employed (w1 w3 w5 w10): 县内 1, 县外省内 1, 省外 1, none 1.
    脱贫人口（含监测对象）: w1 w2 w6 w7 w10 = 5, employed w1 w10 = 2;
      A1: w1 w2 w7 = 3 (1 employed), A2: w6 w10 = 2 (1 employed).
    Batches: P departed 2025-03-10 with w1 w3 w8 (1 priority); Q departed
      2025-01-15 with w4; R still 筹备 with w5.
    Matches (history dates): m1 推荐 2025-01-05, 已联系 01-10, 录用 02-01,
      已上岗 02-03; m2 推荐 2025-02-10, 未录用 03-01; m3 推荐 2024-03-15 (before
      the 12 months), 已联系 2024-04-02; m4 archived, 推荐 2025-03-01.
    Trainings: w1 创业 ended 2025-02-01; w2 安全知识 2025-03-05; w3 职业技能 started
      2025-01-10 (no end); w4 农业经营 ended 2024-12-20; w6 其他 2025-03-01; w9
      (archived) 创业 2025-03-01.
    """
    StationService(store).configure(TOWNSHIP)
    ids = {
        "w1": add_worker(store, 1, employment_status="已就业", place_tier="县内",
                         employer="乙公司", poverty_alleviated="是"),
        "w2": add_worker(store, 2, monitoring_type="边缘易致贫户"),
        "w3": add_worker(store, 3, employment_status="灵活就业", place_tier="省外",
                         id_number=valid_id("19750101", "103")),
        "w4": add_worker(store, 4, org_code=A2, employment_status="务农", low_income="是"),
        "w5": add_worker(store, 5, org_code=A2, employment_status="自主创业", disabled="是"),
        "w6": add_worker(store, 6, org_code=A2, poverty_alleviated="是", employer="甲公司",
                         job_start="2024-06-01", job_end="2025-03-10"),
        "w7": add_worker(store, 7, employment_status="无劳动能力", poverty_alleviated="是"),
        "w8": add_worker(store, 8),
        "w9": add_worker(store, 9, poverty_alleviated="是"),
        "w10": add_worker(store, 10, org_code=A2, employment_status="已就业",
                          place_tier="县外省内", employer="丙公司", poverty_alleviated="是",
                          job_start="2024-01-01", job_end="2025-01-01"),
        "w11": add_worker(store, 11, id_number=valid_id("19590401", "111")),
    }  # fmt: skip
    assist = AssistanceService(store)
    for key, day in (
        ("w1", "2024-12-01"),
        ("w2", "2025-02-01"),
        ("w4", "2024-12-20"),
        ("w5", "2024-12-19"),
        ("w10", "2025-03-01"),
    ):
        assist.add_follow_up(ids[key], {"date": day, "content": "回访"}, today=TODAY)
    for key, kind, start, end in (
        ("w1", "创业培训", "2025-01-20", "2025-02-01"),
        ("w2", "安全知识培训", "2025-03-01", "2025-03-05"),
        ("w3", "职业技能培训", "2025-01-10", None),
        ("w4", "农业经营培训", "2024-12-01", "2024-12-20"),
        ("w6", "其他培训", "2025-02-20", "2025-03-01"),
        ("w9", "创业培训", "2025-02-20", "2025-03-01"),
    ):
        assist.add_training(
            ids[key], {"kind": kind, "course": "课程", "start_date": start, "end_date": end}
        )
    WorkerService(store).archive(ids["w9"])

    dispatch = DispatchService(store)
    for name, employer, members, departed in (
        ("p", "乙公司", ("w1", "w3", "w8"), date(2025, 3, 10)),
        ("q", "丁公司", ("w4",), date(2025, 1, 15)),
        ("r", "戊公司", ("w5",), None),
    ):
        batch = dispatch.create_batch(
            {"employer": employer, "destination": "江苏苏州", "departure_date": "2025-03-25"}
        ).record_ids[0]
        DispatchMemberService(store).add_members(batch, [MemberPick(ids[m]) for m in members])
        if departed is not None:
            dispatch.change_status(batch, "已出发", departed, today=TODAY)
        ids[name] = batch

    histories = {
        "m1": [("recommended", "2025-01-05"), ("contacted", "2025-01-10"),
               ("hired", "2025-02-01"), ("on_duty", "2025-02-03")],
        "m2": [("recommended", "2025-02-10"), ("rejected", "2025-03-01")],
        "m3": [("recommended", "2024-03-15"), ("contacted", "2024-04-02")],
        "m4": [("recommended", "2025-03-01")],
    }  # fmt: skip
    with store.write() as session:
        writer = store.writer(session)
        job = writer.create(
            JobPosting,
            {
                "title": "电子装配工", "employer_name": "乙公司", "kind": "full_time",
                "work_type": "电子装配", "place_org_code": None, "place_tier": "out_of_province",
                "place_text": "江苏苏州", "headcount": 10, "status": "open", "org_code": A1,
            },
        )  # fmt: skip
        for n, (key, steps) in enumerate(histories.items()):
            match = writer.create(
                Match,
                {
                    "worker_id": ids[f"w{n + 1}"],
                    "job_id": job.id,
                    "org_code": A1,
                    "score": 80.0,
                    "reasons": [],
                    "status": steps[-1][0],
                    "history": [{"status": s, "date": d, "note": ""} for s, d in steps],
                    "notes": "",
                },
            )
            ids[key] = match.id
            if key == "m4":
                session.flush()
                writer.archive(match)
    return ids
