"""Edition-aware exports: one row per place, one column per question, then the scores."""

import csv
import io
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Font

from icc.index.models import Edition, PlaceResult, Response


def export_rows(*, edition: Edition) -> list[list[object]]:
    """Header + one row per response of ``edition`` (choices by name, lists joined by spaces)."""
    questions = list(edition.questions.order_by("position"))
    indicators = list(edition.areas.filter(is_indicator=True).values_list("code", flat=True))
    header: list[object] = ["edition", "form_version", "place", "country", "state", "synthetic"]
    header += [q.code for q in questions]
    header += ["index_core", "index_advanced", "rank", "rank_of", "rank_low", "rank_high"]
    header += [f"indicator_{code}" for code in indicators]
    results = {r.place_id: r for r in PlaceResult.objects.filter(edition=edition)}
    rows: list[list[object]] = [header]
    responses = (
        Response.objects.filter(edition=edition)
        .select_related("place")
        .prefetch_related("answers__question")
        .order_by("place__name")
    )
    for response in responses:
        values = {a.question.code: a.value for a in response.answers.all()}
        row: list[object] = [
            edition.name,
            edition.form_version,
            response.place.slug,
            response.place.country_id,
            response.state,
            "yes" if response.is_synthetic else "no",
        ]
        for q in questions:
            value = values.get(q.code)
            row.append(" ".join(value) if isinstance(value, list) else value)
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


def responses_export(*, edition: Edition, fmt: Literal["csv", "xlsx"]) -> bytes:
    """The export as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX."""
    rows = export_rows(edition=edition)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
        return ("\ufeff" + buffer.getvalue()).encode()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"ICC index {edition.name}"[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
