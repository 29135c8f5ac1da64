"""The card service's pages: plain HTML and one stylesheet, no script, no external
asset, readable on a small phone and in WeChat's browser. Every value is escaped."""

from __future__ import annotations

import re
from html import escape
from typing import Any, Final

from broker_app.domain.arrears.clues import ClueStatus
from sync.cardlink import DESCRIPTION_MAX, NAME_MAX
from sync.cardservice.localdb import CardRow
from sync.cardservice.lookup import CardView, Verdict

STYLESHEET: Final = """
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;
color:#1b1b1b;background:#f3f4f6}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:.2rem 0 1rem}
h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
.verdict{padding:.9rem 1rem;border-radius:.5rem;font-weight:600;margin-bottom:1rem}
.genuine{background:#e5f5e9;color:#0f5a23;border:2px solid #2e8b47}
.revoked,.unknown{background:#fdecec;color:#8a1414;border:2px solid #c62828}
.expired{background:#fff4e0;color:#7a4a00;border:2px solid #d08a00}
dl{margin:0;background:#fff;border-radius:.5rem;padding:.6rem 1rem}
dt{color:#555;font-size:.85rem;margin-top:.4rem}
dd{margin:0 0 .2rem}
a.tel{display:block;background:#fff;border-radius:.5rem;padding:.7rem 1rem;margin:.4rem 0;
color:#0b57d0;text-decoration:none;font-weight:600}
.button{display:block;width:100%;text-align:center;padding:.9rem;margin:.6rem 0;
border-radius:.5rem;font-size:1.05rem;font-weight:700;text-decoration:none;border:0}
.primary{background:#c62828;color:#fff}
.secondary{background:#fff;color:#0b57d0;border:2px solid #0b57d0}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input,textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #999;border-radius:.4rem;
background:#fff}
textarea{min-height:7rem}
.error{background:#fdecec;color:#8a1414;padding:.7rem 1rem;border-radius:.5rem}
.code{font:700 1.6rem/1.4 ui-monospace,monospace;letter-spacing:.12em;background:#fff;
padding:.7rem 1rem;border-radius:.5rem;text-align:center}
.note{color:#555;font-size:.9rem}
ol.steps{background:#fff;border-radius:.5rem;padding:.6rem 1rem .6rem 2.2rem}
"""

_VERDICT_TITLE = {
    Verdict.GENUINE: "✔ 真实有效",
    Verdict.REVOKED: "✖ 此卡已作废",
    Verdict.EXPIRED: "⚠ 此卡已过期",
    Verdict.UNKNOWN: "✖ 无法核验",
}
_DIAL = re.compile(r"[^0-9+]")


def layout(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/site.css"></head>'
        f"<body><main>{body}</main></body></html>"
    )


def tel(label: str, phone: str | None) -> str:
    if not phone:
        return ""
    dial = _DIAL.sub("", phone)
    return f'<a class="tel" href="tel:{escape(dial)}">📞 {escape(label)}：{escape(phone)}</a>'


def _facts(rows: list[tuple[str, Any]]) -> str:
    shown = [(k, v) for k, v in rows if v not in (None, "")]
    if not shown:
        return ""
    return (
        "<dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in shown)
        + "</dl>"
    )


def project_block(project: dict[str, Any]) -> str:
    pay_day = project.get("pay_day")
    min_wage = project.get("min_wage")
    facts = _facts(
        [
            ("项目名称", project.get("name")),
            ("项目地址", project.get("address")),
            ("施工总承包单位", project.get("general_contractor")),
            ("劳务分包单位", project.get("subcontractor")),
            ("劳资专管员", project.get("labor_officer_name")),
            ("工资发放日", f"每月 {pay_day} 日" if pay_day else None),
            ("最低工资标准", f"{min_wage} 元/月" if min_wage else None),
        ]
    )
    phones = tel("劳资专管员电话", project.get("labor_officer_phone"))
    phones += "".join(tel(p["label"], p["phone"]) for p in project.get("complaint_phones", []))
    phones += tel("人社服务热线", "12333")
    return f"<h2>项目信息</h2>{facts}<h2>一键拨打</h2>{phones}"


def card_page(view: CardView, report_href: str) -> str:
    verdict = view.verdict
    body = (
        f'<h1>安全帽维权联系卡</h1><div class="verdict {verdict.value}">'
        f"{_VERDICT_TITLE[verdict]}<br>{escape(view.message)}</div>"
    )
    if view.card is not None:
        body += "<h2>持卡人</h2>" + _card_facts(view.card)
    if view.project is not None:
        body += project_block(view.project)
    else:
        body += "<h2>一键拨打</h2>"
        if view.card_phone and view.card_phone != "12333":
            body += tel("卡上投诉电话", view.card_phone)
        body += tel("人社服务热线", "12333")
    if view.can_complain:
        body += f'<a class="button primary" href="{escape(report_href)}">我要反映欠薪</a>'
    body += '<a class="button secondary" href="/q">查询进度</a>'
    return layout("维权联系卡核验", body)


def _card_facts(card: CardRow) -> str:
    return _facts(
        [
            ("姓名", card.worker_name),
            ("身份证号", card.masked_id),
            ("卡号", card.serial),
            ("有效期", f"{card.issue_date} 至 {card.expiry_date}"),
        ]
    )


def project_page(project: dict[str, Any], report_href: str) -> str:
    body = f"<h1>{escape(str(project.get('name') or '项目'))}</h1>"
    body += project_block(project)
    body += f'<a class="button primary" href="{escape(report_href)}">我要反映欠薪</a>'
    body += '<a class="button secondary" href="/q">查询进度</a>'
    return layout("项目维权信息", body)


def report_form(
    project_name: str, action: str, form_token: str, values: dict[str, str], error: str = ""
) -> str:
    def value(name: str) -> str:
        return escape(values.get(name, ""))

    body = f"<h1>反映欠薪</h1><p>项目：{escape(project_name)}</p>"
    if error:
        body += f'<p class="error" role="alert">{escape(error)}</p>'
    body += (
        f'<form method="post" action="{escape(action)}">'
        f'<input type="hidden" name="form_token" value="{escape(form_token)}">'
        '<label for="phone">联系电话（必填）</label>'
        f'<input id="phone" name="phone" type="tel" inputmode="tel" maxlength="32" required '
        f'value="{value("phone")}">'
        '<label for="name">姓名（可不填）</label>'
        f'<input id="name" name="name" maxlength="{NAME_MAX}" value="{value("name")}">'
        '<label for="amount">被欠工资（元，可不填）</label>'
        f'<input id="amount" name="amount" inputmode="numeric" maxlength="12" '
        f'value="{value("amount")}">'
        '<label for="months">被欠几个月（可不填）</label>'
        f'<input id="months" name="months" inputmode="numeric" maxlength="3" '
        f'value="{value("months")}">'
        '<label for="description">情况说明（可不填）</label>'
        f'<textarea id="description" name="description" maxlength="{DESCRIPTION_MAX}">'
        f"{value('description')}</textarea>"
        '<button class="button primary" type="submit">提交</button></form>'
        '<p class="note">您填写的电话只用于工作人员回访，不会公开。</p>'
    )
    return layout("反映欠薪", body)


def received_page(query_code: str, forwarded: bool) -> str:
    state = "已送达驿站。" if forwarded else "已保存，将尽快转送驿站。"
    body = (
        "<h1>已收到您的反映</h1>"
        f"<p>{state}请记下查询码，凭它查询办理进度：</p>"
        f'<p class="code" id="query-code">{escape(query_code)}</p>'
        '<a class="button secondary" href="/q">查询进度</a>'
    )
    return layout("已收到", body)


def query_form(error: str = "", code: str = "") -> str:
    body = "<h1>查询办理进度</h1>"
    if error:
        body += f'<p class="error" role="alert">{escape(error)}</p>'
    body += (
        '<form method="post" action="/q"><label for="code">查询码</label>'
        f'<input id="code" name="code" maxlength="20" autocomplete="off" value="{escape(code)}">'
        '<button class="button primary" type="submit">查询</button></form>'
    )
    return layout("查询进度", body)


def progress_page(code: str, found: dict[str, Any]) -> str:
    status = ClueStatus.from_value(str(found.get("status") or ""))
    label = status.label if status is not None else "处理中"
    steps = [
        ("已接收", found.get("received_on")),
        ("已受理", found.get("accepted_on")),
        ("已办结" if status is not ClueStatus.REJECTED else "不予受理", found.get("closed_on")),
    ]
    items = "".join(f"<li>{escape(name)}：{escape(str(day))}</li>" for name, day in steps if day)
    note = str(found.get("public_note") or "")
    body = (
        f"<h1>办理进度</h1><p>查询码 {escape(code)}</p>"
        f'<div class="verdict genuine" id="status">{escape(label)}</div>'
        f'<ol class="steps">{items}</ol>'
    )
    if note:
        body += f'<h2>办理说明</h2><p id="public-note">{escape(note)}</p>'
    body += '<a class="button secondary" href="/q">查询其他</a>'
    return layout("办理进度", body)


def pending_page(code: str) -> str:
    body = (
        f"<h1>办理进度</h1><p>查询码 {escape(code)}</p>"
        '<div class="verdict expired" id="status">已接收（正在转送驿站）</div>'
    )
    return layout("办理进度", body)


def message_page(title: str, message: str) -> str:
    return layout(
        title,
        f'<h1>{escape(title)}</h1><p class="error" role="alert">{escape(message)}</p>'
        '<a class="button secondary" href="/">返回</a>',
    )


def home_page() -> str:
    body = (
        "<h1>扫码维权</h1><p>请用手机扫描安全帽上维权联系卡的二维码，核验卡片并反映欠薪。</p>"
        + tel("人社服务热线", "12333")
        + '<a class="button secondary" href="/q">查询进度</a>'
    )
    return layout("扫码维权", body)
