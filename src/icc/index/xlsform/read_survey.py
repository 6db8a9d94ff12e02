"""Reading the ``choices`` and ``survey`` sheets into choices, groups and questions.

Rules held here:

- Choices: ``list_name`` and ``name`` are required; a name appears once per list; ``points``
  is empty or a number from 0 to 100. Other columns are kept verbatim in ``Choice.extra``.
- Survey rows are walked in order with a stack of open groups; ``begin``/``end`` must pair up
  (``end group`` closes a group, ``end repeat`` a repeat). A question's ``group`` is its
  innermost group; a group's ``parent`` the group around it.
- Question names are unique across the whole form (answers are stored by name), and so are
  group names, although XLSForm only asks for uniqueness within a group.
- Scoring: a question counts in the index when it is a select question outside any repeat, with
  an indicator of the indicators sheet and points on its choices. Anything else is kept as an
  unscored item; the reader says why in a warning when the author may have meant it to count.
- ``relevant`` and ``constraint`` must be in the evaluator's subset and refer to existing
  names; ``required`` with a condition is kept as not required, with a warning.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from icc.index.xlsform.checks import (
    Report,
    check_expression,
    check_level,
    check_points,
    check_required,
    check_weight,
)
from icc.index.xlsform.columns import OTHER_LABELS, RENDERED_TYPES, SELECT_TYPES, type_parse
from icc.index.xlsform.model import Choice, Group, Question
from icc.index.xlsform.read_settings import Languages
from icc.index.xlsform.workbook import Sheet, SheetRow

SURVEY_KNOWN = {
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "indicator",
    "weight",
    "level",
    "recommendation",
}
CHOICES_KNOWN = {"list_name", "name", "label", "points"}
_LISTED_TYPES = SELECT_TYPES | {"rank"}


def _extra(sheet: Sheet, row: SheetRow, known: set[str]) -> dict[str, str]:
    return {
        header.text: row.text(header.text)
        for header in sheet.headers
        if header.base not in known and header.text in row.cells
    }


def choices_read(
    sheet: Sheet | None, languages: Languages, report: Report
) -> dict[str, list[Choice]]:
    """Choice lists by list name, each in sheet order."""
    lists: dict[str, list[Choice]] = defaultdict(list)
    if sheet is None:
        return lists
    list_header, name_header = sheet.header("list_name"), sheet.header("name")
    points_header = sheet.header("points")
    seen: dict[tuple[str, str], int] = {}
    for row in sheet.rows:
        list_name, name = row.text(list_header), row.text(name_header)
        if not list_name or not name:
            column = "list_name" if not list_name else "name"
            report.error(
                sheet.name,
                row.number,
                (list_header if not list_name else name_header) or column,
                f"This choice has no {column}; every choice needs a list_name (the list it "
                "belongs to) and a name (the value stored when it is chosen).",
            )
            continue
        if (list_name, name) in seen:
            report.error(
                sheet.name,
                row.number,
                name_header,
                f"The choice {name!r} appears twice in the list {list_name!r} (first at row "
                f"{seen[list_name, name]}); give each choice of a list its own name.",
            )
            continue
        seen[list_name, name] = row.number
        points, problem = check_points(
            row.cells.get(points_header) if points_header else None,
            f"choice {name!r} of list {list_name!r}",
        )
        if problem:
            report.error(sheet.name, row.number, points_header, problem)
        labels = languages.texts(sheet, row, "label")
        lists[list_name].append(Choice(name, labels, points, _extra(sheet, row, CHOICES_KNOWN)))
    return lists


@dataclass
class _Walk:
    """State of one pass over the survey sheet."""

    sheet: Sheet
    languages: Languages
    choices: dict[str, list[Choice]]
    indicators: set[str] | None
    report: Report
    stack: list[tuple[Group, int]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    question_rows: dict[str, int] = field(default_factory=dict)
    group_rows: dict[str, int] = field(default_factory=dict)
    unrendered: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    expressions: list[tuple[int, str, str]] = field(default_factory=list)

    def header(self, base: str) -> str:
        return self.sheet.header(base) or base

    def in_repeat(self) -> bool:
        return any(group.repeat for group, _ in self.stack)


def survey_read(
    sheet: Sheet,
    languages: Languages,
    choices: dict[str, list[Choice]],
    indicators: set[str] | None,
    report: Report,
) -> tuple[list[Group], list[Question]]:
    """Groups and questions of the survey sheet, in order (see the rules above)."""
    walk = _Walk(sheet, languages, choices, indicators, report)
    for row in sheet.rows:
        type_text = row.text(walk.header("type"))
        if not type_text:
            report.error(
                sheet.name,
                row.number,
                walk.header("type"),
                "This row has no type; write a question type (text, integer, select_one "
                "<list>…), begin group or end group, or delete the row.",
            )
            continue
        info = type_parse(type_text)
        if info.kind == "end":
            _close(walk, row, info.repeat)
        elif _named(walk, row):
            if info.kind == "begin":
                _open(walk, row, info.repeat)
            else:
                walk.questions.append(_question(walk, row))
    for group, begin_row in walk.stack:
        kind = "repeat" if group.repeat else "group"
        report.error(
            sheet.name,
            begin_row,
            walk.header("type"),
            f"The {kind} {group.code!r} that begins here is never closed; add an end {kind} "
            "row after its last question.",
        )
    _warn_unrendered(walk)
    names = {*walk.question_rows, *walk.group_rows}
    for number, column, expression in walk.expressions:
        problem = check_expression(expression, column, names)
        if problem:
            report.error(sheet.name, number, walk.header(column), problem)
    return walk.groups, walk.questions


def _named(walk: _Walk, row: SheetRow) -> bool:
    if row.text(walk.header("name")):
        return True
    walk.report.error(
        walk.sheet.name,
        row.number,
        walk.header("name"),
        "This row has no name; give every question and group a short name made of letters, "
        "digits and underscores, such as city_strategy.",
    )
    return False


def _open(walk: _Walk, row: SheetRow, repeat: bool) -> None:
    code = row.text(walk.header("name"))
    if code in walk.group_rows:
        walk.report.error(
            walk.sheet.name,
            row.number,
            walk.header("name"),
            f"The group name {code!r} is already used at row {walk.group_rows[code]}; give "
            "each group a name of its own.",
        )
    walk.group_rows.setdefault(code, row.number)
    parent = walk.stack[-1][0].code if walk.stack else ""
    group = Group(
        code=code,
        labels=walk.languages.texts(walk.sheet, row, "label"),
        relevant=row.text(walk.sheet.header("relevant")),
        row=row.number,
        parent=parent,
        repeat=repeat,
        extra=_extra(walk.sheet, row, SURVEY_KNOWN),
    )
    if group.relevant:
        walk.expressions.append((row.number, "relevant", group.relevant))
    if repeat and not walk.in_repeat():
        walk.report.warn(
            walk.sheet.name,
            row.number,
            walk.header("type"),
            f"The questions of the repeat {code!r} are kept as unscored items: repeats are not "
            "supported for scoring, since a question answered several times has no single "
            "score.",
        )
    walk.groups.append(group)
    walk.stack.append((group, row.number))


def _close(walk: _Walk, row: SheetRow, repeat: bool) -> None:
    kind = "repeat" if repeat else "group"
    if not walk.stack:
        walk.report.error(
            walk.sheet.name,
            row.number,
            walk.header("type"),
            f"This end {kind} has no matching begin {kind} above it; remove it or add the "
            f"begin {kind} row.",
        )
        return
    group, begin_row = walk.stack[-1]
    if group.repeat != repeat:
        opened = "repeat" if group.repeat else "group"
        walk.report.error(
            walk.sheet.name,
            row.number,
            walk.header("type"),
            f"This end {kind} closes the {opened} {group.code!r} begun at row {begin_row}; "
            f"write end {opened} here, or close the inner block first.",
        )
    walk.stack.pop()


def _question(walk: _Walk, row: SheetRow) -> Question:
    sheet, report, header = walk.sheet, walk.report, walk.header
    code = row.text(header("name"))
    if code in walk.question_rows:
        report.error(
            sheet.name,
            row.number,
            header("name"),
            f"The name {code!r} is already used by the question at row "
            f"{walk.question_rows[code]}; answers are stored by question name, so give every "
            "question a name of its own across the whole form.",
        )
    walk.question_rows.setdefault(code, row.number)
    info = type_parse(row.text(header("type")))
    choices: tuple[Choice, ...] = ()
    if info.type in _LISTED_TYPES and info.list_name is not None:
        if info.list_name not in walk.choices:
            report.error(
                sheet.name,
                row.number,
                header("type"),
                f"The choice list {info.list_name!r} is not on the choices sheet; add its "
                f"choices there with list_name {info.list_name}, or correct the list name.",
            )
        choices = tuple(walk.choices.get(info.list_name, ()))
        if info.or_other and "other" not in {choice.name for choice in choices}:
            other = {lang: OTHER_LABELS.get(lang, "Other") for lang in walk.languages.all}
            choices += (Choice("other", other),)
    if info.type.lower() not in RENDERED_TYPES:
        walk.unrendered[info.type].append(row.number)
    weight, problem = check_weight(row.cells.get(header("weight")), f"question {code!r}")
    if problem:
        report.error(sheet.name, row.number, header("weight"), problem)
    level, problem = check_level(row.cells.get(header("level")), f"question {code!r}")
    if problem:
        report.error(sheet.name, row.number, header("level"), problem)
    required, understood = check_required(row.cells.get(header("required")))
    if not understood:
        report.warn(
            sheet.name,
            row.number,
            header("required"),
            f"The required condition {row.text(header('required'))!r} is not enforced by the "
            "platform; the question is kept as not required.",
        )
    for column in ("relevant", "constraint"):
        if row.text(sheet.header(column)):
            walk.expressions.append((row.number, column, row.text(sheet.header(column))))
    question = Question(
        code=code,
        type=info.type,
        labels=walk.languages.texts(sheet, row, "label"),
        hints=walk.languages.texts(sheet, row, "hint"),
        required=required,
        relevant=row.text(sheet.header("relevant")),
        constraint=row.text(sheet.header("constraint")),
        constraint_messages=walk.languages.texts(sheet, row, "constraint_message"),
        group=walk.stack[-1][0].code if walk.stack else "",
        list_name=info.list_name,
        choices=choices,
        indicator=_indicator(walk, row, info.type, choices),
        weight=weight,
        level=level,
        recommendations=walk.languages.texts(sheet, row, "recommendation"),
        row=row.number,
        extra=_extra(sheet, row, SURVEY_KNOWN),
    )
    return question


def _indicator(walk: _Walk, row: SheetRow, kind: str, choices: tuple[Choice, ...]) -> str | None:
    """The question's indicator, with the warnings and errors about its scoring."""
    sheet, header = walk.sheet, walk.header("indicator")
    code = row.text(walk.sheet.header("indicator"))
    name = row.text(walk.header("name"))
    if walk.indicators is None or walk.in_repeat():
        return None
    if code and code not in walk.indicators:
        walk.report.error(
            sheet.name,
            row.number,
            header,
            f"The indicator {code!r} is not on the indicators sheet; add it there or use one "
            f"of: {', '.join(sorted(walk.indicators)) or '(none yet)'}.",
        )
        return None
    has_points = any(choice.points is not None for choice in choices)
    why = ""
    if code and kind not in SELECT_TYPES:
        why = f"it has the indicator {code!r} but a {kind} question cannot be scored"
    elif code and not has_points:
        why = f"it has the indicator {code!r} but no choice of its list has points"
    elif not code and kind in SELECT_TYPES:
        why = "it has no indicator" + ("" if has_points else " and no points on its choices")
    if why:
        walk.report.warn(
            sheet.name,
            row.number,
            header,
            f"The question {name!r} is kept as an unscored item: {why}. To score it, give it "
            "an indicator and give its choices points from 0 to 100.",
        )
    return code or None


def _warn_unrendered(walk: _Walk) -> None:
    for kind, rows in walk.unrendered.items():
        others = f" (also rows {', '.join(map(str, rows[1:]))})" if len(rows) > 1 else ""
        walk.report.warn(
            walk.sheet.name,
            rows[0],
            walk.header("type"),
            f"Questions of type {kind!r}{others} are kept, but the platform does not show them "
            "on its questionnaire pages; they are not scored.",
        )
