"""What personal information lists and exports show, masked or in full (个人信息保护法).

Three kinds of personal data are masked wherever people are listed or exported,
unless the broker reveals them on purpose (an audited action):

- 身份证号: first 6 (the area code) and last 4 kept, eight ``*`` between:
  ``370883********1234``. The birth date in the middle is what makes a number
  identifying; the ends are enough to tell two people apart on a list and to match a
  number read over the phone.
- 联系电话: first 3 and last 4 digits: ``138****5678``; short service numbers
  (seven digits or fewer) are public and shown whole.
- 帮扶身份 (脱贫享受政策人口, 防止返贫监测对象 and its type, 农村低收入人口, 农村残疾人):
  these say a household is poor or a person disabled, sensitive data under PIPL
  art. 28. A masked list keeps the one fact a broker needs to do the work, that the
  person comes first for help, as the single mark ``重点帮扶``, without saying which
  category; 大龄 follows from the age already on the list and stays. Cells that give
  one person's category outright (a 是/否 column, the monitoring type) show
  ``已隐藏`` for everybody, so even an empty category cannot be told apart.

Searching and filtering always work on the full stored values; only what is shown or
written out is masked. A count of a sensitive category is personal data when it is
small: "其中脱贫人口 1 人" under a three-person list says who. A masked export shows a
count below ``SMALL_COUNT`` as ``<3``, and a total over such cells only as the part
that can be shown (``≥N``), so a hidden count cannot be found by subtraction
(``shown_count``, ``shown_total``). The full export keeps exact counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Final

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.common.phone import mask_phone
from broker_app.domain.people.idcard import mask_id_number

#: What a masked list shows instead of 脱贫 / 监测 / 低收入 / 残疾.
ASSISTANCE_MARK: Final = "重点帮扶"
#: A masked cell that would give one person's category outright.
HIDDEN: Final = "已隐藏"
#: The groups whose membership is sensitive; 大龄 follows from the age and is not.
SENSITIVE_GROUPS: Final = frozenset(
    {
        PriorityGroup.POVERTY_ALLEVIATED,
        PriorityGroup.MONITORED,
        PriorityGroup.LOW_INCOME,
        PriorityGroup.DISABLED,
    }
)


#: Counts of a sensitive category below this are not shown in a masked export.
SMALL_COUNT: Final = 3
#: What a masked export shows for such a count.
SMALL_COUNT_MARK: Final = f"<{SMALL_COUNT}"


#: A masked total made only of hidden small counts.
SOME: Final = "若干"


class Personal(StrEnum):
    """The kinds of personal data that are masked by default."""

    ID_NUMBER = "id_number"
    PHONE = "phone"
    #: A per-person category cell: 是/否 of 脱贫, the monitoring type, a flag.
    ASSISTANCE = "assistance"


def shown(kind: Personal, value: str | None, *, full: bool = False) -> str:
    """The one masking rule: ``value`` as a list or an export may show it.

    ``full`` is the broker's explicit choice (显示完整信息, 导出完整身份证号和电话) and
    must be audited by the caller. Empty values stay empty, except a category cell,
    which hides even its emptiness.
    """
    text = "" if value is None else str(value)
    if full:
        return text
    if kind is Personal.ID_NUMBER:
        return mask_id_number(text) if text else ""
    if kind is Personal.PHONE:
        return mask_phone(text) if text else ""
    return HIDDEN


def group_names(
    groups: Iterable[PriorityGroup],
    names: Mapping[PriorityGroup, str],
    *,
    full: bool = False,
    mark: str = ASSISTANCE_MARK,
) -> list[str]:
    """The names of ``groups`` for a 人员类别 / 重点群体 cell, in the order given.

    Masked, the sensitive groups fold into one ``mark`` (put where the first of them
    was); 大龄 keeps its name. ``names`` are the caller's wording (short or long)."""
    out: list[str] = []
    for group in groups:
        if full or group not in SENSITIVE_GROUPS:
            out.append(names[group])
        elif mark not in out:
            out.append(mark)
    return out


#: Match reasons that name a sensitive group, and what a masked list says instead.
_REASON_PREFIXES: Final = (
    ("公益性岗位安置对象", "公益性岗位安置对象"),
    ("脱贫人口", "重点帮扶对象优先"),
    ("防止返贫监测对象", "重点帮扶对象优先"),
    ("农村低收入人口", "重点帮扶对象优先"),
    ("农村残疾人", "重点帮扶对象优先"),
)


def shown_reasons(reasons: Iterable[str], *, full: bool = False) -> list[str]:
    """Match reasons as a masked candidate list shows them (see ``domain.matching.engine``):
    "脱贫人口优先" and the like become "重点帮扶对象优先", once."""
    out: list[str] = []
    for reason in reasons:
        text = reason
        if not full:
            text = next((new for old, new in _REASON_PREFIXES if reason.startswith(old)), reason)
        if text not in out:
            out.append(text)
    return out


def shown_count(count: int, *, full: bool = False) -> int | str:
    """A count of people in a sensitive category (脱贫人口, 监测对象, …) as an export
    shows it: exact in a full export; masked, ``<3`` when below 3 (0 included, so
    "nobody" and "one person" look alike)."""
    if full or count >= SMALL_COUNT:
        return count
    return SMALL_COUNT_MARK


def shown_total(parts: Iterable[int], *, full: bool = False) -> int | str:
    """The total of sensitive counts shown beside its parts. Masked, when some part
    is hidden the total says only what the shown parts add up to (``≥N``): an exact
    total next to the other exact parts would give the hidden one away."""
    counts = list(parts)
    total = sum(counts)
    if full:
        return total
    hidden = [c for c in counts if c < SMALL_COUNT]
    if not hidden:
        return total
    visible = total - sum(hidden)
    if visible == 0:
        # Only hidden parts: a total under 3 is said as such; above it even "≥3" would
        # tell that each of two hidden batches has someone, so only "some" is said
        # (it reads right in "其中脱贫人口 若干 人" too).
        return SMALL_COUNT_MARK if total < SMALL_COUNT else SOME
    return f"≥{visible}"


def mask_name(name: str) -> str:
    """A name as a public page shows it: the surname and the last character kept, the
    rest ``*`` (刘建卫 -> 刘*卫, 王伟 -> 王*, 欧阳娜娜 -> 欧**娜). Enough for a worker to
    recognise their own card, not enough to find the person in a roster."""
    text = "".join(name.split())
    if len(text) <= 1:
        return "*" if text else ""
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]
