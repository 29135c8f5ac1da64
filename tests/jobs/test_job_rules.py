"""clean_job: one validator for the editor, the import and the command line."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.rules import clean_job
from broker_app.domain.jobs.status import check_job_status
from broker_app.domain.jobs.welfare import exit_review_reasons, welfare_age_range
from tests.jobs.builders import TODAY, credit_code, job_input


def errors_by_field(raw: dict[str, object]) -> dict[str, str]:
    result = clean_job(raw, today=TODAY)
    return {e.field: e.message for e in result.errors}


def test_good_posting_gives_stored_values() -> None:
    result = clean_job(job_input(headcount="5人", contact_phone="0537 5212345"), today=TODAY)
    assert result.ok and not result.warnings
    values = result.values
    assert values["kind"] == "full_time"
    assert values["place_tier"] == "in_county"
    assert values["place_org_code"] == "370883107000"
    assert (values["wage_min"], values["wage_max"], values["wage_unit"]) == (4000, 6000, "month")
    assert (values["age_min"], values["age_max"]) == (18, 55)
    assert values["headcount"] == 5
    assert values["contact_phone"] == "0537-5212345"
    assert values["employer_credit_code"] == credit_code()


def test_required_fields_and_bad_values_are_reported_per_field() -> None:
    errors = errors_by_field(
        job_input(title="", employer_credit_code="91370883MA3C000010", headcount=0, age="14-20")
    )
    assert errors["title"] == "岗位名称不能为空"
    assert "校验码" in errors["employer_credit_code"]
    assert "招聘人数" in errors["headcount"]
    assert "16周岁" in errors["age_min"]


def test_confirmed_credit_code_skips_the_check_character() -> None:
    bad = "91350203M0001QKT19"  # genuine code with a wrong check character
    assert "employer_credit_code" in errors_by_field(job_input(employer_credit_code=bad))
    result = clean_job(job_input(employer_credit_code=bad, credit_code_confirmed=True), today=TODAY)
    assert result.ok


def test_place_outside_needs_a_tier_it_can_tell() -> None:
    raw = job_input(place_org_code="", place_text="江苏苏州工业园")
    assert clean_job(raw, today=TODAY).values["place_tier"] == "out_of_province"
    errors = errors_by_field(job_input(place_org_code="", place_text="某某工业园"))
    assert "务工地域" in errors["place_tier"]
    ok = clean_job(job_input(place_org_code="", place_text="某某工业园", place_tier="省外"))
    assert ok.ok and ok.values["place_tier"] == "out_of_province"


def test_place_code_must_be_in_the_county_and_agree_with_tier() -> None:
    errors = errors_by_field(job_input(place_org_code="370811000000"))
    assert "不在邹城市内" in errors["place_org_code"]
    errors = errors_by_field(job_input(place_tier="省外"))
    assert "务工地域" in errors["place_tier"]


def test_dates_in_order_and_past_deadline_only_warns() -> None:
    errors = errors_by_field(job_input(start_date="2025-07-01", end_date="2025-06-01"))
    assert errors["end_date"] == "结束日期早于开始日期"
    result = clean_job(job_input(deadline=date(2025, 5, 1)), today=TODAY)
    assert result.ok
    assert [w.reason for w in result.warnings] == ["deadline_passed"]


def test_partial_edit_checks_only_what_is_given_but_sees_the_whole() -> None:
    current = clean_job(job_input(kind="公益性岗位", age=""), today=TODAY).values
    result = clean_job({"age": "40-60周岁"}, today=TODAY, partial=True, current=current)
    assert result.ok
    assert set(result.values) == {"age_min", "age_max"}
    assert {w.field for w in result.warnings} == {"age_min", "age_max"}


def test_welfare_post_with_extra_limits_warns_but_saves() -> None:
    raw = job_input(kind="公益性岗位", age="40-60周岁", requirements="初中以上学历，无残疾")
    result = clean_job(raw, today=TODAY)
    assert result.ok
    reasons = sorted(w.reason for w in result.warnings)
    assert reasons == ["welfare_age", "welfare_age", "welfare_disability", "welfare_education"]
    messages = " ".join(w.message for w in result.warnings)
    assert "不得另设年龄限制" in messages and "45-65周岁" in messages


def test_same_limits_on_an_ordinary_posting_do_not_warn() -> None:
    raw = job_input(age="40-60周岁", requirements="初中以上学历，身体健康")
    assert clean_job(raw, today=TODAY).warnings == []


def test_welfare_age_range_never_narrower_than_the_rules() -> None:
    assert welfare_age_range(40, 60) == (16, 65)
    assert welfare_age_range(None, None) == (16, 65)
    assert welfare_age_range(18, 70) == (16, 70)


def test_exit_review_reasons() -> None:
    assert exit_review_reasons(None, 2000) == []
    assert exit_review_reasons(2000, 2000) == []
    (reason,) = exit_review_reasons(2600, 2000)
    assert "2600" in reason and "2000" in reason and "退出" in reason


def test_job_status_moves() -> None:
    assert check_job_status("open", JobStatus.CLOSED, 0, 3) is JobStatus.CLOSED
    assert check_job_status("open", JobStatus.FILLED, 3, 3) is JobStatus.FILLED
    assert check_job_status("closed", JobStatus.OPEN, 0, 3) is JobStatus.OPEN
    with pytest.raises(FieldError) as info:
        check_job_status("open", JobStatus.FILLED, 2, 3)
    assert info.value.message == "已录用和已上岗共2人，未达到招聘人数3人，不能标为已满员"
    with pytest.raises(FieldError):
        check_job_status("closed", JobStatus.FILLED, 5, 3)
    with pytest.raises(FieldError):
        check_job_status("open", JobStatus.OPEN, 0, 3)
