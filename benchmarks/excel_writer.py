"""Compare our XlsxWriter with a bare openpyxl write-only loop on the same rows.

Usage: python benchmarks/excel_writer.py [--rows 100000] [--repeat 3]

Each run happens in a fresh subprocess so peak memory figures are comparable. The
rows are built before timing starts; "peak RSS" is the process high-water mark and
"writer RSS" the part of it added while writing (what flat memory is about). The
target is ours <= 1.3x the bare loop's median time.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HEADERS = [
    "序号",
    "姓名",
    "身份证号",
    "性别",
    "联系电话",
    "乡镇",
    "村",
    "家庭住址",
    "文化程度",
    "工种",
    "务工地域",
    "务工单位",
    "务工开始时间",
    "月收入（元）",
    "备注",
]
KINDS = [
    "int",
    "text",
    "id_text",
    "text",
    "id_text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "date",
    "money",
    "text",
]

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉梅志红"
_TOWNSHIPS = ["钢山街道", "千泉街道", "凫山街道", "太平镇", "香城镇", "城前镇", "大束镇", "田黄镇"]
_SKILLS = ["电焊工", "瓦工", "钢筋工", "保洁", "家政服务", "叉车司机", "普工", "厨师", ""]
_TIERS = ["县内", "县外省内", "省外"]
_EDUCATION = ["小学", "初中", "高中", "中专/技校", "大专"]


def make_rows(count: int, seed: int = 7) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for index in range(1, count + 1):
        township = rng.choice(_TOWNSHIPS)
        id_number = "370883{:04d}{:02d}{:02d}{:03d}{}".format(
            rng.randint(1960, 2004),
            rng.randint(1, 12),
            rng.randint(1, 28),
            rng.randint(0, 999),
            rng.choice("0123456789X"),
        )
        rows.append(
            [
                index,
                rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN),
                id_number,
                rng.choice("男女"),
                f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
                township,
                f"{rng.choice(_SURNAMES)}家村",
                f"山东省邹城市{township}{rng.randint(1, 300)}号",
                rng.choice(_EDUCATION),
                rng.choice(_SKILLS),
                rng.choice(_TIERS),
                f"济宁{rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}建筑工程有限公司",
                date(2024, rng.randint(1, 12), rng.randint(1, 28)),
                rng.randint(1800, 9000),
                "" if rng.random() < 0.7 else f"已回访{rng.randint(1, 5)}次",
            ]
        )
    return rows


def write_bare(rows: list[list[object]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_ours(rows: list[list[object]], path: Path) -> None:
    from broker_app.services.excel import ColumnSpec, XlsxWriter

    columns = [
        ColumnSpec(header, kind=kind)  # type: ignore[arg-type]
        for header, kind in zip(HEADERS, KINDS, strict=True)
    ]
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("花名册", columns, title_rows=["邹城市农村劳动力花名册"])
        for row in rows:
            sheet.append(row)


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_child(variant: str, count: int) -> None:
    rows = make_rows(count)
    writer = write_bare if variant == "bare" else write_ours
    # Import outside the timed part, as the app would have done long before.
    if variant == "ours":
        import broker_app.services.excel  # noqa: F401
    else:
        import openpyxl  # noqa: F401
    gc.collect()
    # Building the rows has no large temporaries, so the high-water mark here is
    # the resident size the writer starts from.
    baseline = _peak_rss_mib()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{variant}.xlsx"
        started = time.perf_counter()
        writer(rows, target)
        seconds = time.perf_counter() - started
        size = target.stat().st_size
    peak = _peak_rss_mib()
    result = {
        "seconds": seconds,
        "peak_mib": peak,
        "writer_mib": peak - baseline,
        "bytes": size,
    }
    print(json.dumps(result))


def run_parent(count: int, repeat: int) -> None:
    results: dict[str, list[dict[str, float]]] = {"bare": [], "ours": []}
    root = Path(__file__).resolve().parent.parent
    for attempt in range(repeat):
        # Alternate the order so neither variant always runs on a warmer machine.
        order = ("bare", "ours") if attempt % 2 == 0 else ("ours", "bare")
        for variant in order:
            output = subprocess.run(
                [sys.executable, __file__, "--child", variant, "--rows", str(count)],
                check=True,
                capture_output=True,
                text=True,
                cwd=root,
            ).stdout
            result = json.loads(output.strip().splitlines()[-1])
            results[variant].append(result)
            print(f"  run {attempt + 1} {variant:4s}: {result['seconds']:.2f} s", flush=True)
    medians = {v: statistics.median(r["seconds"] for r in rs) for v, rs in results.items()}
    print(f"\nrows={count} columns={len(HEADERS)} repeat={repeat}")
    for variant, runs in results.items():
        peak = max(r["peak_mib"] for r in runs)
        writer = max(r["writer_mib"] for r in runs)
        size = runs[-1]["bytes"] / (1024 * 1024)
        print(
            f"{variant:4s}: median {medians[variant]:.2f} s, peak RSS {peak:.0f} MiB "
            f"(writer adds {writer:.0f} MiB), file {size:.1f} MiB"
        )
    ratio = medians["ours"] / medians["bare"]
    print(f"ratio ours/bare: {ratio:.3f} (target <= 1.3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "ours"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        run_child(args.child, args.rows)
    else:
        run_parent(args.rows, args.repeat)


if __name__ == "__main__":
    main()
