"""The ``--full`` switch shared by the exports that hold personal data."""

from __future__ import annotations

from typing import Any


def add_full_flag(parser: Any) -> None:
    """``--full``: full ID numbers, phones and 帮扶身份 (audited); masked otherwise."""
    parser.add_argument(
        "--full",
        action="store_true",
        help="导出完整身份证号和电话（及帮扶身份）；默认只显示前6后4位等，每次导出都记入审计日志",
    )
