"""``--self-test``: does this installation work? Run after a build and on a broker's PC.

In a fresh temporary folder it creates a database, sets up a station, writes a few
demo workers, renders the main window offscreen, exports a roster workbook, prints
rights cards to a PDF and starts a large pull's helper process, each through the
services the app itself uses, and checks what came out. Prints a short Chinese
report; exit 0 when every step passed, 1 with the reason otherwise. Nothing outside
the temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from broker_app.store.store import Store, open_store

if TYPE_CHECKING:
    from broker_app.services.cards.faces import CardFace

#: A village of Zoucheng (in the bundled divisions), so org-unit lookups are exercised.
SELF_TEST_ORG = "370883107200"
SELF_TEST_WORKERS = 40
SCREEN = (1366, 768)


class SelfTestFailed(Exception):
    """A step ran but its output was wrong; the message says how (Chinese)."""


@dataclass
class _Run:
    folder: Path
    opened: Store | None = None
    #: The printed cards, for the scan step.
    faces: list[CardFace] = field(default_factory=list)

    @property
    def store(self) -> Store:
        if self.opened is None:
            raise SelfTestFailed("数据库未能打开")
        return self.opened


Step = Callable[[_Run], str]


def _database(run: _Run) -> str:
    from broker_app.services.settings.station import StationService

    # Creating the database runs every Alembic migration, read from bundled files.
    run.opened = open_store(run.folder)
    info = StationService(run.store).info()
    if info.configured:
        raise SelfTestFailed("新建的数据库里已经有驿站设置")
    return f"已新建并升级到最新结构（{run.store.path.name}）"


def _station(run: _Run) -> str:
    from broker_app.services.settings.station import StationService

    info = StationService(run.store).configure(SELF_TEST_ORG, operator_name="自检")
    unit = info.org_unit
    if unit is None:
        raise SelfTestFailed(f"找不到区划代码 {SELF_TEST_ORG}：区划文件缺失或损坏")
    return f"{info.name}（{unit.name}）"


def _demo_workers(run: _Run) -> str:
    from broker_app.services.demo.data import DemoDataService

    summary = DemoDataService(run.store).generate(SELF_TEST_WORKERS, 1)
    if summary.workers != SELF_TEST_WORKERS:
        raise SelfTestFailed(f"应生成 {SELF_TEST_WORKERS} 人，实际 {summary.workers} 人")
    return f"劳动力 {summary.workers} 人"


def _main_window(run: _Run) -> str:
    from broker_app.ui.application import chinese_is_drawn, create_application
    from broker_app.ui.screenshot import take_screenshot

    out = take_screenshot(run.store, run.folder, "roster", SCREEN, run.folder / "window.png")
    if not out.read_bytes().startswith(b"\x89PNG"):
        raise SelfTestFailed("主窗口截图不是 PNG 图片")
    # A picture of empty boxes is still a PNG: check the text itself is drawn.
    if not chinese_is_drawn(create_application([])):
        raise SelfTestFailed("界面上的中文画不出来（没有可用的中文字体）")
    return f"离屏渲染花名册页 {SCREEN[0]}x{SCREEN[1]}，中文字形正常"


def _roster_workbook(run: _Run) -> str:
    from openpyxl import load_workbook

    from broker_app.services.roster.export import RosterExportService

    out = run.folder / "花名册.xlsx"
    count = RosterExportService(run.store).export(out)
    book = load_workbook(out, read_only=True)
    try:
        rows = sum(1 for row in book.active.iter_rows(values_only=True) if any(row))
    finally:
        book.close()
    if count != SELF_TEST_WORKERS or rows < count + 1:
        raise SelfTestFailed(f"花名册导出 {count} 人，读回 {rows} 行")
    return f"导出 {count} 人，读回 {rows} 行"


def _rights_card_pdf(run: _Run) -> str:
    from broker_app.printing.fonts import POSTSCRIPT_NAME
    from broker_app.printing.pdf import write_cards_pdf
    from broker_app.printing.sheets import LAYOUTS
    from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
    from broker_app.services.projects.records import ProjectService

    projects = [p for p in ProjectService(run.store).projects() if p["active_cards"]]
    if not projects:
        raise SelfTestFailed("演示数据里没有已发卡的工程项目")
    plan = CardPrintService(run.store).prepare(CardSelection(project_id=projects[0]["id"]))
    out = run.folder / "维权卡.pdf"
    pages = write_cards_pdf(plan.faces, out, LAYOUTS["card"], title="维权联系卡")
    data = out.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SelfTestFailed("维权卡文件不是 PDF")
    if POSTSCRIPT_NAME.encode() not in data:
        raise SelfTestFailed(f"维权卡 PDF 没有嵌入字体 {POSTSCRIPT_NAME}")
    run.faces = list(plan.faces)
    return f"{len(plan.faces)} 张，{pages} 页，内嵌字体 {POSTSCRIPT_NAME}"


def _card_scan(run: _Run) -> str:
    from broker_app.printing.raster import page_image
    from broker_app.printing.scan import qr_texts
    from broker_app.printing.sheets import LAYOUTS
    from broker_app.services.cards.issuing import CardService

    layout = LAYOUTS["card"]
    faces = run.faces[: layout.per_page]
    if not faces:
        raise SelfTestFailed("没有可识别的维权卡")
    texts = qr_texts(page_image(layout, faces, dpi=200))
    if len(texts) != len(faces):
        raise SelfTestFailed(f"一页 {len(faces)} 张卡，只识别出 {len(texts)} 个二维码")
    service = CardService(run.store)
    # The signature is what a scan proves; the demo projects' dates may lie ahead.
    unproven = [text for text in texts if service.verify(text).facts is None]
    if unproven:
        raise SelfTestFailed(f"{len(unproven)} 个二维码签名核验不通过")
    return f"识别并核验签名 {len(texts)} 个二维码"


def _translations(run: _Run) -> str:
    from PySide6.QtCore import QTranslator

    from broker_app.ui.i18n import catalogue_path

    path = catalogue_path("en")
    if not QTranslator().load(str(path)):
        raise SelfTestFailed(f"英文界面翻译文件缺失或无法读取：{path.name}")
    return f"英文界面 {path.name}"


def _pull_helper(run: _Run) -> str:
    """A county's first pull starts a helper process (``spawn``): in the frozen build
    that is this program started again, which its entry point must turn into the
    helper instead of a second program. A helper that fails is silently done without
    (the pull computes the pinyin itself), so only this step shows it works."""
    from broker_app.services.sync.pull_helper import PullHelper

    helper = PullHelper()
    try:
        pinyin = helper.pinyin(["张三"]).result()
    finally:
        helper.close()
    if "张三" not in pinyin:
        raise SelfTestFailed("同步辅助进程未能启动或没有回答")
    return f"同步辅助进程算出 张三 → {pinyin['张三'][1][0]}"


STEPS: tuple[tuple[str, Step], ...] = (
    ("数据库", _database),
    ("驿站设置", _station),
    ("演示数据", _demo_workers),
    ("主窗口", _main_window),
    ("花名册", _roster_workbook),
    ("维权卡", _rights_card_pdf),
    ("扫码核验", _card_scan),
    ("界面翻译", _translations),
    ("辅助进程", _pull_helper),
)


def _reason(exc: Exception) -> str:
    """The Chinese message our layers give people, else the exception itself."""
    from broker_app.domain.common.errors import user_messages

    if isinstance(exc, SelfTestFailed):
        return str(exc)
    messages = user_messages(exc)
    return f"{messages[0]}（{messages[1]}）" if messages else repr(exc)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step in a fresh temporary folder; 0 when all passed, else 1."""
    out = out or sys.stdout
    # Render without a display (a build server), and without flashing a window on a PC.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from broker_app.ui.screenshot import use_offscreen_screen

    use_offscreen_screen(*SCREEN)
    started = time.monotonic()
    print("劳务驿站自检", file=out, flush=True)
    with tempfile.TemporaryDirectory(
        prefix="labor-station-selftest-", ignore_cleanup_errors=True
    ) as folder:
        run = _Run(Path(folder))
        try:
            for label, step in STEPS:
                try:
                    detail = step(run)
                except Exception as exc:
                    reason = _reason(exc)
                    print(f"  失败  {label}：{reason}", file=out, flush=True)
                    print("自检未通过", file=out, flush=True)
                    return 1
                print(f"  通过  {label}：{detail}", file=out, flush=True)
        finally:
            if run.opened is not None:
                run.opened.close()
    print(f"自检通过（{time.monotonic() - started:.1f} 秒）", file=out, flush=True)
    return 0
