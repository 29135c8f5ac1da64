"""How a refused row is described to the broker: who it is, and what is wrong once."""

from __future__ import annotations

from broker_app.services.workbook_import import ImportResult, RowProblem


def problem_text(problem: RowProblem) -> str:
    """ "列：问题", without saying the column twice when the message already starts
    with it ("文化程度：文化程度…")."""
    if problem.message.startswith(problem.column):
        return problem.message
    return f"{problem.column}：{problem.message}"


def names_by_row(result: ImportResult) -> dict[int, str]:
    """The name written in each refused row (as in the sheet), by Excel row number."""
    header = result.header
    if header is None:
        return {}
    names = {}
    for outcome in result.rejected:
        value = header.value(outcome.cells, "name")
        names[outcome.row_number] = "" if value is None else str(value).strip()
    return names
