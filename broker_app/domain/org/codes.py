"""Division codes of org units and the scope rule between them.

Every record is owned by a 12-digit statistical division code: the county is
370883000000, a township its 9-digit code plus "000", a village its own 12
digits. The rules here look at the digits only, so they also hold for a village
code issued after the bundled list was made.
"""

from __future__ import annotations

from typing import Final

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact

FIELD = "org_code"
CODE_LENGTH: Final = 12
COUNTY_PREFIX: Final = "370883"
COUNTY_CODE: Final = COUNTY_PREFIX + "000000"


def normalize_org_code(raw: str) -> str:
    """The 12-digit form of a 6-digit (county), 9-digit (township) or 12-digit code."""
    code = compact(raw)
    if not code.isascii() or not code.isdigit() or len(code) not in (6, 9, 12):
        raise FieldError(
            FIELD,
            f"区划代码格式不对：{code or '（空）'}（应为6位县级、9位乡镇级或12位村级数字代码）",
            f"org code {code!r} is not 6, 9 or 12 digits",
            reason="format",
        )
    return code.ljust(CODE_LENGTH, "0")


def level_of(code: str) -> OrgLevel:
    """The level a normalized 12-digit code stands for, read from its zero padding."""
    if code.endswith("000000"):
        return OrgLevel.COUNTY
    if code.endswith("000"):
        return OrgLevel.TOWNSHIP
    return OrgLevel.VILLAGE


def scope_prefix(scope_code: str) -> str:
    """The digits every code inside ``scope_code`` starts with.

    A county contains every code under it, a township itself and its villages,
    a village only itself.
    """
    level = level_of(scope_code)
    if level is OrgLevel.COUNTY:
        return scope_code[:6]
    if level is OrgLevel.TOWNSHIP:
        return scope_code[:9]
    return scope_code


def code_in_scope(scope_code: str, code: str) -> bool:
    """True if the unit ``code`` lies within the unit ``scope_code`` (both raw codes)."""
    return normalize_org_code(code).startswith(scope_prefix(normalize_org_code(scope_code)))
