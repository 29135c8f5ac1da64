"""公益性岗位 rules of mission measure 5.

The posts place 脱贫享受政策人口（含防止返贫监测帮扶对象）, 农村低收入人口, 农村残疾人 and
农村大龄人员（45-65周岁）, and "不得在现有规定外另行设置年龄、学历、残疾等不必要限制条件".
A holder whose 灵活就业 income goes beyond the local 防止返贫监测 line "应退出岗位".

- Who may hold one is ``priority.PUBLIC_WELFARE_ELIGIBLE``; the matching engine
  enforces it.
- The age range the rules allow is 16 (Labour Law art. 15: no one under 16 may be
  hired) to 65 (the top of measure 5's 大龄 bracket). A posting may go wider, never
  narrower: the engine widens a narrower range, and the validator warns here.
- Education and disability limits cannot be enforced or checked by the engine (it
  never filters on them); requirements text that sets them draws a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from broker_app.domain.common.enums import JobKind
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE

WELFARE_AGE_MIN: Final = 16
WELFARE_AGE_MAX: Final = OLDER_MAX_AGE

#: Setting key and default of the monthly income above which a holder is reviewed
#: for exit. The rule's line is the year's 防止返贫监测范围, a per-capita household
#: figure the roster does not hold; the county sets the monthly figure it applies.
#: 2000 元/月 is a deliberately round default in the range of Shandong's monthly
#: minimum wage: a holder who earns that much has a real market income.
EXIT_THRESHOLD_SETTING: Final = "welfare_post.exit_income_threshold"
DEFAULT_EXIT_THRESHOLD: Final = 2000

_EDUCATION = re.compile(
    r"学历|文化程度|文化水平|(?:小学|初中|高中|中专|技校|大专|专科|本科)(?:及)?以上|毕业"
)
_DISABILITY = re.compile(
    r"无残疾|非残疾|残疾人除外|不招残疾|不接受残疾|不要残疾|四肢健全|肢体健全|身体健全|"
    r"五官端正|无身体缺陷|身体健康"
)


@dataclass(frozen=True)
class RuleWarning:
    """Something worth a second look that does not stop the save."""

    field: str
    message: str
    message_en: str
    reason: str


def welfare_age_range(age_min: int | None, age_max: int | None) -> tuple[int, int]:
    """The age range a 公益性岗位 actually applies: the posting's, widened to the
    rules' 16-65 so it never excludes an eligible person."""
    del age_min  # a higher minimum is the posting's own limit: ignored
    upper = WELFARE_AGE_MAX if age_max is None else max(age_max, WELFARE_AGE_MAX)
    return WELFARE_AGE_MIN, upper


def welfare_posting_warnings(
    kind: str, age_min: int | None, age_max: int | None, requirements: str
) -> list[RuleWarning]:
    """Extra limits a 公益性岗位 posting sets beyond the rules (empty for other kinds)."""
    if kind != JobKind.PUBLIC_WELFARE:
        return []
    warnings: list[RuleWarning] = []
    if age_min is not None and age_min > WELFARE_AGE_MIN:
        warnings.append(
            RuleWarning(
                "age_min",
                f"公益性岗位不得另设年龄限制：最低{age_min}周岁会把{WELFARE_AGE_MIN}-{age_min - 1}"
                "周岁的脱贫人口、低收入人口和残疾人排除在外；匹配时按16周岁起推荐",
                f"public-welfare post sets minimum age {age_min} above {WELFARE_AGE_MIN}",
                "welfare_age",
            )
        )
    if age_max is not None and age_max < WELFARE_AGE_MAX:
        warnings.append(
            RuleWarning(
                "age_max",
                f"公益性岗位不得另设年龄限制：最高{age_max}周岁会把{age_max + 1}-{WELFARE_AGE_MAX}"
                f"周岁的安置对象（含{OLDER_MIN_AGE}-{OLDER_MAX_AGE}周岁的农村大龄人员）排除在外；"
                f"匹配时按{WELFARE_AGE_MAX}周岁以下推荐",
                f"public-welfare post sets maximum age {age_max} below {WELFARE_AGE_MAX}",
                "welfare_age",
            )
        )
    education = _EDUCATION.search(requirements)
    if education:
        warnings.append(
            RuleWarning(
                "requirements",
                f"公益性岗位不得另设学历限制：岗位要求中有“{education.group(0)}”，请删去",
                f"public-welfare post requirements set an education limit: {education.group(0)}",
                "welfare_education",
            )
        )
    disability = _DISABILITY.search(requirements)
    if disability:
        warnings.append(
            RuleWarning(
                "requirements",
                f"公益性岗位不得另设残疾限制：岗位要求中的“{disability.group(0)}”"
                "会把农村残疾人排除在外，请删去或改为具体的岗位职责",
                f"public-welfare post requirements exclude disabled people: {disability.group(0)}",
                "welfare_disability",
            )
        )
    return warnings


def exit_review_reasons(monthly_income: int | None, threshold: int) -> list[str]:
    """Why a 公益性岗位 holder should be reviewed for exit (empty: no reason)."""
    if monthly_income is None or monthly_income <= threshold:
        return []
    return [
        f"登记月收入{monthly_income}元，超过监测线{threshold}元/月，"
        "按规定收入超出防止返贫监测范围的应退出岗位，请核实"
    ]
