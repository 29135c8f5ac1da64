"""Which cards a print job holds, issuing what is missing on the way.

A broker expects "print the cards of this project" to just work, so by default
(``CardSelection.issue``) a print job first makes every selected worker's card
current (CardService.issue: missing cards issued, expired or out-of-date ones
replaced) and then prints the active cards. With ``issue`` off it prints the active
cards as they are and lists who has none.

Selections:
- a project: every worker holding a card for it;
- a dispatch batch: its members, on the project given with it, else on the project
  the batch is linked to, else the one whose name is the batch's project text; with
  no such project, the members' active cards of any project are printed and nothing
  is issued;
- workers: those workers, on the project given with them, else all their active cards;
- card ids (a selection in the card list): exactly those cards, never issuing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.domain.common.errors import UserError
from broker_app.domain.projects.cards import CardTermsError
from broker_app.domain.rights_card import unverified_facts
from broker_app.domain.rights_card.scan_text import PUBLIC_BASE_URL_SETTING, check_base_url
from broker_app.services.cards.faces import CardFace, card_face
from broker_app.services.cards.issuing import CardService, IssueReport
from broker_app.services.cards.queries import CHUNK, projects_by_id, workers_by_id
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.services.projects.records import get_project
from broker_app.store.models.card import Project, RightsCard
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.repositories.station import get_setting
from broker_app.store.store import Store


class NothingToPrint(UserError):
    pass


class BatchNotFound(UserError, LookupError):
    def __init__(self, batch_id: str) -> None:
        super().__init__(f"找不到该劳务输出批次（{batch_id}）", f"no dispatch batch {batch_id}")


@dataclass(frozen=True)
class CardSelection:
    project_id: str | None = None
    batch_id: str | None = None
    worker_ids: tuple[str, ...] = ()
    card_ids: tuple[str, ...] = ()
    issue: bool = True


@dataclass
class PrintPlan:
    faces: list[CardFace] = field(default_factory=list)
    report: IssueReport = field(default_factory=IssueReport)
    #: Workers left without a card on the page, with the reason (Chinese).
    missing: dict[str, str] = field(default_factory=dict)
    #: Why nothing was issued although issuing was asked for (e.g. the project ended).
    warnings: list[str] = field(default_factory=list)
    #: Names of the workers in ``missing``, for saying who they are.
    names: dict[str, str] = field(default_factory=dict)
    #: The project cards were issued for (None: the selection named none).
    project_id: str | None = None


@dataclass(frozen=True)
class _Resolved:
    project_id: str | None
    worker_ids: list[str] | None  # None: every holder of a card for the project


class CardPrintService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.cards = CardService(store)

    def prepare(
        self,
        selection: CardSelection,
        *,
        today: date | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> PrintPlan:
        today = today or date.today()
        plan = PrintPlan()
        if selection.card_ids:
            with self.store.read() as session:
                plan.faces = _faces(session, _cards_by_id(session, selection.card_ids))
            return _checked(plan)
        with self.store.read() as session:
            target = _resolve(session, selection)
        plan.project_id = target.project_id
        if selection.issue and target.project_id is None:
            plan.warnings.append(
                "没有发新卡：该劳务输出批次的项目不是已登记的工程项目，"
                "只能打印成员已有的维权卡；请指定工程项目后再打印（缺卡的会先发卡）"
            )
        if selection.issue and target.project_id is not None:
            workers = target.worker_ids
            if workers is None:
                workers = self.cards.holders(target.project_id)
            try:
                plan.report = self.cards.issue(
                    target.project_id,
                    workers,
                    today=today,
                    progress=lambda f, m: progress(0.6 * f, m),
                    cancel=cancel,
                )
            except CardTermsError as err:
                # An ended project: its existing cards still print.
                plan.warnings.append(err.message)
            plan.missing.update(plan.report.skipped)
        progress(0.6, "读取维权卡")
        with self.store.read() as session:
            cards = _active(session, target)
            holders = {card.worker_id for card in cards}
            for worker_id in target.worker_ids or ():
                if worker_id not in holders and worker_id not in plan.missing:
                    plan.missing[worker_id] = "没有有效的维权卡"
            plan.faces = _faces(session, cards)
            found = workers_by_id(session, set(plan.missing))
            plan.names = {w: found[w].name for w in plan.missing if w in found}
        progress(1.0, "完成")
        return _checked(plan)


def _checked(plan: PrintPlan) -> PrintPlan:
    if not plan.faces and plan.warnings:
        raise NothingToPrint(plan.warnings[0], "nothing issued and no active cards")
    if not plan.faces:
        raise NothingToPrint(
            "没有可打印的维权卡：请先为劳动力发卡（选择工程项目和劳动力）",
            "no active cards in the selection",
        )
    return plan


def _resolve(session: Session, selection: CardSelection) -> _Resolved:
    project_id = selection.project_id
    if project_id is not None:
        get_project(session, project_id)  # raises ProjectNotFound
    workers: list[str] | None = None
    if selection.batch_id is not None:
        batch = _batch(session, selection.batch_id)
        workers = _members(session, batch.id)
        if project_id is None:
            # The project the broker linked; batches from before the link was chosen
            # are matched by their 项目 text.
            project_id = batch.project_id or _project_named(session, batch.project)
    if selection.worker_ids:
        workers = list(dict.fromkeys([*(workers or []), *selection.worker_ids]))
    if project_id is None and workers is None:
        raise NothingToPrint("请选择工程项目、劳务输出批次或劳动力", "empty selection")
    return _Resolved(project_id, workers)


@dataclass(frozen=True)
class BatchCards:
    """What printing a batch's cards would do, for the question asked first."""

    project_id: str | None
    project_name: str
    members: int
    #: Members without an active card for the project (all of them with no project).
    missing: int


def batch_cards(store: Store, batch_id: str) -> BatchCards:
    """The batch's project and how many of its members still need its card."""
    with store.read() as session:
        batch = _batch(session, batch_id)
        workers = _members(session, batch.id)
        project_id = batch.project_id or _project_named(session, batch.project)
        if project_id is None:
            return BatchCards(None, "", len(workers), len(workers))
        project = get_project(session, project_id)
        holders = set(
            session.scalars(
                select(RightsCard.worker_id).where(
                    RightsCard.project_id == project_id,
                    RightsCard.worker_id.in_(workers),
                    RightsCard.revoked.is_(False),
                    RightsCard.archived.is_(False),
                )
            )
        )
        missing = sum(1 for worker in workers if worker not in holders)
        return BatchCards(project_id, project.name, len(workers), missing)


def batch_worker_ids(store: Store, batch_id: str) -> list[str]:
    """The workers of a dispatch batch, in the order they were added."""
    with store.read() as session:
        return _members(session, _batch(session, batch_id).id)


def _batch(session: Session, batch_id: str) -> DispatchBatch:
    batch = session.scalar(select(DispatchBatch).where(DispatchBatch.id == batch_id))
    if batch is None:
        raise BatchNotFound(batch_id)
    return batch


def _members(session: Session, batch_id: str) -> list[str]:
    stmt = select(DispatchMember.worker_id).where(
        DispatchMember.batch_id == batch_id, DispatchMember.archived.is_(False)
    )
    return list(dict.fromkeys(session.scalars(stmt.order_by(DispatchMember.pk))))


def _project_named(session: Session, name: str) -> str | None:
    if not name.strip():
        return None
    stmt = select(Project.id).where(Project.name == name.strip(), Project.archived.is_(False))
    found = list(session.scalars(stmt.limit(2)))
    return found[0] if len(found) == 1 else None


def _active(session: Session, target: _Resolved) -> list[RightsCard]:
    """Active cards of the target, in worker order (given order, else by serial)."""
    base = select(RightsCard).where(RightsCard.revoked.is_(False), RightsCard.archived.is_(False))
    if target.project_id is not None:
        base = base.where(RightsCard.project_id == target.project_id)
    if target.worker_ids is None:
        return list(session.scalars(base.order_by(RightsCard.serial)))
    found: list[RightsCard] = []
    for start in range(0, len(target.worker_ids), CHUNK):
        chunk = target.worker_ids[start : start + CHUNK]
        found += session.scalars(base.where(RightsCard.worker_id.in_(chunk)))
    rank = {worker_id: n for n, worker_id in enumerate(target.worker_ids)}
    found.sort(key=lambda card: (rank[card.worker_id], card.serial))
    return found


def _cards_by_id(session: Session, card_ids: tuple[str, ...]) -> list[RightsCard]:
    base = select(RightsCard).where(RightsCard.revoked.is_(False), RightsCard.archived.is_(False))
    found: list[RightsCard] = []
    for start in range(0, len(card_ids), CHUNK):
        found += session.scalars(base.where(RightsCard.id.in_(card_ids[start : start + CHUNK])))
    rank = {card_id: n for n, card_id in enumerate(card_ids)}
    return sorted(found, key=lambda card: rank[card.id])


def _faces(session: Session, cards: list[RightsCard]) -> list[CardFace]:
    base_url = public_base_url(session)
    workers = workers_by_id(session, {card.worker_id for card in cards})
    projects = projects_by_id(session, {card.project_id for card in cards})
    faces = []
    for card in cards:
        worker, project = workers.get(card.worker_id), projects.get(card.project_id)
        if worker is None or project is None:
            continue
        try:
            facts = unverified_facts(card.qr_text)
        except ValueError:
            continue  # a broken stored card; the card list shows it as out of date
        faces.append(card_face(card, facts, worker, project, base_url))
    return faces


def public_base_url(session: Session) -> str:
    """The county's public card address from the settings ("" when none is set, or when
    a stored value is no longer acceptable: the readable QR is then printed)."""
    try:
        return check_base_url(get_setting(session, PUBLIC_BASE_URL_SETTING) or "")
    except ValueError:
        return ""
