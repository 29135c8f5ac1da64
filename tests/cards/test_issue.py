"""Issuing: one active card per worker and project, reissue revokes, serials climb."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from broker_app.domain.projects.cards import CardTermsError, default_expiry
from broker_app.domain.rights_card import unverified_facts
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.progress import Cancelled, CancelToken
from broker_app.services.projects.records import ProjectService
from broker_app.services.sync.replica import StoreReplica
from broker_app.store.models.card import RightsCard
from broker_app.store.models.local import OutboxEntry

from .conftest import HRSS_PHONE, ISSUE_DAY, PROJECT_END, Site, project_input


def test_issue_signs_one_card_per_worker(issued: Site) -> None:
    rows = issued.cards.cards(project_id=issued.project_id, today=ISSUE_DAY)
    assert len(rows) == 12
    assert sorted(r.serial for r in rows) == list(range(1, 13))
    assert {r.expiry_date for r in rows} == {PROJECT_END}
    assert not any(r.revoked or r.expired or r.out_of_date for r in rows)
    with issued.store.read() as session:
        card = session.scalars(select(RightsCard)).first()
        assert card is not None
        facts = unverified_facts(card.qr_text)
    assert facts.complaint_phone == HRSS_PHONE
    assert facts.masked_id.count("*") == 8
    assert facts.key_id.hex().upper() == card.key_id


def test_issue_writes_through_the_outbox(issued: Site) -> None:
    with issued.store.read() as session:
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_type == "card")
        ).all()
    assert len(entries) == 12 and {e.op for e in entries} == {"create"}
    # What the push sends carries the signed QR text (read from the card when sent).
    sent = [m for m in StoreReplica(issued.store).pending(100) if m["record_type"] == "card"]
    assert len(sent) == 12 and all(m["fields"]["qr_text"].startswith("WQ1:") for m in sent)


def test_issuing_again_keeps_current_cards(issued: Site) -> None:
    report = issued.cards.issue(issued.project_id, issued.worker_ids, today=ISSUE_DAY)
    assert report.issued == [] and len(report.kept) == 12


def test_reissue_revokes_the_old_card(issued: Site) -> None:
    worker = issued.worker_ids[0]
    report = issued.cards.issue(issued.project_id, [worker], reissue=True, today=ISSUE_DAY)
    assert len(report.issued) == 1 and len(report.replaced) == 1
    rows = issued.cards.cards(worker_ids=[worker], include_revoked=True, today=ISSUE_DAY)
    assert [(r.serial, r.revoked) for r in rows] == [(13, False), (1, True)]


def test_worker_may_hold_cards_of_several_projects(issued: Site) -> None:
    other = ProjectService(issued.store).create(project_input(name="唐村镇农村道路提升改造工程"))
    worker = issued.worker_ids[0]
    issued.cards.issue(other.record_ids[0], [worker], today=ISSUE_DAY)
    rows = issued.cards.cards(worker_ids=[worker], today=ISSUE_DAY)
    assert {r.project_id for r in rows} == {issued.project_id, other.record_ids[0]}


def test_expired_and_out_of_date_cards_are_replaced(issued: Site) -> None:
    later = PROJECT_END + timedelta(days=1)
    ProjectService(issued.store).edit(issued.project_id, {"end_date": "2028-12-31"})
    report = issued.cards.issue(issued.project_id, issued.worker_ids[:2], today=later)
    assert len(report.replaced) == 2  # expired
    ProjectService(issued.store).edit(issued.project_id, {"general_contractor": "中建八局"})
    rows = issued.cards.cards(project_id=issued.project_id, today=later)
    assert all(r.out_of_date for r in rows)
    report = issued.cards.issue(issued.project_id, issued.worker_ids, today=later)
    assert len(report.replaced) == 12 and report.kept == []
    facts = [unverified_facts(t) for t in _texts(issued)]
    assert {f.contractor for f in facts} == {"中建八局"}


def test_serials_never_repeat_after_revocation(issued: Site) -> None:
    for row in issued.cards.cards(project_id=issued.project_id):
        issued.cards.revoke(row.id)
    report = issued.cards.issue(issued.project_id, issued.worker_ids[:3], today=ISSUE_DAY)
    rows = issued.cards.cards(project_id=issued.project_id)
    assert len(report.issued) == 3 and min(r.serial for r in rows) == 13


def test_unknown_and_archived_workers_are_skipped(site: Site) -> None:
    report = site.cards.issue(site.project_id, [site.worker_ids[0], "nobody"], today=ISSUE_DAY)
    assert len(report.issued) == 1 and list(report.skipped) == ["nobody"]


def test_ended_project_gets_no_new_cards(site: Site) -> None:
    with pytest.raises(CardTermsError):
        site.cards.issue(site.project_id, site.worker_ids, today=PROJECT_END + timedelta(1))


def test_default_expiry_without_end_date_is_one_year() -> None:
    assert default_expiry(date(2026, 3, 1), None) == date(2027, 2, 28)
    assert default_expiry(date(2024, 2, 29), None) == date(2025, 2, 28)


def test_cancel_writes_nothing(site: Site) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        site.cards.issue(site.project_id, site.worker_ids, today=ISSUE_DAY, cancel=token)
    assert site.cards.cards(project_id=site.project_id) == []


def _texts(site: Site) -> list[str]:
    with site.store.read() as session:
        stmt = select(RightsCard.qr_text).where(RightsCard.revoked.is_(False))
        return list(session.scalars(stmt))


def test_printing_an_ended_project_reprints_its_cards_with_a_warning(issued: Site) -> None:
    after = PROJECT_END + timedelta(days=1)
    plan = CardPrintService(issued.store).prepare(
        CardSelection(project_id=issued.project_id), today=after
    )
    assert len(plan.faces) == 12 and plan.report.issued == []
    assert plan.warnings == ["该项目已于 2027-06-30 竣工，不能再发新卡"]
