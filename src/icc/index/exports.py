"""Edition-aware exports: one row per place, one column per question, then the scores.

A question with ``or_other`` gets a second column, ``<code>_other`` (the name ODK gives it), with
the text written for "Other".

Written by ``icc.core.tabular``: answers that a spreadsheet would run as a formula (a text
answer starting with ``=``, ``+``, ``-`` or ``@``) get a leading quote; numbers stay numbers.
"""

from icc.core.tabular import Cell, Sheet
from icc.index.models import Edition, PlaceResult, Response


def export_rows(*, edition: Edition) -> list[list[Cell]]:
    """Header + one row per response of ``edition`` (choices by name, lists joined by spaces)."""
    questions = list(edition.questions.order_by("position"))
    indicators = list(edition.areas.filter(is_indicator=True).values_list("code", flat=True))
    header: list[Cell] = ["edition", "form_version", "place", "country", "state", "synthetic"]
    for q in questions:
        header += [q.code, f"{q.code}_other"] if q.or_other else [q.code]
    header += ["index_core", "index_advanced", "rank", "rank_of", "rank_low", "rank_high"]
    header += [f"indicator_{code}" for code in indicators]
    results = {r.place_id: r for r in PlaceResult.objects.filter(edition=edition)}
    rows: list[list[Cell]] = [header]
    responses = (
        Response.objects.filter(edition=edition)
        .select_related("place")
        .prefetch_related("answers__question")
        .order_by("place__name")
    )
    for response in responses:
        answers = {a.question.code: a for a in response.answers.all()}
        row: list[Cell] = [
            edition.name,
            edition.form_version,
            response.place.slug,
            response.place.country_id,
            response.state,
            "yes" if response.is_synthetic else "no",
        ]
        for q in questions:
            answer = answers.get(q.code)
            value = answer.value if answer else None
            row.append(" ".join(value) if isinstance(value, list) else value)
            if q.or_other:
                row.append(answer.other if answer and answer.other else None)
        result = results.get(response.place_id)
        if result is None:
            row += [None] * (6 + len(indicators))
        else:
            row += [
                result.index_core,
                result.index_advanced,
                result.rank,
                result.rank_of,
                result.rank_low,
                result.rank_high,
            ]
            row += [result.indicators_advanced.get(code) for code in indicators]
        rows.append(row)
    return rows


def responses_sheet(*, edition: Edition) -> Sheet:
    """The export as a sheet, for ``table_download``."""
    header, *rows = export_rows(edition=edition)
    return Sheet(header=header, rows=rows, title=f"ICC index {edition.name}")
