"""A verification result as the lines a person reads (command line and dialog alike):
the card's facts, then one verdict each for the signature, the key and the dates."""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.domain.rights_card import VerificationResult, VerifyReason

#: Exit codes of ``verify-card``: 0 only for a valid card, one code per reason.
EXIT_CODES = {
    VerifyReason.OK: 0,
    VerifyReason.MALFORMED: 3,
    VerifyReason.UNKNOWN_KEY: 4,
    VerifyReason.BAD_SIGNATURE: 5,
    VerifyReason.REVOKED_KEY: 6,
    VerifyReason.REVOKED_CARD: 7,
    VerifyReason.EXPIRED: 8,
    VerifyReason.NOT_YET_VALID: 9,
}

#: The verdict word when it is not 有效 or 无效.
HEADLINES = {
    VerifyReason.UNKNOWN_KEY: "无法核验",
    VerifyReason.EXPIRED: "已过期",
    VerifyReason.REVOKED_CARD: "已作废",
    VerifyReason.REVOKED_KEY: "不可信（密钥已吊销）",
    VerifyReason.BAD_SIGNATURE: "无效",
    VerifyReason.NOT_YET_VALID: "尚未生效",
}
_SIGNATURE = {
    VerifyReason.MALFORMED: "无法读取",
    VerifyReason.UNKNOWN_KEY: "无法核验（密钥未知）",
    VerifyReason.REVOKED_KEY: "未核验（密钥已吊销）",
    VerifyReason.BAD_SIGNATURE: "无效：内容被改动或伪造",
}
_KEY = {
    VerifyReason.MALFORMED: "—",
    VerifyReason.UNKNOWN_KEY: "本机尚未收到（同步后再试）",
    VerifyReason.REVOKED_KEY: "已吊销",
}
_DATES = {
    VerifyReason.EXPIRED: "已过期",
    VerifyReason.NOT_YET_VALID: "尚未生效",
}


@dataclass(frozen=True)
class VerificationReport:
    ok: bool
    headline: str
    message: str
    #: (label, value) pairs: the facts (when proven) then the three verdicts.
    lines: tuple[tuple[str, str], ...]


def verification_report(result: VerificationResult, key_id_hex: str = "") -> VerificationReport:
    lines: list[tuple[str, str]] = []
    facts = result.facts
    if facts is not None:
        lines += [
            ("卡号", f"{facts.serial:06d}"),
            ("姓名", facts.worker_name),
            ("身份证号", facts.masked_id),
            ("项目", facts.project_name),
            ("总包单位", facts.contractor),
            ("维权电话", facts.complaint_phone),
            ("签发日期", facts.issue_date.isoformat()),
            ("有效期至", facts.expiry_date.isoformat()),
        ]
    if result.issuer:
        lines.append(("签发单位", f"由 {result.issuer} 签发"))
    if key_id_hex:
        lines.append(("签发密钥", key_id_hex))
    reason = result.reason
    trusted = (
        "可信（县人社局已认证）" if result.key_certified else "可信（本机信任，尚未经县人社局认证）"
    )
    lines.append(("签名", _SIGNATURE.get(reason, "有效")))
    lines.append(("密钥", _KEY.get(reason, trusted)))
    if facts is not None:
        revoked = reason is VerifyReason.REVOKED_CARD
        lines.append(("卡片", "已作废" if revoked else "未作废"))
        lines.append(("有效期", _DATES.get(reason, "在有效期内")))
    # A key this station has not received yet says nothing about the card: it may
    # well be genuine, so it is not called 无效.
    headline = "有效" if result.ok else HEADLINES.get(reason, "无效")
    return VerificationReport(result.ok, headline, result.message, tuple(lines))
