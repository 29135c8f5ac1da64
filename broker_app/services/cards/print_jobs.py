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

from broker_app.domain.common.errors import UserError
from broker_app.domain.projects.cards import CardTermsError
from broker_app.domain.rights_card import unverified_facts
from broker_app.domain.rights_card.scan_text import PUBLIC_BASE_URL_SETTING, check_base_url
from broker_app.services.cards.faces import CardFace, card_face
from broker_app.services.cards.issuing import CardService, IssueReport
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.services.projects.records import get_project
from broker_app.store.models.card import RightsCard
from broker_app.store.models.dispatch import DispatchBatch
from broker_app.store.repositories import batches as batch_repo
from broker_app.store.repositories import cards as card_repo
from broker_app.store.repositories import projects as project_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.repositories.station import get_setting
from broker_app.store.store import Store, Transaction


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
                plan.faces = _faces(session, card_repo.active_by_ids(session, selection.card_ids))
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
            cards = card_repo.active(session, target.project_id, target.worker_ids)
            holders = {card.worker_id for card in cards}
            for worker_id in target.worker_ids or ():
                if worker_id not in holders and worker_id not in plan.missing:
                    plan.missing[worker_id] = "没有有效的维权卡"
            plan.faces = _faces(session, cards)
            found = worker_repo.by_ids(session, plan.missing)
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


def _resolve(session: Transaction, selection: CardSelection) -> _Resolved:
    project_id = selection.project_id
    if project_id is not None:
        get_project(session, project_id)  # raises ProjectNotFound
    workers: list[str] | None = None
    if selection.batch_id is not None:
        batch = _batch(session, selection.batch_id)
        workers = batch_repo.member_worker_ids(session, batch.id)
        if project_id is None:
            # The project the broker linked; batches from before the link was chosen
            # are matched by their 项目 text.
            project_id = batch.project_id or project_repo.id_named(session, batch.project)
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
        workers = batch_repo.member_worker_ids(session, batch.id)
        project_id = batch.project_id or project_repo.id_named(session, batch.project)
        if project_id is None:
            return BatchCards(None, "", len(workers), len(workers))
        project = get_project(session, project_id)
        holders = card_repo.holders_among(session, project_id, workers)
        missing = sum(1 for worker in workers if worker not in holders)
        return BatchCards(project_id, project.name, len(workers), missing)


def batch_worker_ids(store: Store, batch_id: str) -> list[str]:
    """The workers of a dispatch batch, in the order they were added."""
    with store.read() as session:
        return batch_repo.member_worker_ids(session, _batch(session, batch_id).id)


def _batch(session: Transaction, batch_id: str) -> DispatchBatch:
    batch = batch_repo.get(session, batch_id)
    if batch is None:
        raise BatchNotFound(batch_id)
    return batch


def _faces(session: Transaction, cards: list[RightsCard]) -> list[CardFace]:
    base_url = public_base_url(session)
    workers = worker_repo.by_ids(session, {card.worker_id for card in cards})
    projects = project_repo.by_ids(session, {card.project_id for card in cards})
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


def public_base_url(session: Transaction) -> str:
    """The county's public card address from the settings ("" when none is set, or when
    a stored value is no longer acceptable: the readable QR is then printed)."""
    try:
        return check_base_url(get_setting(session, PUBLIC_BASE_URL_SETTING) or "")
    except ValueError:
        return ""
