"""A realistic synthetic data set in the station's scope, so every page has content.

Everything is made up: names from common surnames and given-name characters, ID
numbers that pass GB 11643 (address codes of Zoucheng and neighbours), mobile numbers
from real prefixes. Seeded, so the same seed gives the same people.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    FollowUpKind,
    MonitoringType,
    PlaceTier,
    TrainingKind,
)
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import check_char
from broker_app.services.demo import DemoContext, DemoStep
from broker_app.services.demo.cards import add_demo_projects_and_cards
from broker_app.services.demo.dispatch import add_demo_batches
from broker_app.services.demo.jobs import add_demo_jobs_and_matches
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]

# Common surnames, weighted roughly by frequency; 孟 and 孔 are common around Zoucheng.
_SURNAMES = (
    "王" * 9
    + "李" * 8
    + "张" * 8
    + "刘" * 6
    + "陈" * 4
    + "杨" * 4
    + "赵" * 3
    + "孟" * 4
    + "孔" * 3
    + "周" * 2
    + "吴" * 2
    + "徐" * 2
    + "孙" * 3
    + "马" * 2
    + "朱" * 2
    + "胡"
    + "郭" * 2
    + "何"
    + "高" * 2
    + "林"
    + "颜" * 2
    + "曾"
    + "单"
    + "仇"
    + "宋" * 2
    + "韩"
    + "唐"
    + "冯"
    + "董"
    + "程"
    + "曹"
    + "袁"
    + "邓"
    + "许"
    + "傅"
    + "沈"
    + "彭"
    + "吕"
    + "苏"
    + "卢"
    + "蒋"
    + "蔡"
    + "贾"
    + "丁"
    + "魏"
    + "薛"
    + "叶"
    + "阎"
    + "解"
    + "乐"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志文海燕亮鹏飞云"
    "凤春梅德华庆林忠诚宝山广福贵荣莲翠花金银铁柱长顺庆丰东升卫兵振海晓光子涵宇轩"
)
_ADDRESS_CODES = ("370883",) * 18 + ("370881", "370811")  # Zoucheng; a few from neighbours
_MOBILE_PREFIXES = (
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "157",
    "158",
    "159",
    "182",
    "183",
    "187",
    "188",
    "130",
    "131",
    "132",
    "155",
    "156",
    "185",
    "186",
    "133",
    "153",
    "177",
    "180",
    "181",
    "189",
    "199",
    "176",
)
_SKILLS = (
    "焊工",
    "电工",
    "瓦工",
    "木工",
    "钢筋工",
    "架子工",
    "油漆工",
    "水暖工",
    "保洁员",
    "保安员",
    "厨师",
    "育婴员",
    "养老护理员",
    "快递员",
    "网约配送员",
    "叉车工",
    "普工",
    "缝纫工",
    "货车司机",
    "挖掘机司机",
    "农机操作",
    "电子装配",
    "家政服务员",
)
_BRANDS = ("梁山好焊", "鲁菜师傅", "山东手造", "汶上纺织")
_EMPLOYERS_IN = (
    "邹城市兖矿新型建材有限公司",
    "邹城市恒信纺织有限公司",
    "邹城市太平镇就业帮扶车间",
    "邹城市物流园区",
    "邹城市城区环卫所",
    "邹城市绿源农业合作社",
)
_EMPLOYERS_OUT = (
    "青岛海丰建筑工程有限公司",
    "济南鲁通物流有限公司",
    "江苏苏州精密电子有限公司",
    "浙江宁波服装有限公司",
    "北京城建劳务有限公司",
    "天津滨海建设工程有限公司",
)
_FOLLOW_UP_TOPICS = ("了解就业意愿", "推荐岗位", "宣讲稳岗补贴政策", "回访务工情况")
_STATUS_WEIGHTS = (
    (EmploymentStatus.EMPLOYED, 46),
    (EmploymentStatus.UNEMPLOYED, 18),
    (EmploymentStatus.FLEXIBLE, 14),
    (EmploymentStatus.FARMING, 14),
    (EmploymentStatus.SELF_EMPLOYED, 5),
    (EmploymentStatus.UNABLE, 3),
)


@dataclass(frozen=True)
class DemoSummary:
    workers: int
    follow_ups: int
    trainings: int
    #: What each extra step made, e.g. {"岗位": 40, "匹配": 120}.
    extra: dict[str, int] = field(default_factory=dict)


#: Further demo steps (job postings, matches, batches, projects and cards...), run in order.
EXTRA_STEPS: list[DemoStep] = []
EXTRA_STEPS.append(add_demo_projects_and_cards)
EXTRA_STEPS.append(add_demo_jobs_and_matches)
EXTRA_STEPS.append(add_demo_batches)  # after the matches it draws on


class DemoDataService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def generate(
        self,
        workers: int,
        seed: int = 1,
        progress: Progress | None = None,
        today: date | None = None,
    ) -> DemoSummary:
        """Add ``workers`` synthetic workers (with follow-ups and trainings) in one
        transaction, in the configured station's scope."""
        today = today or date.today()
        rng = random.Random(seed)
        report = progress or (lambda _f, _m: None)
        with self.store.write() as session:
            station = get_station(session)
            villages = _villages_in_scope(station.org_code)
            operator = station.operator_name or "经纪人"
            taken = worker_repo.all_id_numbers(session)
            writer = self.store.writer(session)
            people: list[dict[str, Any]] = []
            while len(people) < workers:
                person = _person(rng, villages, today)
                if person["id_number"] in taken:
                    continue
                taken.add(person["id_number"])
                people.append(person)
            report(0.1, "生成劳动力")
            chunk = 10_000
            ids: list[str] = []
            for start in range(0, len(people), chunk):
                ids += worker_repo.bulk_create(writer, people[start : start + chunk])
                report(0.1 + 0.7 * min(1.0, (start + chunk) / max(1, len(people))), "写入劳动力")
            follow_ups, trainings = _assistance_rows(rng, people, ids, operator, today)
            writer.bulk_create(FollowUp, follow_ups)
            writer.bulk_create(Training, trainings)
            context = DemoContext(
                rng,
                writer,
                today,
                station.org_code or "",
                operator,
                villages,
                people,
                ids,
                self.store.secrets,
            )
            extra: dict[str, int] = {}
            for step in EXTRA_STEPS:
                extra.update(step(context))
            report(1.0, "完成")
        log.info(
            "demo data: %d workers, %d follow-ups, %d trainings, %s",
            len(people), len(follow_ups), len(trainings), extra,
        )  # fmt: skip
        return DemoSummary(len(people), len(follow_ups), len(trainings), extra)


def _villages_in_scope(org_code: str | None) -> list[str]:
    directory = load_zoucheng()
    if org_code is None:
        raise LookupError("station not configured")
    return directory.village_codes_in_scope(org_code)


def _person(rng: random.Random, villages: list[str], today: date) -> dict[str, Any]:
    surname = rng.choice(_SURNAMES)
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    age_days = rng.randint(18 * 365, 64 * 365)
    birth = today - timedelta(days=age_days)
    male = rng.random() < 0.55
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{rng.choice(_ADDRESS_CODES)}{birth:%Y%m%d}{seq:03d}"
    status = rng.choices([s for s, _ in _STATUS_WEIGHTS], [w for _, w in _STATUS_WEIGHTS])[0]
    employed = status in (EmploymentStatus.EMPLOYED, EmploymentStatus.FLEXIBLE)
    tier = PlaceTier.NONE
    employer = work_place = ""
    mode = None
    if employed:
        tier = rng.choices(
            (
                PlaceTier.IN_COUNTY,
                PlaceTier.OUT_COUNTY_IN_PROVINCE,
                PlaceTier.OUT_OF_PROVINCE,
                PlaceTier.ABROAD,
            ),
            (45, 30, 23, 2),
        )[0]
        local = tier is PlaceTier.IN_COUNTY
        employer = rng.choice(_EMPLOYERS_IN if local else _EMPLOYERS_OUT)
        work_place = "邹城市" if local else employer[:2]
        mode = rng.choice(
            (EmploymentMode.ORGANISED_EXPORT, EmploymentMode.SELF_MIGRATION)
            if not local
            else (
                EmploymentMode.LOCAL_INDUSTRY,
                EmploymentMode.ASSISTANCE_WORKSHOP,
                EmploymentMode.PUBLIC_WELFARE_POST,
            )
        )
    poverty = rng.random() < 0.12
    skills = rng.sample(_SKILLS, rng.choice((0, 1, 1, 2)))
    return {
        "name": surname + given,
        "id_number": first17 + check_char(first17),
        "gender": "male" if male else "female",
        "birth_date": birth,
        "phone": rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}",
        "org_code": rng.choice(villages),
        "household_address": "",
        "education": rng.choices(list(Education), (3, 15, 45, 17, 12, 6, 2))[0].value,
        "skills": skills,
        "certificates": [f"{s}证" for s in skills if rng.random() < 0.4],
        "labor_brand": rng.choice(_BRANDS) if rng.random() < 0.08 else "",
        "poverty_alleviated": poverty,
        "monitoring_type": rng.choice(list(MonitoringType)).value if rng.random() < 0.03 else None,
        "low_income": rng.random() < 0.05,
        "disabled": rng.random() < 0.02,
        "employment_status": status.value,
        "employment_mode": mode.value if mode else None,
        "place_tier": tier.value,
        "employer": employer,
        "work_place": work_place,
        "job_start": today - timedelta(days=rng.randint(10, 900)) if employed else None,
        "job_end": None,
        "monthly_income": rng.randrange(2500, 9000, 100) if employed else None,
        "intended_work_types": rng.sample(_SKILLS, 1) if not employed else [],
        "intended_place_tier": rng.choice(list(PlaceTier)[:3]).value if not employed else None,
        "expected_wage": rng.randrange(3000, 8000, 500) if not employed else None,
        "willing_to_train": rng.random() < 0.4,
        "consent": True,
        "consent_date": today - timedelta(days=rng.randint(0, 700)),
        "notes": "",
    }


def _assistance_rows(
    rng: random.Random, people: list[dict[str, Any]], ids: list[str], operator: str, today: date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    follow_ups: list[dict[str, Any]] = []
    trainings: list[dict[str, Any]] = []
    for person, worker_id in zip(people, ids, strict=True):
        org = person["org_code"]
        if person["poverty_alleviated"] or person["monitoring_type"]:
            for _ in range(rng.randint(1, 3)):
                follow_ups.append(
                    {
                        "worker_id": worker_id,
                        "org_code": org,
                        "date": today - timedelta(days=rng.randint(0, 200)),
                        "kind": rng.choice(list(FollowUpKind)).value,
                        "content": rng.choice(_FOLLOW_UP_TOPICS),
                        "result": rng.choice(("已落实", "有意向，待跟进", "暂无需求")),
                        "operator": operator,
                    }
                )
        if rng.random() < 0.2:
            kind = rng.choice(list(TrainingKind))
            end = today - timedelta(days=rng.randint(0, 500))
            trainings.append(
                {
                    "worker_id": worker_id,
                    "org_code": org,
                    "kind": kind.value,
                    "course": f"{rng.choice(_SKILLS)}{kind.label}",
                    "provider": "邹城市职业培训学校",
                    "start_date": end - timedelta(days=10),
                    "end_date": end,
                    "hours": rng.choice((40, 60, 80)),
                    "certificate": "",
                    "passed": rng.random() < 0.9,
                }
            )
    return follow_ups, trainings
