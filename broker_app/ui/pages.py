"""The pages the main window can show. A feature adds its page by appending a
``PageSpec`` to ``PAGES``; the navigation lists registered pages only, in
``NAV_ORDER``, and builds each page the first time it is opened.

    PAGES.append(PageSpec("jobs", QT_TRANSLATE_NOOP("pages", "岗位"), _jobs_page))

``title`` is the Chinese source text, translated in the "pages" context; ``factory``
gets the ``AppContext`` and returns the page widget (import the page module inside
the factory, so opening the window does not load every page's code).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext
from broker_app.ui.dispatch import pages as dispatch_pages
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.jobs import pages as jobs_pages
from broker_app.ui.stats import pages as stats_pages
from broker_app.ui.sync import pages as sync_pages

#: Every page the product will have, in navigation order, with its title (the
#: screenshot command accepts these keys and refuses the ones not registered yet).
PLANNED_TITLES = {
    "roster": QT_TRANSLATE_NOOP("pages", "劳动力"),
    "jobs": QT_TRANSLATE_NOOP("pages", "岗位"),
    "matches": QT_TRANSLATE_NOOP("pages", "匹配"),
    "dispatch": QT_TRANSLATE_NOOP("pages", "劳务输出"),
    "cards": QT_TRANSLATE_NOOP("pages", "维权卡"),
    "rights": QT_TRANSLATE_NOOP("pages", "维权"),
    "sync": QT_TRANSLATE_NOOP("pages", "同步"),
    "stats": QT_TRANSLATE_NOOP("pages", "统计"),
}
NAV_ORDER = tuple(PLANNED_TITLES)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[AppContext], QWidget]


def _roster_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.roster.view import RosterPage

    return RosterPage(ctx)


def _cards_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.cards.page import CardsPage

    return CardsPage(ctx)


def _rights_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.rights.page import RightsPage

    return RightsPage(ctx)


PAGES: list[PageSpec] = [
    PageSpec("roster", PLANNED_TITLES["roster"], _roster_page),
    PageSpec("cards", PLANNED_TITLES["cards"], _cards_page),
    PageSpec("rights", PLANNED_TITLES["rights"], _rights_page),
    PageSpec("jobs", PLANNED_TITLES["jobs"], jobs_pages.jobs_page),
    PageSpec("matches", PLANNED_TITLES["matches"], jobs_pages.matches_page),
    PageSpec("dispatch", PLANNED_TITLES["dispatch"], dispatch_pages.dispatch_page),
    PageSpec("stats", PLANNED_TITLES["stats"], stats_pages.stats_page),
    PageSpec("sync", PLANNED_TITLES["sync"], sync_pages.sync_page),
]


def registered_pages() -> list[PageSpec]:
    """Registered pages in navigation order; keys outside NAV_ORDER come last."""
    rank = {key: i for i, key in enumerate(NAV_ORDER)}
    return sorted(PAGES, key=lambda spec: rank.get(spec.key, len(NAV_ORDER)))


def find_page(key: str) -> PageSpec | None:
    return next((spec for spec in PAGES if spec.key == key), None)


def page_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("pages", spec.title)


def planned_title(key: str) -> str:
    """The title of a page in NAV_ORDER, registered or not."""
    return QCoreApplication.translate("pages", PLANNED_TITLES[key])
