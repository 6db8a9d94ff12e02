"""Importing an XLSForm as an index edition: ``icc.xlsform`` reads the form, this module reads
what the index's own columns mean (see ``model``) and turns it into the index's ``Form``.

Rules held here:

- All or nothing: ``form_read`` returns a ``Form`` (with warnings) or raises ``XLSFormError``.
  What pyxform or ODK would refuse is refused first, by ``icc.xlsform`` (pyxform stops at its
  first error); on a form they accept, every problem with the index's columns is reported at
  once, each with sheet, row and column.
- The index's columns come from the ``extra`` columns of ``icc.xlsform``'s questions and
  choices, its settings from the settings' other columns; the ``indicators`` sheet, which
  pyxform ignores, through ``icc.xlsform.sheet_rows``. Nothing else re-reads the file.
- Answers are stored by question code, so codes are unique across the whole form: a name
  XLSForm allows twice (in two groups) is kept as ``<group>_<name>`` for the second, with a
  warning; so are group names.
- A bad value in an index column (weight, level, points) is an error in an index edition (a
  workbook with an ``indicators`` sheet); in any other form such a column is not the index's,
  so it is a warning and the value is ignored: every form that pyxform converts imports.
- Scoring: a question counts in the index when it is a select question outside any repeat or
  loop, with an indicator of the indicators sheet and points on its choices. Anything else is
  kept as an unscored item; a warning says why when the author may have meant it to count.
- ``required`` with a condition is kept as not required, with a warning.
- ``choice_filter`` and ``or_other`` are kept on the question; the pages apply them (a
  filter that uses what the server does not compute is warned about by ``icc.xlsform``).
- ``or_other`` keeps its "other" choice; the "specify other" text question pyxform adds (it
  has no row) is left out, so the edition holds the rows of its workbook and nothing else:
  the text is kept with the question's own answer. pyxform's warning that or_other's labels
  are English only is left out: the index's pages label both in the reader's language.
- Columns the index does not interpret are kept verbatim in ``extra`` (header → text), so
  that the form can be written back out (``write``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

from icc.index.scoring.spec import Bands
from icc.index.xlsform.checks import (
    Report,
    check_edges,
    check_level,
    check_points,
    check_share,
    check_weight,
)
from icc.index.xlsform.model import Choice, Form, Group, IndicatorDef, Issue, Question
from icc.index.xlsform.spec_bridge import form_method_spec
from icc.xlsform import (
    OR_OTHER_LABELS,
    SheetRow,
    XLSFormError,
    language_code,
    language_name,
    question_rules,
    sheet_rows,
)
from icc.xlsform import Choice as FormChoice
from icc.xlsform import Form as ReadForm
from icc.xlsform import Group as FormGroup
from icc.xlsform import Question as FormQuestion
from icc.xlsform import form_read as xlsform_read
from icc.xlsform.model import SELECT_TYPES, Extra

__all__ = ["form_method_spec", "form_read"]

_SHEET_ORDER = ("workbook", "survey", "choices", "settings", "indicators")
# The index's own columns, read here rather than kept verbatim.
_SURVEY_OWN = {"indicator", "weight", "level", "recommendation"}
_SETTINGS_OWN = {
    "index_title",
    "index_min_answered_share",
    "index_aggregation",
    "index_population_edges",
    "index_foreign_born_edges",
}


def _sort_key(issue: Issue) -> tuple[int, int]:
    position = _SHEET_ORDER.index(issue.sheet) if issue.sheet in _SHEET_ORDER else 9
    return position, issue.row or 0


def _verbatim(extra: Extra, own: Collection[str] = ()) -> dict[str, str]:
    """Extra columns as header → text, translated ones as ``base::Language (code)``."""
    kept: dict[str, str] = {}
    for base, value in extra.items():
        if base in own:
            continue
        if isinstance(value, str):
            kept[base] = value
        else:
            for code, text in value.items():
                kept[f"{base}::{language_name(code)}"] = text
    return kept


def _survey_extra(item: FormQuestion | FormGroup) -> dict[str, str]:
    written: dict[str, str] = {"appearance": item.appearance}
    if isinstance(item, FormGroup):
        written["repeat_count"] = item.repeat_count
    else:
        written |= {
            "calculation": item.calculation,
            "default": item.default,
            "parameters": " ".join(f"{k}={v}" for k, v in item.parameters.items()),
        }
        if item.required_expression:
            written["required"] = item.required_expression
    return {key: value for key, value in written.items() if value} | _verbatim(
        item.extra, _SURVEY_OWN
    )


class _Reader:
    """One pass over a read form, with the issues found about the index's columns."""

    def __init__(self, read: ReadForm, indicators: set[str] | None, report: Report) -> None:
        self.read = read
        self.indicators = indicators
        self.report = report
        self.codes: set[str] = set()
        self.group_codes: dict[tuple[str, ...], str] = {}

    def column_problem(self, sheet: str, row: int | None, column: str, problem: str) -> None:
        """A bad value in one of the index's columns: an error in an index edition (it has an
        indicators sheet); in any other form the column is not the index's, so a warning."""
        if self.indicators is not None:
            self.report.error(sheet, row, column, problem)
        else:
            self.report.warn(sheet, row, column, problem + " The value is ignored.")

    def unique(self, name: str, group: str, row: int | None, kind: str) -> str:
        """A code of its own for a question or group (answers are stored by code)."""
        code, number = name, 1
        while code in self.codes:
            number += 1
            code = f"{group}_{name}" if number == 2 and group else f"{name}_{number}"
        if code != name:
            self.report.warn(
                "survey",
                row,
                "name",
                f"The name {name!r} is already used by another {kind}; the platform stores "
                f"answers by name, so this {kind} is kept as {code!r}.",
            )
        self.codes.add(code)
        return code

    def choice(self, choice: FormChoice, list_name: str) -> Choice:
        points, problem = check_points(
            choice.text("points") or None, f"choice {choice.name!r} of list {list_name!r}"
        )
        if problem:
            self.column_problem("choices", choice.row, "points", problem)
        return Choice(choice.name, choice.labels, points, _verbatim(choice.extra, {"points"}))

    def group(self, group: FormGroup) -> Group:
        row = group.row or 0
        parent = self.group_codes.get(group.path, "")
        code = self.unique(group.name, parent, group.row, "group")
        self.group_codes[(*group.path, group.name)] = code
        if group.repeat and not any(
            parent.repeat for parent in self.read.groups if parent.name in group.path
        ):
            self.report.warn(
                "survey",
                group.row,
                "type",
                f"The questions of the {group.kind} {group.name!r} are kept as unscored items: "
                "repeats are not supported for scoring, since a question answered several "
                "times has no single score.",
            )
        return Group(
            code=code,
            labels=group.labels,
            relevant=group.relevant,
            row=row,
            parent=parent,
            repeat=group.repeat,
            extra=_survey_extra(group),
        )

    def question(
        self, question: FormQuestion, choices: Mapping[str, tuple[Choice, ...]]
    ) -> Question:
        report, where = self.report, question.row
        group = self.group_codes.get(question.path, "")
        code = self.unique(question.name, group, where, "question")
        weight, problem = check_weight(question.text("weight") or None, f"question {code!r}")
        if problem:
            self.column_problem("survey", where, "weight", problem)
        level, problem = check_level(question.text("level") or None, f"question {code!r}")
        if problem:
            self.column_problem("survey", where, "level", problem)
        if question.required_expression:
            report.warn(
                "survey",
                where,
                "required",
                f"The required condition {question.required_expression!r} is not enforced by "
                "the platform; the question is kept as not required.",
            )
        own = choices.get(question.list_name or "", ())
        own += tuple(Choice(c.name, c.labels) for c in question.choices[len(own) :])  # "other"
        return Question(
            code=code,
            **question_rules(question),
            group=group,
            list_name=question.list_name,
            choices=own,
            choice_filter=question.choice_filter,
            or_other=question.or_other,
            indicator=self.indicator(question, own),
            weight=weight,
            level=level,
            recommendations=question.texts("recommendation"),
            row=where or 0,
            extra=_survey_extra(question),
        )

    def indicator(self, question: FormQuestion, choices: tuple[Choice, ...]) -> str | None:
        """The question's indicator, with the warnings and errors about its scoring."""
        code, kind = question.text("indicator"), question.type
        if self.indicators is None or question.in_repeat:
            return None
        if code and code not in self.indicators:
            self.report.error(
                "survey",
                question.row,
                "indicator",
                f"The indicator {code!r} is not on the indicators sheet; add it there or use "
                f"one of: {', '.join(sorted(self.indicators)) or '(none yet)'}.",
            )
            return None
        has_points = any(choice.points is not None for choice in choices)
        why = ""
        if code and kind not in SELECT_TYPES:
            why = f"it has the indicator {code!r} but a {kind} question cannot be scored"
        elif code and not has_points:
            why = f"it has the indicator {code!r} but no choice of its list has points"
        elif not code and kind in SELECT_TYPES and question.row is not None:
            why = "it has no indicator" + ("" if has_points else " and no points on its choices")
        if why:
            self.report.warn(
                "survey",
                question.row,
                "indicator",
                f"The question {question.name!r} is kept as an unscored item: {why}. To score "
                "it, give it an indicator and give its choices points from 0 to 100.",
            )
        return code or None


def _texts(headers: list[str], row: SheetRow, base: str, default: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for header in headers:
        head, _, language = header.partition("::")
        if head.strip().lower() != base or not row.get(header):
            continue
        texts[language_code(language) if language else default] = row.get(header)
    return texts


def _indicators(
    content: bytes, filename: str, default: str, report: Report
) -> tuple[dict[str, tuple[IndicatorDef, int]] | None, list[str]]:
    """Indicators by code with their row, and the languages of the sheet's headers."""
    try:
        sheet = sheet_rows(content, filename, "indicators")
    except ValueError as error:
        report.error("indicators", None, None, str(error))
        return None, []
    if sheet is None:
        report.warn(
            "indicators",
            None,
            None,
            "The workbook has no indicators sheet, so no question is scored: every question "
            "is kept as an unscored item. To score questions, add an indicators sheet (code, "
            "label, weight) and an indicator column on the survey sheet.",
        )
        return None, []
    headers, rows = sheet
    languages = [language_code(h.split("::", 1)[1]) for h in headers if "::" in h]
    found: dict[str, tuple[IndicatorDef, int]] = {}
    if "code" not in [header.strip().lower() for header in headers]:
        report.error(
            "indicators",
            1,
            "code",
            "The indicators sheet has no code column; add a column headed code with one "
            "indicator code per row.",
        )
        return found, languages
    for row in rows:
        cells = {header.strip().lower(): row.get(header) for header in headers}
        code = cells.get("code", "")
        if not code:
            report.error(
                "indicators",
                row.number,
                "code",
                "This indicator has no code; give it a short code such as education.",
            )
            continue
        if code in found:
            report.error(
                "indicators",
                row.number,
                "code",
                f"The indicator code {code!r} is already used at row {found[code][1]}; give "
                "each indicator its own code.",
            )
            continue
        weight, problem = check_weight(cells.get("weight") or None, f"indicator {code!r}")
        if problem:
            report.error("indicators", row.number, "weight", problem)
        labels = _texts(headers, row, "label", default)
        found[code] = (IndicatorDef(code, labels, weight), row.number)
    return found, languages


@dataclass
class _Settings:
    """The index's settings (row 2 of the settings sheet), with defaults."""

    titles: dict[str, str]
    extra: dict[str, str]
    min_answered_share: float = 0.5
    aggregation: Literal["arithmetic", "geometric"] = "arithmetic"
    edges: dict[str, tuple[float, ...] | None] = field(default_factory=dict)


def _settings(read: ReadForm, report: Report) -> _Settings:
    """The index's settings, their problems reported."""

    def text(base: str) -> str:
        value = read.settings.get(base)
        return value if isinstance(value, str) else ""

    titles = read.settings.get("index_title")
    found = _Settings(
        titles=read.titles | (titles if isinstance(titles, dict) else {}),
        extra=_verbatim(read.settings, _SETTINGS_OWN),
    )
    found.min_answered_share, problem = check_share(
        text("index_min_answered_share") or None, "index_min_answered_share"
    )
    if problem:
        report.error("settings", 2, "index_min_answered_share", problem)
    written = text("index_aggregation").lower()
    if written == "geometric":
        found.aggregation = "geometric"
    elif written not in {"", "arithmetic"}:
        report.error(
            "settings",
            2,
            "index_aggregation",
            f"index_aggregation is {text('index_aggregation')!r}; write arithmetic (weighted "
            "mean) or geometric (weighted geometric mean).",
        )
    for base in ("index_population_edges", "index_foreign_born_edges"):
        edges, problem = check_edges(text(base) or None, base, None)
        if problem is None and edges is not None:
            try:
                if base == "index_population_edges":
                    Bands(population_edges=edges, foreign_born_edges=())
                else:
                    Bands(population_edges=(), foreign_born_edges=edges)
            except ValueError as error:
                problem = f"{base} is not valid: {error}"
        if problem:
            report.error("settings", 2, base, problem)
        found.edges[base] = None if problem else edges
    return found


def _passed_on(warnings: tuple[Issue, ...]) -> list[Issue]:
    """``icc.xlsform``'s warnings, less pyxform's about or_other's English labels: the index's
    pages label the "other" choice and its text box in the reader's language."""
    return [warning for warning in warnings if warning.message != OR_OTHER_LABELS]


def form_read(*, filename: str, content: bytes) -> Form:
    """Read an XLSForm as an index edition (see the rules above and the columns in ``model``).

    Raises ``XLSFormError`` listing every problem (sheet, row, column, what to fix).
    """
    result = xlsform_read(content, filename)
    read = result.form_or_raise()
    report = Report()
    indicators, indicator_languages = _indicators(content, filename, read.default_language, report)
    reader = _Reader(read, set(indicators) if indicators is not None else None, report)
    lists = {
        name: tuple(reader.choice(choice, name) for choice in choices)
        for name, choices in read.choice_lists.items()
    }
    groups = [reader.group(group) for group in read.groups]
    questions = [  # not the "specify other" text pyxform adds for or_other (see the rules)
        reader.question(question, lists) for question in read.questions if question.row is not None
    ]
    if not questions:
        report.error("survey", None, None, "The survey sheet has no question; add questions.")
    settings = _settings(read, report)
    if report.errors:
        raise XLSFormError(sorted(report.errors, key=_sort_key))
    scored = {question.indicator for question in questions if question.scored}
    for code, (_indicator, number) in (indicators or {}).items():
        if code not in scored:
            report.warn(
                "indicators",
                number,
                "code",
                f"The indicator {code!r} has no scored question, so it is left out of the "
                "index method; give it questions with points, or remove it.",
            )
    return Form(
        form_id=read.form_id,
        version=read.version,
        titles=settings.titles,
        default_language=read.default_language,
        languages=tuple(dict.fromkeys([*read.languages, *indicator_languages])),
        groups=tuple(groups),
        questions=tuple(questions),
        indicators=tuple(indicator for indicator, _ in (indicators or {}).values()),
        min_answered_share=settings.min_answered_share,
        aggregation=settings.aggregation,
        population_edges=settings.edges.get("index_population_edges"),
        foreign_born_edges=settings.edges.get("index_foreign_born_edges"),
        warnings=tuple(sorted([*_passed_on(result.warnings), *report.warnings], key=_sort_key)),
        settings_extra=settings.extra,
    )
