"""Hand-made cases where the right answer is known."""

from __future__ import annotations

from datetime import date

from broker_app.domain.matching import weights as w
from broker_app.domain.matching.engine import (
    evaluate,
    exclusion_reasons,
    rank_jobs,
    rank_workers,
)
from broker_app.domain.matching.worktypes import intended_kinds, trade_keys
from tests.conftest import OTHER_VILLAGE, VILLAGE
from tests.jobs.builders import TODAY, job_profile, profile


def ids(results: list) -> list[str]:
    return [r.record_id for r in results]


def test_synonyms_fold_to_one_trade() -> None:
    assert trade_keys(["电焊工"]) == {"焊工"}
    assert trade_keys(["高级氩弧焊工", "水电工"]) == {"焊工", "电工", "水暖工"}
    assert trade_keys(["叉车工"]) == {"叉车工"}  # not also 车工
    assert trade_keys(["钳工"]) == {"钳工"}  # unknown trades stand for themselves
    assert trade_keys(["零工"]) == frozenset()
    assert intended_kinds(["零工", "保洁"]) == {"gig"}


def test_poverty_welder_ranks_above_equal_welder() -> None:
    job = job_profile()
    plain = profile("a-plain")
    poor = profile("b-poor", poverty_alleviated=True)
    ranked = rank_workers(job, [plain, poor], TODAY)
    assert ids(ranked) == ["b-poor", "a-plain"]
    assert ranked[0].score - ranked[1].score == w.FIRST_PRIORITY
    assert "脱贫人口优先" in ranked[0].reasons
    assert "工种匹配：焊工" in ranked[0].reasons


def test_trade_outweighs_priority() -> None:
    job = job_profile()
    welder = profile("a", skills=["电焊工"])
    poor_cook = profile("b", skills=["厨师"], poverty_alleviated=True, low_income=True)
    assert ids(rank_workers(job, [poor_cook, welder], TODAY)) == ["a", "b"]


def test_worker_outside_age_range_never_appears() -> None:
    job = job_profile(age_min=18, age_max=55)
    old = profile("old", birth_date=date(1969, 6, 1))  # 56 on TODAY
    just = profile("just", birth_date=date(1969, 6, 2))  # 55 on TODAY
    young = profile("young", birth_date=date(2007, 6, 2))  # 17 on TODAY
    assert ids(rank_workers(job, [old, just, young], TODAY)) == ["just"]
    assert exclusion_reasons(job, old, TODAY) == ["年龄56周岁，不在岗位要求的18-55周岁内"]


def test_archived_employed_committed_and_unable_are_not_recommended() -> None:
    job = job_profile()
    workers = [
        profile("archived", archived=True),
        profile("employed", employment_status="employed"),
        profile("unable", employment_status="unable"),
        profile("self", employment_status="self_employed"),
        profile("committed", committed=True),
        profile("farming", employment_status="farming"),
        profile("flexible", employment_status="flexible"),
    ]
    assert sorted(ids(rank_workers(job, workers, TODAY))) == ["farming", "flexible"]
    assert rank_jobs(workers[1], [job], TODAY) == []
    assert "就业状态为“已就业”" in exclusion_reasons(job, workers[1], TODAY)


def test_welfare_post_only_for_eligible_groups() -> None:
    job = job_profile(kind="public_welfare", work_type="保洁员", title="村庄保洁员")
    ordinary = profile("ordinary")
    groups = {
        "poor": profile("poor", poverty_alleviated=True),
        "monitored": profile("monitored", monitored=True),
        "low": profile("low", low_income=True),
        "disabled": profile("disabled", disabled=True),
        "older": profile("older", birth_date=date(1975, 1, 1)),  # 50
    }
    ranked = rank_workers(job, [ordinary, *groups.values()], TODAY)
    assert sorted(ids(ranked)) == sorted(groups)
    assert "公益性岗位安置对象" in exclusion_reasons(job, ordinary, TODAY)[0]
    assert rank_jobs(ordinary, [job], TODAY) == []


def test_welfare_post_own_narrow_age_range_does_not_exclude() -> None:
    job = job_profile(kind="public_welfare", age_min=40, age_max=55)
    young_poor = profile("young", poverty_alleviated=True, birth_date=date(2000, 1, 1))
    older = profile("older", birth_date=date(1962, 1, 1))  # 63, 大龄
    too_old = profile("too-old", poverty_alleviated=True, birth_date=date(1955, 1, 1))  # 70
    assert sorted(ids(rank_workers(job, [young_poor, older, too_old], TODAY))) == [
        "older",
        "young",
    ]


def test_nearness_village_township_county_outside() -> None:
    village_job = job_profile(id="v", place_org_code=VILLAGE)
    same = profile("same")
    neighbour = profile("neighbour", org_code=OTHER_VILLAGE)
    elsewhere = profile("elsewhere", org_code="370883101200")
    ranked = rank_workers(village_job, [elsewhere, neighbour, same], TODAY)
    assert ids(ranked) == ["same", "neighbour", "elsewhere"]
    assert "就近：本村岗位" in ranked[0].reasons
    outside = job_profile(id="o", place_org_code=None, place_tier="out_of_province")
    scores = {r.record_id: r.score for r in rank_workers(outside, [same, elsewhere], TODAY)}
    assert scores["same"] == scores["elsewhere"]


def test_wage_wish_and_reasons() -> None:
    job = job_profile()
    fits = evaluate(job, profile(expected_wage=4000), TODAY)
    too_high = evaluate(job, profile(expected_wage=7000), TODAY)
    assert fits is not None and too_high is not None
    assert "期望月薪4000元在岗位薪资范围内" in fits.reasons
    assert fits.score - too_high.score == w.WAGE_FIT
    assert "期望月薪7000元高于岗位薪资上限约6000元" in too_high.reasons
    day_job = job_profile(wage_min=150, wage_max=150, wage_unit="day")
    day = evaluate(day_job, profile(expected_wage=3000), TODAY)
    assert day is not None and "岗位薪资高于期望月薪3000元（按月折算）" in day.reasons


def test_intentions_brand_and_kind() -> None:
    job = job_profile(kind="gig")
    keen = profile(
        "keen",
        skills=[],
        intended_work_types=["电焊", "零工"],
        intended_place_tier="in_county",
        labor_brand="梁山好焊",
    )
    result = evaluate(job, keen, TODAY)
    assert result is not None
    assert set(result.reasons) >= {
        "意向工种：焊工",
        "意向岗位类型：零工",
        "意向务工地域：县内",
        "劳务品牌：梁山好焊",
    }


def test_closed_or_expired_job_recommends_nobody() -> None:
    worker = profile()
    assert rank_workers(job_profile(status="closed"), [worker], TODAY) == []
    expired = job_profile(deadline=date(2025, 5, 31))
    assert rank_workers(expired, [worker], TODAY) == []
    assert rank_jobs(worker, [expired], TODAY) == []
    assert "截止" in exclusion_reasons(expired, worker, TODAY)[0]


def test_jobs_for_worker_ranked_and_limited() -> None:
    worker = profile(skills=["电工"], intended_work_types=["电工"])
    jobs = [
        job_profile(id="weld"),
        job_profile(id="elec", title="电工", work_type="维修电工"),
        job_profile(id="elec-far", title="电工", work_type="电工", place_org_code=None,
                    place_tier="out_of_province"),
    ]  # fmt: skip
    assert ids(rank_jobs(worker, jobs, TODAY)) == ["elec", "elec-far", "weld"]
    assert ids(rank_jobs(worker, jobs, TODAY, limit=1)) == ["elec"]
