"""``settings show [--json]`` and ``settings set KEY VALUE``: the station's settings
(declared in ``services.settings.schema``, stored by ``storage``, read and shown as text
by ``text``) from the command line, checked like the settings dialog."""

from __future__ import annotations

import argparse
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.services.settings.text import as_json, as_texts, label_of, setting_names, with_text


def register(commands: Any) -> None:
    p = commands.add_parser("settings", help="查看或修改本驿站的设置")
    actions = p.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="列出全部设置")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(run=run_show)
    change = actions.add_parser(
        "set",
        help="修改一项设置（检查不通过时不保存）",
        epilog="可用的设置：" + "、".join(setting_names()),
    )
    change.add_argument("key", help="设置名，如 backup.keep_days")
    change.add_argument("value", help='新值；留空（""）表示不设或用默认值')
    change.set_defaults(run=run_set)


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    settings = load_settings(ctx.store)
    if args.json:
        ctx.say(as_json(settings))
        return 0
    for name, text in as_texts(settings).items():
        ctx.say(f"{name} = {text}\t# {label_of(name)}")
    return 0


def run_set(ctx: CliContext, args: argparse.Namespace) -> int:
    wanted = with_text(load_settings(ctx.store), args.key, args.value)
    stored = as_texts(save_settings(ctx.store, wanted))[args.key]
    ctx.say(f"已保存：{args.key} = {stored}（{label_of(args.key)}）")
    return 0
