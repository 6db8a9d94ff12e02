"""Importing an XLSForm workbook: ``form_read`` turns bytes into a ``Form`` or says what to fix.

Rules held here:

- All or nothing: every problem found is collected, and if there is any error the import
  raises ``XLSFormError`` with all of them (sorted by sheet and row); nothing is returned.
- Two passes over the same bytes: pyxform checks the standard XLSForm part (it stops at its
  first error, so the platform's own checks run as well and report everything they see); the
  platform reads the sheets itself, with openpyxl, for row numbers and its own columns.
- Warnings never stop an import; they are kept in ``Form.warnings``.
- Accepted files: ``.xlsx`` and ``.xlsm``; ``.md`` tables as in pyxform's tests are converted
  to a workbook first. Legacy ``.xls`` is refused with a sentence saying how to convert it.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePath

from icc.index.xlsform.checks import Report
from icc.index.xlsform.model import Form, IndicatorDef, Issue, XLSFormError
from icc.index.xlsform.pyxform_check import merge_errors, pyxform_convert
from icc.index.xlsform.read_settings import (
    Languages,
    indicators_read,
    languages_find,
    settings_read,
)
from icc.index.xlsform.read_survey import choices_read, survey_read
from icc.index.xlsform.spec_bridge import form_method_spec
from icc.index.xlsform.workbook import Sheet, workbook_sheets

__all__ = ["form_method_spec", "form_read"]

_SHEET_ORDER = ("workbook", "survey", "choices", "settings", "indicators")


def _sort_key(issue: Issue) -> tuple[int, int]:
    position = _SHEET_ORDER.index(issue.sheet) if issue.sheet in _SHEET_ORDER else 9
    return position, issue.row or 0


def _workbook_bytes(filename: str, content: bytes) -> bytes:
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return content
    if suffix == ".md":
        from pyxform.xls2json_backends import (  # type: ignore[import-untyped]
            md_table_to_workbook,
        )

        book = md_table_to_workbook(content.decode("utf-8"))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    raise XLSFormError(
        [
            Issue(
                "workbook",
                None,
                None,
                f"The file {filename!r} is not an .xlsx workbook; open it in your spreadsheet "
                "program, save it as Excel workbook (.xlsx) and upload that file.",
            )
        ]
    )


def _form_id(settings_id: str, filename: str) -> str:
    if settings_id:
        return settings_id
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", PurePath(filename).stem).strip("_.-")
    return stem if stem and stem[0].isalpha() else f"form_{stem}".rstrip("_")


def _indicators(
    sheets: dict[str, Sheet], report: Report, languages: Languages
) -> dict[str, tuple[IndicatorDef, int]] | None:
    sheet = sheets.get("indicators")
    if sheet is None:
        report.warn(
            "indicators",
            None,
            None,
            "The workbook has no indicators sheet, so no question is scored: every question is "
            "kept as an unscored item. To score questions, add an indicators sheet (code, "
            "label, weight) and an indicator column on the survey sheet.",
        )
        return None
    return indicators_read(sheet, languages, report)


def form_read(*, filename: str, content: bytes) -> Form:
    """Read an XLSForm workbook (see the rules above and the column conventions in ``model``).

    Raises ``XLSFormError`` listing every problem (sheet, row, column, what to fix).
    """
    content = _workbook_bytes(filename, content)
    sheets = workbook_sheets(content)
    survey = sheets.get("survey")
    if survey is None:
        raise XLSFormError(
            [
                Issue(
                    "survey",
                    None,
                    None,
                    "The workbook has no sheet named survey; rename the sheet that lists the "
                    "questions to survey (sheets found: "
                    f"{', '.join(sheet.title for sheet in sheets.values()) or 'none'}).",
                )
            ]
        )
    report = Report()
    for sheet in sheets.values():
        for header in sheet.duplicate_headers:
            report.error(
                sheet.name, 1, header, f"The column {header!r} appears more than once; keep one."
            )
    for required in ("type", "name"):
        if survey.header(required) is None:
            report.error(
                "survey",
                1,
                required,
                f"The survey sheet has no {required} column; add a column headed {required}.",
            )
    if report.errors:
        raise XLSFormError(report.errors)
    languages = languages_find(sheets)
    settings = settings_read(sheets.get("settings"), languages, report)
    indicators = _indicators(sheets, report, languages)
    choices = choices_read(sheets.get("choices"), languages, report)
    groups, questions = survey_read(
        survey, languages, choices, set(indicators) if indicators is not None else None, report
    )
    if not questions and not report.errors:
        report.error("survey", None, None, "The survey sheet has no question; add questions.")
    errors, notes = pyxform_convert(content, survey)
    report.errors = merge_errors(report.errors, errors)
    if report.errors:
        raise XLSFormError(sorted(report.errors, key=_sort_key))
    scored_indicators = {question.indicator for question in questions if question.scored}
    for code, (_indicator, number) in (indicators or {}).items():
        if code not in scored_indicators:
            report.warn(
                "indicators",
                number,
                "code",
                f"The indicator {code!r} has no scored question, so it is left out of the "
                "index method; give it questions with points, or remove it.",
            )
    return Form(
        form_id=_form_id(settings.form_id, filename),
        version=settings.version,
        titles=settings.titles,
        default_language=languages.default,
        languages=languages.all,
        groups=tuple(groups),
        questions=tuple(questions),
        indicators=tuple(indicator for indicator, _ in (indicators or {}).values()),
        min_answered_share=settings.min_answered_share,
        aggregation=settings.aggregation,
        population_edges=settings.population_edges,
        foreign_born_edges=settings.foreign_born_edges,
        warnings=tuple(sorted([*report.warnings, *notes], key=_sort_key)),
        settings_extra=settings.extra,
    )
