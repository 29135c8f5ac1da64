"""Command line of the channel server: ``serve`` and the county's admin commands.

Every command takes ``--db URL`` (default: an SQLite file in the server data dir)
and brings the database to the current schema first, so nothing needs setting up.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from sync.county_policy import PolicyError, parse_days
from sync.server import card_service, conflicts, county_policy, keys, stations
from sync.server.config import API_DOCS_ENV, DB_URL_ENV, PROCESSES_ENV, database_url
from sync.server.db import SeqAllocator, ServerDB
from sync.server.deps import utc_now
from sync.server.migrate import load_org_units, prepare, upgrade
from sync.server.models import Station
from sync.server.stations import StationError

log = logging.getLogger(__name__)
Command = Callable[[ServerDB, argparse.Namespace], int]
#: How far ``after-restore`` moves the change sequence: more changes than the county
#: makes between two backups, far below the 64-bit limit even after many restores.
RESTORE_MARGIN = 1_000_000_000
#: What each process of ``serve --workers N`` imports and calls to build its app.
APP_FACTORY = "sync.server.app:app_from_environment"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync.server", description="劳务驿站渠道服务器")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, run: Command, help_text: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help_text)
        p.add_argument("--db", help="数据库 URL（默认：服务器数据目录中的 SQLite 文件）")
        p.set_defaults(run=run)
        return p

    p = add("serve", run_serve, "运行服务器")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--ssl-certfile", help="HTTPS 证书（PEM）")
    p.add_argument("--ssl-keyfile", help="HTTPS 私钥（PEM）")
    p.add_argument(
        "--insecure-http",
        action="store_true",
        help="允许在非本机地址上以明文 HTTP 运行（凭证和个人信息将不加密传输）",
    )
    p.add_argument("--api-docs", action="store_true", help="提供 /docs、/redoc 和 /openapi.json")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="服务进程数（大于 1 时只支持 PostgreSQL；县级服务器建议与 CPU 核数相同）",
    )
    add("init", run_init, "建库并载入市、镇街、村区划")
    p = add("enrol-station", run_enrol, "登记驿站并生成一次性注册码（最后一行）")
    p.add_argument("--org", default="", help="12位区划代码（新驿站必填）")
    p.add_argument("--name", default="", help="驿站名称")
    p.add_argument("--hours", type=int, default=stations.DEFAULT_CODE_HOURS, help="有效小时数")
    p.add_argument(
        "--station",
        help="为已有驿站重新生成注册码（驿站编号）：换电脑、从备份恢复或恢复停用的驿站，"
        "编号和历史不变，旧凭证在新码使用后失效",
    )
    p = add(
        "after-restore",
        run_after_restore,
        "从备份恢复数据库后、启动服务前运行一次：变更序号跳到各驿站游标之后",
    )
    p.add_argument("--margin", type=int, default=RESTORE_MARGIN, help=argparse.SUPPRESS)
    p = add("revoke-station", run_revoke, "停用驿站凭证")
    p.add_argument("station_id")
    p = add("list-stations", run_list_stations, "列出驿站")
    p.add_argument("--json", action="store_true")
    p = add("list-keys", run_list_keys, "列出维权卡签名密钥（签发驿站、认证、吊销、最大卡号）")
    p.add_argument("--json", action="store_true")
    p = add("certify-key", run_certify_key, "认证驿站的维权卡签名公钥")
    p.add_argument("key_id")
    p = add("uncertify-key", run_uncertify_key, "撤销县人社局对密钥的认证")
    p.add_argument("key_id")
    p = add("revoke-key", run_revoke_key, "吊销密钥：用它签发的卡都不再可信")
    p.add_argument("key_id")
    p = add(
        "enrol-card-service",
        run_enrol_card_service,
        "为扫码维权服务生成凭证（最后一行，只显示一次）",
    )
    p.add_argument("--name", default="", help="服务名称")
    p = add("revoke-card-service", run_revoke_card_service, "停用扫码维权服务的凭证")
    p.add_argument("service_id")
    p = add(
        "county-policy",
        run_county_policy,
        "县里为所有驿站设置：公共卡片服务地址、欠薪线索时限（不带参数时显示当前设置）",
    )
    p.add_argument(
        "--card-page-url",
        help="扫码维权服务的公网地址，如 https://wq.example.cn（空字符串：取消）；"
        "驿站同步后打印的卡片二维码打开这个地址",
    )
    p.add_argument("--clue-days", help="接收,受理,办结 的天数，如 1,5,15")
    p = add("conflicts", run_conflicts, "列出冲突；conflicts resolve ID --keep winner|loser 处理")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    r = actions.add_parser("resolve", help="处理一条冲突")
    r.add_argument("conflict_id", type=int)
    r.add_argument("--keep", choices=(conflicts.WINNER, conflicts.LOSER), default=conflicts.WINNER)
    # Also accepted after the action ("conflicts resolve 7 --keep loser --db URL").
    r.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    db = ServerDB(database_url(args.db))
    try:
        prepare(db)
        code: int = args.run(db, args)
        return code
    except StationError as exc:
        log.error("%s failed: %s", args.command, exc.message_en)
        print(exc.message, file=sys.stderr)
        return 2
    finally:
        db.dispose()


def run_serve(db: ServerDB, args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import ServerSettings, create_app

    if not args.ssl_certfile and not args.insecure_http and not is_loopback(args.host):
        # Station credentials and workers' ID numbers would cross the network readable
        # by anyone on the way: plain HTTP only where nothing leaves this machine.
        log.error("refusing plain HTTP on %s: give --ssl-certfile or --insecure-http", args.host)
        print(
            f"拒绝启动：在 {args.host} 上以明文 HTTP 运行，驿站凭证和人员身份证号会不加密地"
            "经过网络。请用 --ssl-certfile/--ssl-keyfile 提供 HTTPS 证书；确需明文时"
            "（例如前面有 HTTPS 反向代理）加 --insecure-http。",
            file=sys.stderr,
        )
        return 2
    if args.workers < 1:
        log.error("refusing --workers %d: at least 1", args.workers)
        print("--workers 至少为 1", file=sys.stderr)
        return 2
    if args.workers > 1 and db.sqlite:
        # One SQLite file has one writer at a time: more processes would only queue on
        # its lock (and wait out busy timeouts), so the choice is refused, not degraded.
        log.error("refusing --workers %d on SQLite: use PostgreSQL", args.workers)
        print(
            "拒绝启动：嵌入式 SQLite 数据库同一时刻只能有一个进程写入，多个服务进程不会更快。"
            "请去掉 --workers，或改用 PostgreSQL（--db postgresql+psycopg://…）。",
            file=sys.stderr,
        )
        return 2
    served = dict(
        host=args.host,
        port=args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
        log_level="info",
        access_log=False,
    )
    if args.workers == 1:
        uvicorn.run(create_app(db, ServerSettings(api_docs=args.api_docs)), **served)
        return 0
    # N processes on one PostgreSQL database: each one opens its own connections; the
    # change-sequence lock is a row lock in the database, so writers of every process
    # still commit in sequence order.
    os.environ[DB_URL_ENV] = db.url
    os.environ[PROCESSES_ENV] = str(args.workers)
    os.environ[API_DOCS_ENV] = "1" if args.api_docs else ""
    db.dispose()
    log.info("serving with %d processes", args.workers)
    uvicorn.run(APP_FACTORY, factory=True, workers=args.workers, **served)
    return 0


def run_init(db: ServerDB, _args: argparse.Namespace) -> int:
    upgrade(db)
    count = load_org_units(db)
    print(f"数据库已就绪，区划 {count} 个（市、镇街、村）")
    return 0


def run_enrol(db: ServerDB, args: argparse.Namespace) -> int:
    if not args.org and not args.station:
        raise StationError("org_code", "请用 --org 给出区划代码", "--org is required")
    with db.write() as session:
        station, code = stations.issue_code(
            session, args.org, args.name, utc_now(), args.hours, station_id=args.station
        )
        print(f"驿站：{station.name}（{station.org_code}） 编号 {station.id}")
        print(f"注册码 {args.hours} 小时内有效，只能使用一次：")
    print(code)
    return 0


def run_after_restore(db: ServerDB, args: argparse.Namespace) -> int:
    # A restored database's change sequence is behind the cursors stations took from
    # the lost one: without this, their next pulls would pass over every new change.
    with db.write() as session:
        seq = SeqAllocator(session)
        last = seq.advance(args.margin)
        seq.close()
    log.info("change sequence advanced by %d to %d after a restore", args.margin, last)
    print(f"变更序号已推进到 {last}：各驿站下次同步会收到恢复之后的所有变更")
    return 0


def run_revoke(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        station = stations.revoke(session, args.station_id, utc_now())
        print(f"已停用：{station.name}（{station.org_code}）")
    return 0


def run_list_stations(db: ServerDB, args: argparse.Namespace) -> int:
    with db.read() as session:
        rows = [
            {
                "id": s.id,
                "org_code": s.org_code,
                "name": s.name,
                "status": s.status,
                "enrolled_at": _iso(s.enrolled_at),
                "last_seen_at": _iso(s.last_seen_at),
            }
            for s in stations.list_stations(session)
        ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print("\t".join(str(row[k] or "") for k in row))
    print(f"共 {len(rows)} 个驿站")
    return 0


def run_list_keys(db: ServerDB, args: argparse.Namespace) -> int:
    with db.read() as session:
        rows = keys.list_keys(session)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        state = "已吊销" if row["revoked"] else ("已认证" if row["certified"] else "未认证")
        print(
            f"{row['key_id']}\t{row['label']}\t{row['org_code']}\t{state}\t"
            f"{row['valid_from'] or ''}~{row['valid_until'] or ''}\t最大卡号 {row['max_serial']}"
        )
    print(f"共 {len(rows)} 把密钥")
    return 0


def run_certify_key(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        key = keys.certify(session, args.key_id, utc_now())
        print(f"已认证密钥 {key.key_id}（{_station_name(session, key.station_id)}）")
    return 0


def run_uncertify_key(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        key = keys.withdraw_certification(session, args.key_id)
        print(f"已撤销对密钥 {key.key_id} 的认证（{_station_name(session, key.station_id)}）")
    return 0


def run_revoke_key(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        key = keys.revoke_key(session, args.key_id)
        print(f"已吊销密钥 {key.key_id}（{_station_name(session, key.station_id)}）")
    return 0


def run_enrol_card_service(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        service, token = card_service.enrol(session, args.name, utc_now())
        print(f"扫码维权服务：{service.name} 编号 {service.id}")
        print("凭证只显示这一次，请保存到扫码服务的 --token-file：")
    print(token)
    return 0


def run_revoke_card_service(db: ServerDB, args: argparse.Namespace) -> int:
    with db.write() as session:
        service = card_service.revoke(session, args.service_id, utc_now())
        print(f"已停用扫码维权服务：{service.name}")
    return 0


def run_county_policy(db: ServerDB, args: argparse.Namespace) -> int:
    try:
        days = parse_days(args.clue_days) if args.clue_days is not None else None
        with db.write() as session:
            policy = county_policy.update(
                session, utc_now(), card_page_url=args.card_page_url, clue_days=days
            )
    except PolicyError as exc:
        print(f"出错了：{exc}", file=sys.stderr)
        return 2
    url = policy.card_page_url or "（未设置：卡片二维码显示投诉电话）"
    print(f"公共卡片服务地址：{url}")
    days = policy.clue_days
    shown = "，".join(map(str, days)) if days else "（未设置：各驿站默认 1，5，15）"
    print(f"欠薪线索时限（接收，受理，办结，天）：{shown}")
    return 0


def _station_name(session: Session, station_id: str) -> str:
    station = session.get(Station, station_id)
    return station.name if station is not None else ""


def run_conflicts(db: ServerDB, args: argparse.Namespace) -> int:
    if args.action == "resolve":
        with db.write() as session:
            done = conflicts.resolve(
                session, args.conflict_id, args.keep, utc_now(), time.time_ns() // 1_000_000
            )
        print(f"冲突 {done.conflict_id} 已处理：保留 {done.kept}，写入 {done.writes} 条")
        return 0
    with db.read() as session:
        found = [
            conflicts.conflict_dict(c)
            for c in conflicts.list_conflicts(session, include_resolved=args.all)
        ]
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for c in found:
        state = "已处理" if c["resolved"] else "待处理"
        print(
            f"{c['id']}\t{c['kind']}\t{state}\t{c['record_type']} {c['record_id']}\t"
            f"{c['field'] or ''}\t保留：{_short(c['winner']['value'])}\t"
            f"落选：{_short(c['loser']['value'])}"
        )
    print(f"共 {len(found)} 条")
    return 0


def is_loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _iso(value: object) -> str | None:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else None


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
