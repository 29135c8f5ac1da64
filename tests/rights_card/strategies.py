"""Hypothesis strategies and sample data for rights-card tests."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from broker_app.domain.rights_card import CardFacts

KEY_ID = b"\x01\x02\x03\x04"
ISSUED = date(2026, 3, 1)

# Common CJK (2 bytes in GB18030) plus rare ones (4 bytes) and ASCII.
common_hanzi = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
any_text_char = st.characters(exclude_categories=["Cs"])  # no lone surrogates
chinese_text = st.text(common_hanzi, max_size=40)
long_chinese_text = st.text(common_hanzi, min_size=20, max_size=60)
hostile_text = st.text(any_text_char, max_size=60)


@st.composite
def masked_ids(draw: st.DrawFn) -> str:
    prefix = draw(st.integers(0, 999_999))
    digits = draw(st.integers(0, 999))
    check = draw(st.sampled_from("0123456789X"))
    return f"{prefix:06d}********{digits:03d}{check}"


phones = st.from_regex(r"\A[0-9][0-9-]{1,18}[0-9]\Z")


@st.composite
def card_facts(
    draw: st.DrawFn,
    names: st.SearchStrategy[str] = chinese_text,
    places: st.SearchStrategy[str] = chinese_text,
    key_id: bytes = KEY_ID,
) -> CardFacts:
    issue = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2099, 12, 31)))
    valid_days = draw(st.integers(0, 4000))
    return CardFacts(
        serial=draw(st.integers(0, 2**32 - 1)),
        worker_name=draw(names.filter(bool)),
        masked_id=draw(masked_ids()),
        project_name=draw(places),
        contractor=draw(places),
        complaint_phone=draw(phones),
        issue_date=issue,
        expiry_date=issue + timedelta(days=valid_days),
        key_id=key_id,
    )


def sample_facts(key_id: bytes = KEY_ID, **changes: object) -> CardFacts:
    """A realistic card; keyword arguments override fields."""
    fields: dict[str, object] = {
        "serial": 1234,
        "worker_name": "张伟",
        "masked_id": "370883********123X",
        "project_name": "邹城市中心店镇棚户区改造安置房项目",
        "contractor": "山东邹城建工集团有限公司",
        "complaint_phone": "0537-5212345",
        "issue_date": ISSUED,
        "expiry_date": date(2027, 2, 28),
        "key_id": key_id,
    }
    fields.update(changes)
    return CardFacts(**fields)  # type: ignore[arg-type]


# The brief's worst case: a 4-character name, 30-character project and contractor
# names of characters no dictionary helps with, the largest serial and a long phone.
WORST_NAME = "欧阳明轩"
WORST_PROJECT = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒"
WORST_CONTRACTOR = "日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结"


def worst_case_facts(key_id: bytes = KEY_ID) -> CardFacts:
    return sample_facts(
        key_id,
        serial=2**32 - 1,
        worker_name=WORST_NAME,
        project_name=WORST_PROJECT,
        contractor=WORST_CONTRACTOR,
        complaint_phone="0537-52123456-8001",
        issue_date=date(2099, 1, 1),
        expiry_date=date(2109, 1, 1),
    )
