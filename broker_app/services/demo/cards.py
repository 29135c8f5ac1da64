"""Demo data step: construction projects in the county and rights cards for the
construction workers among the demo people (a demo-data EXTRA_STEP).

Everything is made up, like the rest of the demo data: the companies, the people
and the local phone numbers (0537 landlines from a range chosen at random).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from broker_app.domain.projects.rules import clean_project
from broker_app.services.cards.issuing import issue_cards
from broker_app.store.models.card import Project

if TYPE_CHECKING:
    from broker_app.services.demo import DemoContext

#: Trades that work on building sites: these workers get cards.
CONSTRUCTION_SKILLS = frozenset(
    ("焊工", "电工", "瓦工", "木工", "钢筋工", "架子工", "油漆工", "水暖工", "挖掘机司机")
)
# (project, general contractor, labor subcontractor or team, address)
_PROJECTS = (
    (
        "邹城市中心店镇棚户区改造安置房项目",
        "山东邹城建工集团有限公司",
        "邹城市宏达建筑劳务有限公司",
        "中心店镇政府驻地西500米",
    ),
    (
        "邹城市第二实验小学教学楼新建工程",
        "济宁市城建工程有限公司",
        "邹城市鲁班建筑劳务有限公司 钢筋班组",
        "邹城市千泉街道平阳路",
    ),
    (
        "唐村镇农村道路提升改造工程",
        "山东华邦路桥工程有限公司",
        "唐村镇路桥施工队",
        "唐村镇各行政村",
    ),
    (
        "孟子湖新区污水处理厂扩建工程",
        "山东远成市政工程有限公司",
        "邹城市安泰建筑劳务有限公司",
        "孟子湖新区",
    ),
)
_OFFICERS = ("王建军", "李红梅", "孟凡刚", "孔祥东")


def add_demo_projects_and_cards(ctx: DemoContext) -> dict[str, int]:
    """Four projects, and a card on one of them for most construction workers."""
    rng = ctx.rng
    hrss_phone = f"0537-5{rng.randrange(10**6):06d}"
    housing_phone = f"0537-5{rng.randrange(10**6):06d}"
    project_ids: list[str] = []
    for n, (name, contractor, team, address) in enumerate(_PROJECTS):
        start = ctx.today - timedelta(days=rng.randint(30, 300))
        cleaned = clean_project(
            {
                "name": name,
                "address": address,
                "general_contractor": contractor,
                "subcontractor": team,
                "labor_officer_name": _OFFICERS[n],
                "labor_officer_phone": f"139{rng.randrange(10**8):08d}",
                "manager_phone": f"138{rng.randrange(10**8):08d}",
                "complaint_phone_hrss": hrss_phone,
                "complaint_phone_housing": housing_phone,
                "min_wage": 2200,
                "pay_day": rng.choice((10, 15, 20, 25)),
                "start_date": start,
                "end_date": ctx.today + timedelta(days=rng.randint(120, 600)),
            }
        )
        assert cleaned.ok, cleaned.errors
        project = ctx.writer.create(Project, {**cleaned.values, "org_code": ctx.station_org})
        project_ids.append(project.id)
    ctx.writer.session.flush()
    builders = [
        worker_id
        for person, worker_id in zip(ctx.people, ctx.worker_ids, strict=True)
        if CONSTRUCTION_SKILLS.intersection(person["skills"]) and rng.random() < 0.8
    ]
    by_project: dict[str, list[str]] = {project_id: [] for project_id in project_ids}
    for worker_id in builders:
        by_project[rng.choice(project_ids)].append(worker_id)
    cards = 0
    for project_id, workers in by_project.items():
        report = issue_cards(ctx.writer, project_id, workers, secrets=ctx.secrets, today=ctx.today)
        cards += len(report.issued)
    return {"工程项目": len(project_ids), "维权卡": cards}
