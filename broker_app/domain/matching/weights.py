"""Every weight of the matching score, in one place, with the reason for its size.

Scores are whole points; a perfect fit on every count makes ``MAX_SCORE`` = 100, so
the number reads as a percentage in the lists. Each part only ever adds points, so
a worker gains by every fact in their favour and loses nothing by a missing field
(an unrecorded wish is not held against anyone).

The order of importance, and why:

1. The trade (工种). A posting asks for a trade; a welder sent to a sewing line
   wastes everybody's day. A recorded skill counts more than a wish, because a
   skill was usually checked (certificate, past work) and a wish was not.
2. Priority groups (mission measure 6: 脱贫人口 are the 优先保障对象 of organised
   labour export; national notices: 脱贫人口（含防止返贫监测对象）). Big enough that
   between two equal welders the 脱贫 one always ranks first; smaller than a
   recorded skill, so priority alone never outweighs having the trade. The other
   measure-5 groups get a smaller nudge each.
3. Nearness. Local work keeps families together and costs nothing to reach
   (measures 2-3: 就地就近就业); same village > same township > elsewhere in the
   county > outside it.
4. The worker's stated intentions: wage, place tier, kind of posting. They decide
   whether a person accepts an offer, but they are often unrecorded or stale.
5. Labour brand (measure 8): a brand worker is trained for the brand's trade, a
   small extra on top of the trade.
6. Not employed at all (未就业 rather than 务农 or 灵活就业): the monitoring work
   focuses on 未就业 people first (保障措施 (二)).
"""

from __future__ import annotations

from typing import Final

#: A recorded skill is the posting's trade (synonyms folded: 电焊工 = 焊工).
SKILL: Final = 25
#: One of the worker's 意向工种 is the posting's trade.
INTENDED_TRADE: Final = 15

#: 脱贫享受政策人口 or 防止返贫监测对象 (counted once for someone who is both).
FIRST_PRIORITY: Final = 12
#: Each of 农村低收入人口, 农村残疾人, 大龄 (45-65周岁).
OTHER_PRIORITY: Final = 3

#: Nearness of a posting inside the county to the worker's household village.
SAME_VILLAGE: Final = 10
SAME_TOWNSHIP: Final = 7
IN_COUNTY: Final = 4

#: The posting pays at least the worker's 期望月薪 (at its top end).
WAGE_FIT: Final = 8
#: The posting is in the worker's 意向务工地域; half when it is nearer than that.
INTENDED_PLACE_TIER: Final = 6
NEARER_THAN_INTENDED: Final = 3
#: The worker's 意向工种 names this kind of posting (零工, 公益性岗位 ...).
INTENDED_KIND: Final = 5

#: The worker's labour brand stands for the posting's trade or is named by it.
LABOR_BRAND: Final = 6
#: 未就业 (rather than 务农 or 灵活就业).
UNEMPLOYED: Final = 4

MAX_SCORE: Final = (
    SKILL
    + INTENDED_TRADE
    + FIRST_PRIORITY
    + 3 * OTHER_PRIORITY
    + SAME_VILLAGE
    + WAGE_FIT
    + INTENDED_PLACE_TIER
    + INTENDED_KIND
    + LABOR_BRAND
    + UNEMPLOYED
)
assert MAX_SCORE == 100, MAX_SCORE
