"""Factories of the 岗位 and 匹配 pages for the page registry; each imports its page
module only when the page is first opened."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext


def jobs_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.jobs.job_page import JobsPage

    return JobsPage(ctx)


def matches_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.jobs.match_page import MatchesPage

    return MatchesPage(ctx)
