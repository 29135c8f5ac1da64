"""``python -m sync.cardservice serve --channel URL --token-file PATH --db PATH ...``"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sync.cardservice.channel import Background, ChannelLink
from sync.cardservice.localdb import LocalDB

log = logging.getLogger(__name__)
#: The credential may come from the environment instead of a file or the command line
#: (a command line is visible to every user of the machine).
TOKEN_ENV = "LABOR_STATION_CARD_TOKEN"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync.cardservice", description="扫码维权服务")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = commands.add_parser("serve", help="运行扫码维权服务")
    p.add_argument(
        "--channel", required=True, help="渠道服务器地址，如 https://channel.example:8470"
    )
    token = p.add_mutually_exclusive_group()
    token.add_argument(
        "--token", help=f"扫码服务凭证（更安全：--token-file 或环境变量 {TOKEN_ENV}）"
    )
    token.add_argument("--token-file", help="保存凭证的文件")
    p.add_argument("--db", required=True, help="本服务自己的 SQLite 文件")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8480)
    p.add_argument("--tls-cert", help="HTTPS 证书（PEM）")
    p.add_argument("--tls-key", help="HTTPS 私钥（PEM）")
    p.add_argument("--channel-ca", help="渠道服务器证书的 CA 文件（县自建 CA 时）")
    p.add_argument(
        "--insecure-http",
        action="store_true",
        help="允许在非本机地址上以明文 HTTP 运行（前面有 HTTPS 反向代理时）",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default="",
        help="信任其 X-Forwarded-For 的反向代理地址（逗号分隔）：限流按真实客户地址计",
    )
    p.add_argument(
        "--pages-per-minute",
        type=int,
        default=120,
        help="同一地址每分钟最多打开的页面数（工地共用一个出口地址时可调大）",
    )
    p.add_argument("--clues-per-hour", type=int, default=5, help="同一地址每小时最多提交的线索数")
    p.add_argument("--refresh", type=float, default=60.0, help="从渠道服务器更新的间隔（秒）")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return serve(args)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.cardservice.app import Limits, create_app
    from sync.cardservice.ratelimit import Limit

    token = _token(args)
    if not token:
        print(
            f"请用 --token-file、--token 或环境变量 {TOKEN_ENV} 给出扫码服务凭证", file=sys.stderr
        )
        return 2
    if not args.tls_cert and not args.insecure_http and not _loopback(args.host):
        print(
            f"拒绝启动：在 {args.host} 上以明文 HTTP 运行，工人填写的电话会不加密地经过网络。"
            "请用 --tls-cert/--tls-key 提供证书；前面有 HTTPS 反向代理时加 --insecure-http。",
            file=sys.stderr,
        )
        return 2
    db = LocalDB(Path(args.db))
    link = ChannelLink(args.channel, token, verify=args.channel_ca or True)
    background = Background(link, db, args.refresh)
    # Cookies marked Secure whenever the worker's browser speaks HTTPS: served with TLS
    # here, or behind a reverse proxy that terminates it.
    secure = bool(args.tls_cert) or args.insecure_http or bool(args.forwarded_allow_ips)
    limits = Limits(
        pages=Limit(max(1, args.pages_per_minute), 60),
        clues_per_address=Limit(max(1, args.clues_per_hour), 3600),
    )
    app = create_app(db, link, limits=limits, background=background, secure_cookies=secure)
    background.start()
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            ssl_certfile=args.tls_cert,
            ssl_keyfile=args.tls_key,
            proxy_headers=bool(args.forwarded_allow_ips),
            forwarded_allow_ips=args.forwarded_allow_ips or None,
            server_header=False,
            log_level="info",
            access_log=False,
        )
    finally:
        background.stop()
        db.close()
    return 0


def _token(args: argparse.Namespace) -> str:
    if args.token:
        return str(args.token).strip()
    if args.token_file:
        return Path(args.token_file).read_text(encoding="utf-8").strip()
    return os.environ.get(TOKEN_ENV, "").strip()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
