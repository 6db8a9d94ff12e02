"""Exporting a ``Form`` as an XLSForm workbook: survey, choices, settings and indicators sheets.

Rules held here:

- ``form_read(form_write(f))`` equals ``form_layout(f)`` except for warnings, and
  ``form_layout(f) == f`` for every form that was read from a workbook or built from the YAML
  source: rows that already describe a layout are kept (blank rows included), otherwise the
  writer numbers the rows itself.
- Every language gets a ``<column>::<Language> (<code>)`` column; the default language is
  named in ``default_language`` (``English (en)``), so no plain ``label`` column is written.
- Each choice list is written once; ``or_other`` stays in the question's type, and its
  ``other`` choice is written out explicitly (pyxform then adds no second one). A
  ``choice_filter`` column is written when a question has a filter. Columns kept verbatim in
  ``extra`` come after the platform's own columns.
- Headers are bold, the header row is frozen, columns are as wide as their contents (capped).
- The bytes are reproducible (fixed timestamps in the document properties and the zip).
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath

from icc.index.xlsform.columns import language_name, number_text
from icc.index.xlsform.model import Choice, Form, Group, IndicatorDef, Question

CellValue = str | int | float | None
Line = tuple[int, Literal["begin", "end", "question"], Group | Question]
_TRANSLATED_SURVEY = ("label", "hint", "constraint_message", "recommendation")


class _Inconsistent(ValueError):
    """The rows of a form do not describe a layout; the writer numbers them itself."""


def _path(code: str, groups: dict[str, Group]) -> list[str]:
    path: list[str] = []
    while code:
        if code in path or code not in groups:
            raise ValueError(f"The group {code!r} is unknown or inside itself; fix the groups.")
        path.insert(0, code)
        code = groups[code].parent
    return path


def _lines(items: Iterable[Group | Question], groups: dict[str, Group], exact: bool) -> list[Line]:
    lines: list[Line] = []
    stack: list[Group] = []
    current = 1

    def place(row: int) -> int:
        nonlocal current
        current = max(row, current + 1) if exact else current + 1
        return current

    opened: set[str] = set()
    for item in items:
        path = _path(item.parent if isinstance(item, Group) else item.group, groups)
        while stack and [group.code for group in stack] != path[: len(stack)]:
            lines.append((place(0), "end", stack.pop()))
        if [group.code for group in stack] != path:
            raise _Inconsistent
        if isinstance(item, Group):
            if item.code in opened:
                raise _Inconsistent
            opened.add(item.code)
            lines.append((place(item.row), "begin", item))
            stack.append(item)
        else:
            lines.append((place(item.row), "question", item))
    while stack:
        lines.append((place(0), "end", stack.pop()))
    return lines


def _derived_order(form: Form, groups: dict[str, Group]) -> list[Group | Question]:
    order: list[Group | Question] = []
    opened: set[str] = set()

    def open_group(code: str) -> None:
        if code and code not in opened:
            open_group(groups[code].parent)
            opened.add(code)
            order.append(groups[code])

    for question in form.questions:
        for code in _path(question.group, groups):
            open_group(code)
        order.append(question)
    for group in form.groups:
        open_group(group.code)
    return order


def form_lines(form: Form) -> list[Line]:
    """The survey sheet's rows: (row number, begin/end/question, the group or question)."""
    groups = {group.code: group for group in form.groups}
    items: list[Group | Question] = [*form.groups, *form.questions]
    if all(item.row > 1 for item in items) and len({item.row for item in items}) == len(items):
        try:
            return _lines(sorted(items, key=lambda item: item.row), groups, exact=True)
        except _Inconsistent:
            pass
    try:
        return _lines(_derived_order(form, groups), groups, exact=False)
    except _Inconsistent as error:
        raise ValueError(
            "The questions of a group are not contiguous, so the form cannot be written as "
            "begin group/end group blocks; keep each group's questions together."
        ) from error


def form_layout(form: Form) -> Form:
    """The form with the row numbers the writer gives it (and reading its workbook returns)."""
    lines = form_lines(form)
    rows = {id(item): row for row, kind, item in lines if kind != "end"}
    groups = sorted(
        (dataclasses.replace(g, row=rows[id(g)]) for g in form.groups), key=lambda g: g.row
    )
    questions = sorted(
        (dataclasses.replace(q, row=rows[id(q)]) for q in form.questions), key=lambda q: q.row
    )
    return dataclasses.replace(form, groups=tuple(groups), questions=tuple(questions))


def _languages(form: Form) -> list[str]:
    found = [form.default_language, *form.languages]
    labelled: list[Group | Question | IndicatorDef] = [*form.groups, *form.questions]
    for item in [*labelled, *form.indicators]:
        found += item.labels
    for question in form.questions:
        found += [*question.hints, *question.constraint_messages, *question.recommendations]
        for choice in question.choices:
            found += choice.labels
    found += form.titles
    return list(dict.fromkeys(found))


def _translated(base: str, languages: list[str]) -> list[str]:
    return [f"{base}::{language_name(code)}" for code in languages]


def _texts(texts: dict[str, str], languages: list[str]) -> list[str | None]:
    return [texts.get(code) or None for code in languages]


def _sheet(book: openpyxl.Workbook, title: str, headers: list[str]) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=header).font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet


def _put(sheet: Worksheet, row: int, values: Sequence[CellValue]) -> None:
    for column, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        try:
            cell = sheet.cell(row=row, column=column, value=value)
        except IllegalCharacterError as error:
            raise ValueError(
                f"The text {value!r} contains a control character, which .xlsx files cannot "
                "hold; remove it."
            ) from error
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, not a formula


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _extra_headers(items: Iterable[dict[str, str]]) -> list[str]:
    return list(dict.fromkeys(key for extra in items for key in extra))


def _survey(book: openpyxl.Workbook, form: Form, languages: list[str]) -> None:
    lines = form_lines(form)
    extras = _extra_headers(item.extra for _, kind, item in lines if kind != "end")
    headers = ["type", "name", *_translated("label", languages), *_translated("hint", languages)]
    headers += ["required", "relevant", "constraint"]
    headers += _translated("constraint_message", languages)
    headers += ["indicator", "weight", "level", *_translated("recommendation", languages)]
    filtered = any(question.choice_filter for question in form.questions)
    headers += ["choice_filter"] if filtered else []
    sheet = _sheet(book, "survey", headers + extras)
    for row, kind, item in lines:
        extra: list[CellValue] = [item.extra.get(key) for key in extras] if kind != "end" else []
        if isinstance(item, Group):
            word = "repeat" if item.repeat else "group"
            if kind == "end":
                _put(sheet, row, [f"end {word}"])
                continue
            values: list[CellValue] = [f"begin {word}", item.code, *_texts(item.labels, languages)]
            values += [None] * len(languages) + [None, item.relevant]
            values += [None] * (len(headers) - len(values))
            _put(sheet, row, values + extra)
            continue
        question = item
        kind_text = question.type
        if question.list_name:
            kind_text += f" {question.list_name}" + (" or_other" if question.or_other else "")
        values = [kind_text, question.code, *_texts(question.labels, languages)]
        values += _texts(question.hints, languages)
        values += ["yes" if question.required else None, question.relevant, question.constraint]
        values += _texts(question.constraint_messages, languages)
        values += [question.indicator, _number(question.weight), question.level]
        values += _texts(question.recommendations, languages)
        values += [question.choice_filter] if filtered else []
        _put(sheet, row, values + extra)


def _choices(book: openpyxl.Workbook, form: Form, languages: list[str]) -> None:
    lists: dict[str, tuple[Choice, ...]] = {}
    for question in form.questions:
        if not question.list_name or not question.choices:
            continue
        known = lists.setdefault(question.list_name, question.choices)
        if known != question.choices:
            raise ValueError(
                f"The choice list {question.list_name!r} has different choices on different "
                "questions; give each set of choices its own list name."
            )
    extras = _extra_headers(choice.extra for choices in lists.values() for choice in choices)
    headers = ["list_name", "name", *_translated("label", languages), "points", *extras]
    sheet = _sheet(book, "choices", headers)
    row = 1
    for list_name, choices in lists.items():
        for choice in choices:
            row += 1
            points = None if choice.points is None else _number(choice.points)
            values = [list_name, choice.name, *_texts(choice.labels, languages), points]
            _put(sheet, row, values + [choice.extra.get(key) for key in extras])


def _settings(book: openpyxl.Workbook, form: Form, languages: list[str]) -> None:
    extras = list(form.settings_extra)
    headers = ["form_title", "form_id", "version", "default_language"]
    headers += ["index_min_answered_share", "index_aggregation"]
    headers += ["index_population_edges", "index_foreign_born_edges"]
    headers += _translated("index_title", languages) + extras
    sheet = _sheet(book, "settings", headers)
    values: list[CellValue] = [
        form.titles.get(form.default_language),
        form.form_id,
        form.version,
        language_name(form.default_language),
        _number(form.min_answered_share),
        form.aggregation,
        " ".join(number_text(edge) for edge in form.population_edges or ()),
        " ".join(number_text(edge) for edge in form.foreign_born_edges or ()),
        *_texts(form.titles, languages),
        *form.settings_extra.values(),
    ]
    _put(sheet, 2, values)


def _indicators(book: openpyxl.Workbook, form: Form, languages: list[str]) -> None:
    sheet = _sheet(book, "indicators", ["code", *_translated("label", languages), "weight"])
    for row, indicator in enumerate(form.indicators, start=2):
        values = [indicator.code, *_texts(indicator.labels, languages)]
        _put(sheet, row, [*values, _number(indicator.weight)])


def _fit_columns(sheet: Worksheet) -> None:
    for index, column in enumerate(sheet.iter_cols(), start=1):
        longest = max(
            (len(str(cell.value)) for cell in column if cell.value is not None), default=8
        )
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(longest, 8), 60) + 2


def form_write(form: Form) -> bytes:
    """The form as an .xlsx workbook (see the rules above)."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    languages = _languages(form)
    _survey(book, form, languages)
    _choices(book, form, languages)
    _settings(book, form, languages)
    _indicators(book, form, languages)
    for sheet in book.worksheets:
        _fit_columns(sheet)
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()


# Reproducible bytes: the same form always gives the same file, so a built edition committed to
# the repository changes only when its content does.
_FIXED_TIME = datetime.datetime(2000, 1, 1)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same timestamp."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, _FIXED_TIME.timetuple()[:6])
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl writes each worksheet from a temporary file, whose time would leak in.
        name = str(arcname if arcname is not None else filename)
        self.writestr(name, Path(filename).read_bytes(), compress_type, compresslevel)
