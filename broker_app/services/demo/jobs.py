"""Demo data step: job postings (the station's own, every kind, 公益性岗位 among them)
and matches in every status, made by the real matching engine,
with the workers' employment records following their 已上岗 and 离岗 matches.

Everything is made up, like the rest of the demo data: the companies, their credit
codes (valid per GB 32100, randomly drawn) and the contacts.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from broker_app.domain.common.enums import JobKind, JobStatus, MatchStatus, PlaceTier
from broker_app.domain.jobs.rules import clean_job
from broker_app.domain.jobs.uscc import ALPHABET, uscc_check_char
from broker_app.domain.jobs.wage import monthly_equivalent
from broker_app.domain.jobs.welfare import DEFAULT_EXIT_THRESHOLD
from broker_app.domain.matching.engine import rank_workers
from broker_app.domain.matching.profiles import JobProfile, WorkerProfile, worker_profile
from broker_app.domain.matching.status import departure, placement
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.place import place_name
from broker_app.domain.org.units import load_zoucheng
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.repositories import workers as worker_repo

if TYPE_CHECKING:
    from broker_app.services.demo import DemoContext

# (title, work type, kind, employer, where, wage, age, headcount, requirements).
# ``where``: "village" / "township" (the station's), "county", or a place outside.
_TEMPLATES: tuple[tuple[str, str, JobKind, str, str, str, str, int, str], ...] = (
    ("电焊工", "电焊工", JobKind.FULL_TIME, "邹城市兖矿新型建材有限公司", "township",
     "5000-7000元/月", "18-55周岁", 5, "持焊工证优先"),
    ("缝纫工", "缝纫工", JobKind.ASSISTANCE_WORKSHOP, "邹城市恒信纺织有限公司", "village",
     "2500-4000元/月", "18-60周岁", 10, "可计件，就近上班"),
    ("村庄保洁员", "保洁员", JobKind.PUBLIC_WELFARE, "{committee}", "village",
     "800元/月", "", 3, "负责村内道路保洁"),
    ("生态护林员", "护林员", JobKind.PUBLIC_WELFARE, "邹城市自然资源局", "township",
     "1000元/月", "16-65周岁", 4, "巡护责任片区林地"),
    ("道路养护工", "道路养护", JobKind.WORK_FOR_RELIEF, "{township}农村道路提升工程项目部",
     "township", "150元/天", "18-65周岁", 20, "以工代赈，按日结算"),
    ("果蔬采摘工", "采摘工", JobKind.SEASONAL, "邹城市绿源农业合作社", "village",
     "120元/天", "18-65周岁", 15, "采摘季约两个月"),
    ("装卸工", "装卸工", JobKind.GIG, "邹城市物流园区", "邹城市物流园区",
     "200元/天", "18-50周岁", 6, "日结"),
    ("养老护理员", "养老护理员", JobKind.FULL_TIME, "邹城市颐和养老服务中心", "county",
     "3500-4500元/月", "18-58周岁", 8, "有护理经验优先，可培训上岗"),
    ("叉车司机", "叉车工", JobKind.FULL_TIME, "济南鲁通物流有限公司", "济南市",
     "5500-7000元/月", "20-50周岁", 4, "持叉车证"),
    ("电子装配工", "电子装配", JobKind.FULL_TIME, "江苏苏州精密电子有限公司", "江苏苏州",
     "5000-6500元/月", "18-45周岁", 30, "包吃住，有组织输出"),
    ("钢筋工", "钢筋工", JobKind.FULL_TIME, "青岛海丰建筑工程有限公司", "青岛市",
     "300元/天", "20-55周岁", 12, "工地住宿"),
    ("厨师", "厨师", JobKind.FULL_TIME, "北京城建劳务有限公司", "北京市",
     "6000-8000元/月", "25-55周岁", 2, "鲁菜师傅优先"),
    ("公益性岗位保洁", "保洁员", JobKind.PUBLIC_WELFARE, "邹城市城区环卫所", "county",
     "1200元/月", "40-60周岁", 6, "身体健康"),
    ("家政服务员", "家政服务员", JobKind.FULL_TIME, "邹城市好帮手家政服务有限公司", "county",
     "4000-5000元/月", "25-55周岁", 5, ""),
    ("瓦工", "瓦工", JobKind.GIG, "邹城市安泰建筑劳务有限公司", "township",
     "260元/天", "20-60周岁", 8, ""),
    ("普工", "普工", JobKind.FULL_TIME, "邹城市太平镇就业帮扶车间", "township",
     "3000-4000元/月", "18-55周岁", 12, ""),
)  # fmt: skip
# Which templates a county station publishes as the county (the rest, and every
# template at a village or township station, are the station's own).
_COUNTY_PUBLISHED = frozenset({"生态护林员", "公益性岗位保洁", "叉车司机", "电子装配工", "厨师"})
_CHAIN = (
    MatchStatus.RECOMMENDED,
    MatchStatus.CONTACTED,
    MatchStatus.INTERVIEW,
    MatchStatus.HIRED,
    MatchStatus.ON_DUTY,
    MatchStatus.LEFT,
)
_CONTACTS = ("王经理", "李主任", "孟会计", "张师傅", "孔科长", "刘女士")
_SAMPLE = 20_000
#: The statuses the demo spreads over each posting's matches, in order.
_STATUS_CYCLE = (
    MatchStatus.ON_DUTY,
    MatchStatus.RECOMMENDED,
    MatchStatus.CONTACTED,
    MatchStatus.INTERVIEW,
    MatchStatus.HIRED,
    MatchStatus.REJECTED,
    MatchStatus.LEFT,
)


def add_demo_jobs_and_matches(ctx: DemoContext) -> dict[str, int]:
    """About one posting per 25 workers (at least one of each template), and a few
    matches on most postings, covering every match status."""
    rng = ctx.rng
    count = min(max(len(_TEMPLATES), len(ctx.people) // 25), 400)
    jobs = [_posting(ctx, _TEMPLATES[n % len(_TEMPLATES)]) for n in range(count)]
    session = ctx.writer.session
    records = [ctx.writer.create(JobPosting, values) for values in jobs]
    session.flush()
    closed = records[-1]
    ctx.writer.update(closed, {"status": JobStatus.CLOSED.value})
    profiles = _profiles(ctx)
    used: set[str] = set()
    matches = 0
    cycle = 0
    flagged = False
    for job in records[:-1]:
        pool = [p for p in profiles if p.id not in used]
        ranked = rank_workers(_job_profile(job), pool, ctx.today, limit=rng.randint(2, 5))
        # A small posting gets its places taken, so the demo shows 已满员 too.
        targets = [MatchStatus.ON_DUTY, MatchStatus.HIRED] if job.headcount <= 2 else []
        committed = 0
        for n, rec in enumerate(ranked):
            if n < len(targets):
                target = targets[n]
            else:
                target = _STATUS_CYCLE[cycle % len(_STATUS_CYCLE)]
                cycle += 1
            used.add(rec.record_id)
            # One 公益性岗位 holder also earns from flexible work: the exit review finds them.
            over_line = (
                not flagged and target is MatchStatus.ON_DUTY and job.kind == JobKind.PUBLIC_WELFARE
            )
            flagged = flagged or over_line
            income = DEFAULT_EXIT_THRESHOLD + 600 if over_line else None
            _add_match(ctx, job, rec.record_id, rec.score, list(rec.reasons), target, income)
            committed += target in (MatchStatus.HIRED, MatchStatus.ON_DUTY)
            matches += 1
        if committed >= job.headcount:
            ctx.writer.update(job, {"status": JobStatus.FILLED.value})
    return {"岗位": len(records), "匹配": matches}


def _posting(ctx: DemoContext, template: Any) -> dict[str, Any]:
    rng = ctx.rng
    title, trade, kind, employer, where, wage, age, headcount, needs = template
    village = rng.choice(ctx.villages)
    township = village[:9] + "000"
    names = {"committee": load_zoucheng().get(village).name, "township": place_name(township)}
    raw: dict[str, Any] = {
        "title": title,
        "work_type": trade,
        "kind": kind.value,
        "employer_name": employer.format(**names),
        "employer_credit_code": "" if employer == "{committee}" else _credit_code(rng),
        "headcount": headcount,
        "wage": wage,
        "age": age,
        "requirements": needs,
        "contact_name": rng.choice(_CONTACTS),
        "contact_phone": f"13{rng.randint(5, 9)}{rng.randrange(10**8):08d}",
        "deadline": ctx.today + timedelta(days=rng.randint(10, 90)),
        "start_date": ctx.today + timedelta(days=rng.randint(0, 20)),
    }
    if where == "village":
        raw.update(place_org_code=village, place_text="")
    elif where == "township":
        raw.update(place_org_code=township, place_text="")
    elif where == "county":
        raw.update(place_tier=PlaceTier.IN_COUNTY.value, place_text="邹城市城区")
    else:
        raw.update(place_text=where)
    cleaned = clean_job(raw, today=ctx.today)
    assert cleaned.ok, cleaned.errors
    # A station publishes only in its own name: a village's demo postings that claimed
    # to be the county's would be refused by the channel server at the first sync.
    county = ctx.station_org == COUNTY_CODE and title in _COUNTY_PUBLISHED
    org = COUNTY_CODE if county else ctx.station_org
    return {**cleaned.values, "org_code": org, "status": JobStatus.OPEN.value}


def _credit_code(rng: random.Random) -> str:
    # 9 = registered by the market regulator, 1 = company, then Zoucheng's code.
    body = "91370883" + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def _profiles(ctx: DemoContext) -> list[WorkerProfile]:
    pairs = list(zip(ctx.people, ctx.worker_ids, strict=True))
    if len(pairs) > _SAMPLE:
        pairs = ctx.rng.sample(pairs, _SAMPLE)
    return [
        worker_profile(
            id=worker_id,
            birth_date=person["birth_date"],
            org_code=person["org_code"],
            employment_status=person["employment_status"],
            skills=person["skills"],
            intended_work_types=person["intended_work_types"],
            intended_place_tier=person["intended_place_tier"],
            expected_wage=person["expected_wage"],
            labor_brand=person["labor_brand"],
            poverty_alleviated=person["poverty_alleviated"],
            monitored=person["monitoring_type"] is not None,
            low_income=person["low_income"],
            disabled=person["disabled"],
        )
        for person, worker_id in pairs
    ]


def _job_profile(job: JobPosting) -> JobProfile:
    return JobProfile(
        job.id, job.title, job.kind, job.work_type, job.place_org_code, job.place_tier,
        job.wage_min, job.wage_max, job.wage_unit, job.age_min, job.age_max,
        job.requirements, job.status, job.deadline, job.archived,
    )  # fmt: skip


def _path(target: MatchStatus, gig: bool) -> Sequence[MatchStatus]:
    """The steps a match took to reach ``target``; a 零工 skips the interview."""
    if target is MatchStatus.REJECTED:
        return [MatchStatus.RECOMMENDED, MatchStatus.CONTACTED, MatchStatus.REJECTED]
    full = [status for status in _CHAIN if not (gig and status is MatchStatus.INTERVIEW)]
    if target not in full:
        full = list(_CHAIN)
    return full[: full.index(target) + 1]


def _add_match(
    ctx: DemoContext,
    job: JobPosting,
    worker_id: str,
    score: int,
    reasons: list[str],
    target: MatchStatus,
    income: int | None,
) -> None:
    rng = ctx.rng
    steps = _path(target, job.kind == JobKind.GIG.value)
    day = ctx.today - timedelta(days=rng.randint(25, 120))
    history = []
    dates: dict[MatchStatus, date] = {}
    for step in steps:
        day = min(day + timedelta(days=rng.randint(1, 6)), ctx.today)
        dates[step] = day
        history.append({"status": step.value, "date": day.isoformat(), "note": ""})
    worker = worker_repo.get(ctx.writer.session, worker_id)
    assert worker is not None
    ctx.writer.create(
        Match,
        {
            "worker_id": worker_id,
            "job_id": job.id,
            "org_code": worker.org_code,
            "score": float(score),
            "reasons": reasons,
            "status": target.value,
            "history": history,
            "notes": "",
        },
    )
    if MatchStatus.ON_DUTY not in dates:
        return
    values = {"kind": job.kind, "place_tier": job.place_tier, "employer_name": job.employer_name}
    where = job.place_text or (place_name(job.place_org_code) if job.place_org_code else "")
    changes = {**placement(values, where, dates[MatchStatus.ON_DUTY])}
    changes["monthly_income"] = income or _income(rng, job)
    if MatchStatus.LEFT in dates:
        changes.update(departure(dates[MatchStatus.LEFT]))
    worker_repo.update(ctx.writer, worker, changes)


def _income(rng: random.Random, job: JobPosting) -> int:
    if job.kind == JobKind.PUBLIC_WELFARE.value:
        return rng.choice((800, 1000, 1200))
    low = monthly_equivalent(job.wage_min, job.wage_unit) or 3000
    return low // 100 * 100
