"""Rights-card QR: payload sizes, QR versions and matrix time per code.

Run from the repository root: ``python benchmarks/card_qr.py [count]``.
Compares, on the same signed card texts in the same run:
  qrcode default   qrcode's make(): encoding plus its pure-Python search of all 8 masks
  qrcode mask=0    qrcode with one fixed mask (no search), the cheapest qrcode can do
  qr_matrix        our encoder: qrcode's encoding, our integer/string mask search
  qr_matrix+raster the same plus a 4 px grayscale raster with quiet zone ("drawing")
  printed URL      the URL form a card prints with a public address (scan_text)
  printed text     the readable-text form a card prints without one
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_Q

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from broker_app.domain.rights_card import (
    CardFacts,
    KeyRing,
    facts_in_qr,
    generate_key_pair,
    grayscale_raster,
    key_id_for,
    qr_matrix,
    sign_card,
    verify_card,
)
from broker_app.domain.rights_card.payload import (
    HEADER_LENGTH,
    SIGNATURE_LENGTH,
    encode_content,
)
from broker_app.domain.rights_card.qr_layout import layout_for
from broker_app.domain.rights_card.scan_text import card_scan_text, signed_bytes

# (worker, project, general contractor): names shaped like real Zoucheng sites.
TYPICAL = [
    ("张伟", "邹城市中心店镇棚户区改造安置房项目", "山东邹城建工集团有限公司"),
    ("李秀英", "邹城市人民医院新院区建设项目", "中建八局第一建设有限公司"),
    ("王建国", "北宿镇幸福家园社区二期工程", "济宁市市政工程有限公司"),
    ("刘洋", "邹城市第二实验小学教学楼新建工程", "邹城市城市资产经营集团有限公司"),
    ("陈静", "唐村镇农村道路提升改造工程", "山东华邦建设集团有限公司"),
    ("孟祥瑞", "兖矿济宁化工装备有限公司厂区改造", "济南四建（集团）有限责任公司"),
    ("赵磊", "孟子湖新区金融中心B座", "山东天齐置业集团股份有限公司"),
    ("孔令华", "邹城市太平镇污水处理厂扩建工程", "中国水利水电第十三工程局有限公司"),
]
WORST = (
    "欧阳明轩",
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒",
    "日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结",
)


def facts_for(names: tuple[str, str, str], key_id: bytes, serial: int = 4821) -> CardFacts:
    worker, project, contractor = names
    return CardFacts(
        serial=serial,
        worker_name=worker,
        masked_id="370883********123X",
        project_name=project,
        contractor=contractor,
        complaint_phone="0537-5212345",
        issue_date=date(2026, 3, 1),
        expiry_date=date(2027, 2, 28),
        key_id=key_id,
    )


def size_table(private_key: bytes, key_id: bytes) -> list[str]:
    rows = [
        f"{'case':<12}{'payload':>8}{'signed':>8}{'chars':>7}{'ver':>5}{'deflate':>9}"
        f"  in the QR (project / contractor)"
    ]
    cases = [(f"typical {i + 1}", names, 4821) for i, names in enumerate(TYPICAL)]
    cases.append(("worst", WORST, 2**32 - 1))
    for label, names, serial in cases:
        facts = facts_for(names, key_id, serial)
        content = encode_content(facts)
        text = sign_card(facts, private_key)
        carried = facts_in_qr(facts)
        rows.append(
            f"{label:<12}{len(content) - HEADER_LENGTH:>8}{len(content) + SIGNATURE_LENGTH:>8}"
            f"{len(text):>7}{qr_matrix(text).version:>5}{'yes' if content[0] & 1 else 'no':>9}"
            f"  {carried.project_name} / {carried.contractor}"
        )
    return rows


def random_cards(count: int, private_key: bytes, public_key: bytes) -> list[str]:
    """Signed texts over the sample names with varied serials and dates, each verified."""
    rng = random.Random(1)
    ring = KeyRing()
    key_id = ring.trust(public_key, certified=True)
    texts = []
    for serial in range(count):
        issued = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
        facts = replace(
            facts_for(rng.choice([*TYPICAL, WORST]), key_id, serial * 97),
            issue_date=issued,
            expiry_date=issued + timedelta(days=rng.randint(0, 730)),
        )
        text = sign_card(facts, private_key)
        assert verify_card(text, ring, issued).ok
        texts.append(text)
    return texts


_BASE = "https://wq.zcrs.gov.cn"
_PHONES = ["0537-5212345", "0537-5213456", "12333"]


def qrcode_make(text: str, mask: int | None) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=mask)
    code.add_data(util.QRData(text.encode("ascii"), mode=util.MODE_ALPHA_NUM))
    code.make()
    return code


def time_per_code(texts: list[str], encode: Callable[[str], object]) -> list[float]:
    durations = []
    for text in texts:
        start = time.perf_counter()
        encode(text)
        durations.append(time.perf_counter() - start)
    return durations


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    private_key, public_key = generate_key_pair()
    key_id = key_id_for(public_key)
    print("\n".join(size_table(private_key, key_id)))

    texts = random_cards(count, private_key, public_key)
    for text in texts[:20]:  # the fast search must pick exactly what qrcode picks
        expected = tuple(bytes(map(bool, row)) for row in qrcode_make(text, None).modules)
        assert qr_matrix(text).modules == expected

    start = time.perf_counter()
    layout_for.cache_clear()
    for version in range(1, 11):
        layout_for(version)
    layout_ms = (time.perf_counter() - start) * 1000

    contenders: list[tuple[str, Callable[[str], object]]] = [
        ("qrcode default", lambda text: qrcode_make(text, None)),
        ("qrcode mask=0", lambda text: qrcode_make(text, 0)),
        ("qr_matrix", qr_matrix),
        ("qr_matrix+raster", lambda text: grayscale_raster(qr_matrix(text))),
        # The forms printed since issue 20 (scan_text), from the same signed bytes.
        ("printed URL", lambda text: card_scan_text(signed_bytes(text), _BASE, []).symbol()),
        ("printed text", lambda text: card_scan_text(signed_bytes(text), "", _PHONES).symbol()),
    ]
    results = {name: time_per_code(texts, encode) for name, encode in contenders}
    baseline = statistics.median(results["qrcode default"])
    print(f"\n{count} signed cards, QR text {min(map(len, texts))}-{max(map(len, texts))} chars")
    print(f"{'encoder':<18}{'median ms':>10}{'p95 ms':>9}{'total s':>9}{'vs qrcode':>11}")
    for name, durations in results.items():
        median = statistics.median(durations)
        p95 = sorted(durations)[int(0.95 * len(durations))]
        print(
            f"{name:<18}{median * 1000:>10.2f}{p95 * 1000:>9.2f}{sum(durations):>9.2f}"
            f"{median / baseline:>10.2f}x"
        )
    print(f"one-off layout tables for versions 1-10: {layout_ms:.0f} ms")


if __name__ == "__main__":
    main()
