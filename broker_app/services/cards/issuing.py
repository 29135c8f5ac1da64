"""维权联系卡 use cases: issue, reissue, revoke, list and verify.

A worker holds at most one active card per project (several projects, several
cards). Issuing for a worker who already has a current card keeps it; a card that
has expired, whose key was revoked or whose signed facts no longer match the worker
and project (say the contractor changed) is replaced: the new card is signed and
stored, the old one is revoked, in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.errors import UserError
from broker_app.domain.projects.cards import (
    CardTermsError,
    build_card_facts,
    default_expiry,
    signed_complaint_phone,
    signed_texts_current,
)
from broker_app.domain.rights_card import (
    CardFacts,
    VerificationResult,
    sign_card,
    unverified_facts,
    verify_card,
)
from broker_app.services.cards.keys import (
    StationKey,
    build_keyring,
    ensure_station_key,
    reserve_serials,
    revoked_key_ids,
)
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.services.projects.records import get_project
from broker_app.store.models.card import Project, RightsCard
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import cards as card_repo
from broker_app.store.repositories import projects as project_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.repositories.records import by_id
from broker_app.store.secrets import SecretStore
from broker_app.store.store import Store
from broker_app.store.writer import RecordWriter

log = logging.getLogger(__name__)


class CardNotFound(UserError, LookupError):
    def __init__(self, card_id: str) -> None:
        super().__init__(f"找不到该维权卡（{card_id}）", f"no rights card {card_id}")


@dataclass(frozen=True)
class CardRow:
    """One card as the card list shows it."""

    id: str
    serial: int
    key_id: str
    worker_id: str
    worker_name: str
    masked_id: str
    project_id: str
    project_name: str
    issue_date: date
    expiry_date: date
    revoked: bool
    expired: bool
    #: The signed facts differ from today's worker and project: reissue to fix.
    out_of_date: bool


@dataclass
class IssueReport:
    issued: list[str] = field(default_factory=list)  # new card ids
    kept: list[str] = field(default_factory=list)  # current cards left as they were
    replaced: list[str] = field(default_factory=list)  # old cards revoked by a new one
    skipped: dict[str, str] = field(default_factory=dict)  # worker id -> reason (Chinese)

    @property
    def change(self) -> Change:
        ids = (*self.issued, *self.replaced)
        return Change(RecordKind.CARD, Op.CREATE if self.issued else Op.UPDATE, ids)


class CardService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def cards(
        self,
        *,
        project_id: str | None = None,
        worker_ids: Sequence[str] | None = None,
        include_revoked: bool = False,
        today: date | None = None,
    ) -> list[CardRow]:
        """Cards of a project and/or of some workers, newest first."""
        today = today or date.today()
        with self.store.read() as session:
            cards = card_repo.listed(session, project_id, worker_ids, include_revoked)
            workers = worker_repo.by_ids(session, {c.worker_id for c in cards})
            projects = project_repo.by_ids(session, {c.project_id for c in cards})
            revoked_keys = {k.hex().upper() for k in revoked_key_ids(session)}
            rows = []
            for card in cards:
                worker, project = workers.get(card.worker_id), projects.get(card.project_id)
                facts = _stored_facts(card)
                rows.append(
                    CardRow(
                        id=card.id,
                        serial=card.serial,
                        key_id=card.key_id,
                        worker_id=card.worker_id,
                        worker_name=worker.name if worker else "",
                        masked_id=facts.masked_id if facts else "",
                        project_id=card.project_id,
                        project_name=project.name if project else "",
                        issue_date=card.issue_date,
                        expiry_date=card.expiry_date,
                        revoked=card.revoked or card.key_id in revoked_keys,
                        expired=card.expiry_date < today,
                        out_of_date=not _current(card, facts, worker, project),
                    )
                )
            return rows

    def holders(self, project_id: str) -> list[str]:
        """Workers holding an active card for the project, in issue order."""
        with self.store.read() as session:
            return card_repo.holders(session, project_id)

    def verify(self, text: str, today: date | None = None) -> VerificationResult:
        """Check a scanned card text against this station's key ring."""
        with self.store.read() as session:
            ring = build_keyring(session)
        return verify_card(text, ring, today or date.today())

    # -- writes ------------------------------------------------------------------
    def issue(
        self,
        project_id: str,
        worker_ids: Iterable[str],
        *,
        reissue: bool = False,
        today: date | None = None,
        expiry: date | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> IssueReport:
        """Give each worker a current card for the project (see the module docstring).

        ``reissue`` replaces current cards too (a lost card). ``expiry`` overrides the
        default (the project's end date, else one year). All or nothing: a cancel
        writes no card.
        """
        with self.store.write() as session:
            report = issue_cards(
                RecordWriter(session, self.store.clock),
                project_id,
                worker_ids,
                secrets=self.store.secrets,
                reissue=reissue,
                today=today or date.today(),
                expiry=expiry,
                progress=progress,
                cancel=cancel,
            )
        log.info(
            "cards for project %s: %d issued, %d kept, %d replaced, %d skipped",
            project_id,
            len(report.issued),
            len(report.kept),
            len(report.replaced),
            len(report.skipped),
        )
        progress(1.0, "完成")
        return report

    def revoke(self, card_id: str) -> Change:
        """Declare a card void; verifiers learn of it by sync."""
        with self.store.write() as session:
            card = by_id(session, RightsCard, card_id)
            if card is None:
                raise CardNotFound(card_id)
            changed = RecordWriter(session, self.store.clock).update(card, {"revoked": True})
        log.info("revoked card %s", card_id)
        return Change(RecordKind.CARD, Op.UPDATE, (card_id,), frozenset(changed))

    def find_by_serial(self, serial: int, key_id_hex: str | None = None) -> list[str]:
        """Ids of the cards with this serial (of one key when given), newest first."""
        with self.store.read() as session:
            return card_repo.ids_by_serial(session, serial, key_id_hex)


def issue_cards(
    writer: RecordWriter,
    project_id: str,
    worker_ids: Iterable[str],
    *,
    secrets: SecretStore,
    today: date,
    reissue: bool = False,
    expiry: date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> IssueReport:
    """CardService.issue inside the caller's transaction (demo data uses it too)."""
    session = writer.session
    wanted = list(dict.fromkeys(worker_ids))
    report = IssueReport()
    project = get_project(session, project_id)
    if project.archived:
        raise CardTermsError("该项目已归档，不能发卡", "project is archived")
    card_expiry = expiry or default_expiry(today, project.end_date)
    if card_expiry < today:
        raise CardTermsError("有效期不能早于发卡日期", "expiry before issue date")
    key = ensure_station_key(session, secrets, today)
    revoked_keys = {k.hex().upper() for k in revoked_key_ids(session)}
    workers = worker_repo.by_ids(session, wanted)
    held = card_repo.newest_active_by_worker(session, project_id, wanted)
    to_sign: list[Worker] = []
    for worker_id in wanted:
        worker = workers.get(worker_id)
        if worker is None or worker.archived:
            report.skipped[worker_id] = "找不到该劳动力，或已归档"
            continue
        old = held.get(worker_id)
        if (
            old is not None
            and not reissue
            and not _needs_new(old, worker, project, today, revoked_keys)
        ):
            report.kept.append(old.id)
            continue
        if old is not None:
            writer.update(old, {"revoked": True})
            report.replaced.append(old.id)
        to_sign.append(worker)
    serials = reserve_serials(session, len(to_sign))
    new_rows: list[dict[str, Any]] = []
    for n, (worker, serial) in enumerate(zip(to_sign, serials, strict=True)):
        if n % 50 == 0:
            if cancel is not None:
                cancel.check()
            progress(0.9 * n / len(to_sign), "签发维权卡")
        new_rows.append(_new_card(key, worker, project, serial, today, card_expiry))
    report.issued = writer.bulk_create(RightsCard, new_rows)
    return report


def _new_card(
    key: StationKey, worker: Worker, project: Project, serial: int, today: date, expiry: date
) -> dict[str, Any]:
    facts = _facts(worker, project, serial, today, expiry, key.key_id)
    return {
        "worker_id": worker.id,
        "project_id": project.id,
        "org_code": worker.org_code,
        "serial": facts.serial,
        "issue_date": today,
        "expiry_date": expiry,
        "key_id": key.key_id_hex,
        "qr_text": sign_card(facts, key.private_key),
        "revoked": False,
    }


def _facts(
    worker: Worker, project: Project, serial: int, issue: date, expiry: date, key_id: bytes
) -> CardFacts:
    return build_card_facts(
        serial=serial,
        worker_name=worker.name,
        id_number=worker.id_number,
        project_name=project.name,
        contractor=project.general_contractor,
        complaint_phone=signed_complaint_phone(
            project.complaint_phone_hrss, project.complaint_phone_national
        ),
        issue_date=issue,
        expiry_date=expiry,
        key_id=key_id,
    )


def _needs_new(
    card: RightsCard, worker: Worker, project: Project, today: date, revoked_keys: set[str]
) -> bool:
    if card.expiry_date < today or card.key_id in revoked_keys:
        return True
    return not _current(card, _stored_facts(card), worker, project)


def _current(
    card: RightsCard, facts: CardFacts | None, worker: Worker | None, project: Project | None
) -> bool:
    if facts is None or worker is None or project is None:
        return False
    try:
        expected = _facts(
            worker, project, card.serial, card.issue_date, card.expiry_date, facts.key_id
        )
    except ValueError:
        return False
    return signed_texts_current(facts, expected)


def _stored_facts(card: RightsCard) -> CardFacts | None:
    try:
        return unverified_facts(card.qr_text)
    except ValueError:
        return None
