"""Reading an XLSForm: ``form_read`` lets pyxform parse the file and builds the ``Form`` from
pyxform's own parsed form (its JSON dict), never re-reading the sheets.

Rules held here:

- Every file format pyxform reads: ``.xlsx``/``.xlsm``, the older ``.xls``, the CSV form of
  XLSForm (``.csv``: the sheet name in the first column) and pyxform's markdown tables (``.md``).
  The caller checks sizes (and zip bombs) before: the package reads whatever it is given.
- pyxform runs the whole conversion (``workbook_to_json`` then the XForm build, without Java):
  whatever it refuses is refused, located by its ``[row : n]``. It normalises what ODK
  normalises (curly quotes in expressions, header spellings, ``or_other``, loops).
- The platform then parses every expression (relevant, constraint, calculation, required,
  choice_filter, repeat_count) with its evaluator: one that ODK would refuse (not well formed,
  an unknown function) is an error with sheet, row, column and reason; one that uses what the
  server does not compute is a warning.
- What the questionnaire pages cannot show (repeats, loops, geopoints, calculations, metadata,
  media…) is kept, with a warning; never a reason to refuse.
- Row numbers are the spreadsheet's (pyxform keeps blank rows for that); an element pyxform
  adds itself (the ``_other`` text of ``or_other``) has no row.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path, PurePath
from typing import IO, Any

from pyxform.builder import create_survey_element_from_dict  # type: ignore[import-untyped]
from pyxform.errors import PyXFormError  # type: ignore[import-untyped]
from pyxform.xls2json import workbook_to_json  # type: ignore[import-untyped]
from pyxform.xls2json_backends import get_xlsform  # type: ignore[import-untyped]

from icc.xlsform.languages import language_code
from icc.xlsform.model import (
    Choice,
    Extra,
    Form,
    FormReadResult,
    Group,
    GroupKind,
    Issue,
    Question,
)
from icc.xlsform.pyxform_messages import Row, cell, pyxform_issue, sentence
from icc.xlsform.xpath import XPathError, parse

FILE_TYPES = (".xlsx", ".xlsm", ".xls", ".csv", ".md")
_SELECT_TYPES = {
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "select one external": "select_one_external",
    "rank": "rank",
}
_FILE_LIST = re.compile(r"\.(csv|xml|geojson)$", re.IGNORECASE)
_ELEMENT_KEYS = {
    "type", "name", "label", "hint", "bind", "control", "children", "choices", "itemset",
    "list_name", "parameters", "choice_filter", "default", "columns", "media",
}  # fmt: skip
_FORM_KEYS = {
    "type", "name", "children", "choices", "title", "id_string", "sms_keyword",
    "default_language", "version",
}  # fmt: skip
_BLOCK_TYPES: dict[str, GroupKind] = {"group": "group", "repeat": "repeat", "loop": "loop"}
_EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "required", "choice_filter")


def _texts(value: object, default: str) -> dict[str, str]:
    """pyxform's text (a string, or {language: text}) as {language code: text}."""
    if isinstance(value, str):
        return {default: value} if value.strip() else {}
    if isinstance(value, Mapping):
        return {
            (default if key == "default" else language_code(str(key))): text
            for key, text in value.items()
            if isinstance(text, str) and text.strip()
        }
    return {}


def _extra(element: Mapping[str, Any], known: set[str], default: str) -> Extra:
    extra: Extra = {}
    for key, value in element.items():
        if key in known:
            continue
        if isinstance(value, str):
            extra[key] = value
        elif isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()):
            extra[key] = _texts(value, default)
    for kind, texts in (element.get("media") or {}).items():
        extra[f"media::{kind}"] = _texts(texts, default)
    return extra


@dataclass
class _Rows:
    """Finds the spreadsheet row of each element, in order (pyxform's dict has no rows)."""

    rows: Sequence[Row]
    cursor: int = 0

    def find(self, name: str) -> int | None:
        for index in range(self.cursor, len(self.rows)):
            if cell(self.rows[index], "name") == name:
                self.cursor = index + 1
                return index + 2
        return None


@dataclass
class _Walk:
    """State of one walk over pyxform's parsed form."""

    default: str
    survey: _Rows
    raw_survey: Sequence[Row]
    headers: dict[str, str]
    choice_rows: dict[tuple[str, str], list[int]]
    groups: list[Group] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    unshown: dict[str, list[int | None]] = field(default_factory=lambda: defaultdict(list))

    def header(self, base: str) -> str:
        return self.headers.get(base, base)

    def choices(self, items: object, list_name: str) -> tuple[Choice, ...]:
        found: list[Choice] = []
        seen: dict[str, int] = defaultdict(int)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, Mapping):
                continue
            name = str(item.get("name", ""))
            rows = self.choice_rows.get((list_name, name), [])
            row = rows[seen[name]] if seen[name] < len(rows) else None
            seen[name] += 1
            labels = _texts(item.get("label"), self.default)
            found.append(Choice(name, labels, row, _extra(item, {"name", "label"}, self.default)))
        return tuple(found)


def _question_type(element: Mapping[str, Any]) -> str:
    kind = str(element.get("type", ""))
    if kind in _SELECT_TYPES:
        itemset = str(element.get("itemset", ""))
        if not element.get("list_name") and _FILE_LIST.search(itemset):
            return (
                _SELECT_TYPES[kind]
                .replace("_one", "_one_from_file")
                .replace("_multiple", "_multiple_from_file")
            )
        return _SELECT_TYPES[kind]
    return kind


def _walk(walk: _Walk, children: object, path: tuple[str, ...], in_repeat: bool) -> None:
    for element in children if isinstance(children, list) else ():
        if not isinstance(element, Mapping):
            continue
        name = str(element.get("name", ""))
        kind = str(element.get("type", ""))
        row = walk.survey.find(name)
        control = element.get("control") or {}
        bind = element.get("bind") or {}
        if row is None and (control.get("bodyless") or kind == "calculate"):
            continue  # added by pyxform itself: meta/instanceID, a repeat's count
        if kind in _BLOCK_TYPES:
            block = _BLOCK_TYPES[kind]
            group = Group(
                name=name,
                kind=block,
                labels=_texts(element.get("label"), walk.default),
                relevant=str(bind.get("relevant", "")),
                parent=path[-1] if path else "",
                path=path,
                row=row,
                appearance=str(control.get("appearance", "")),
                repeat_count=_repeat_count(walk, row, control),
                loop_over=walk.choices(element.get("columns"), ""),
                extra=_extra(element, _ELEMENT_KEYS, walk.default),
            )
            walk.groups.append(group)
            if block != "group":
                walk.warnings.append(
                    Issue(
                        "survey",
                        row,
                        walk.header("type"),
                        f"The {block} {name!r} is kept, but the platform's questionnaire pages "
                        "show its questions once, not once per repetition.",
                    )
                )
            _walk(walk, element.get("children"), (*path, name), in_repeat or block != "group")
            continue
        walk.questions.append(_question(walk, element, row, path, in_repeat))


def _repeat_count(walk: _Walk, row: int | None, control: Mapping[str, Any]) -> str:
    if row is None:
        return ""
    return cell(walk.raw_survey[row - 2], "repeat_count") or str(control.get("jr:count", ""))


def _question(
    walk: _Walk, element: Mapping[str, Any], row: int | None, path: tuple[str, ...], in_repeat: bool
) -> Question:
    bind = element.get("bind") or {}
    control = element.get("control") or {}
    kind = _question_type(element)
    required_text = str(bind.get("required", "")).strip()
    required = required_text.lower() in {"yes", "true", "true()", "1"}
    list_name = element.get("list_name") or (
        element.get("itemset") if kind.endswith("_from_file") else None
    )
    raw_type = cell(walk.raw_survey[row - 2], "type") if row is not None else ""
    question = Question(
        name=str(element.get("name", "")),
        type=kind,
        labels=_texts(element.get("label"), walk.default),
        hints=_texts(element.get("hint"), walk.default),
        required=required,
        required_expression=""
        if required or required_text.lower() in {"", "no", "false", "false()", "0"}
        else required_text,
        relevant=str(bind.get("relevant", "")),
        constraint=str(bind.get("constraint", "")),
        constraint_messages=_texts(bind.get("jr:constraintMsg"), walk.default),
        calculation=str(bind.get("calculate", "")),
        default=str(element.get("default", "")),
        appearance=str(control.get("appearance", "")),
        choice_filter=str(element.get("choice_filter", "")),
        list_name=str(list_name) if list_name else None,
        choices=walk.choices(element.get("choices"), str(element.get("list_name", ""))),
        or_other=raw_type.split()[-1:] == ["or_other"],
        parameters={str(k): str(v) for k, v in (element.get("parameters") or {}).items()},
        path=path,
        in_repeat=in_repeat,
        row=row,
        extra=_extra(element, _ELEMENT_KEYS, walk.default),
    )
    if not question.shown:
        walk.unshown[kind].append(row)
    _check_expressions(walk, question)
    return question


def _check_expressions(walk: _Walk, question: Question) -> None:
    expressions = {
        "relevant": question.relevant,
        "constraint": question.constraint,
        "calculation": question.calculation,
        "required": question.required_expression,
        "choice_filter": question.choice_filter,
    }
    for column in _EXPRESSION_COLUMNS:
        expression = expressions[column]
        if not expression.strip():
            continue
        problem, unevaluated = expression_check(expression)
        where = ("survey", question.row, walk.header(_COLUMN_HEADERS.get(column, column)))
        if problem:
            walk.errors.append(
                Issue(*where, f"The {column} expression {expression!r} is not valid: {problem}")
            )
        elif unevaluated:
            walk.warnings.append(
                Issue(
                    *where,
                    f"The {column} expression of {question.name!r} uses "
                    f"{', '.join(sorted(unevaluated))}, which the platform does not compute on "
                    "its pages: " + _UNEVALUATED_EFFECT[column],
                )
            )


_COLUMN_HEADERS = {"calculation": "calculation"}
_UNEVALUATED_EFFECT = {
    "relevant": "the question is always shown there.",
    "constraint": "answers are not checked against it there.",
    "calculation": "the value is left empty there.",
    "required": "the question is not required there.",
    "choice_filter": "every choice is offered there.",
}


def expression_check(expression: str) -> tuple[str | None, frozenset[str]]:
    """(why ODK would refuse the expression or None, what the server does not compute)."""
    try:
        tree = parse(expression)
    except XPathError as error:
        return str(error), frozenset()
    return None, tree.unevaluated


def _block_expressions(walk: _Walk) -> None:
    for group in walk.groups:
        for column, expression in (("relevant", group.relevant),):
            problem, _unevaluated = expression_check(expression) if expression else (None, None)
            if problem:
                walk.errors.append(
                    Issue(
                        "survey",
                        group.row,
                        walk.header(column),
                        f"The {column} expression {expression!r} is not valid: {problem}",
                    )
                )


def _warn_unshown(walk: _Walk) -> None:
    for kind, rows in walk.unshown.items():
        numbered = [row for row in rows if row is not None]
        others = f" (also rows {', '.join(map(str, numbered[1:]))})" if len(numbered) > 1 else ""
        walk.warnings.append(
            Issue(
                "survey",
                numbered[0] if numbered else None,
                walk.header("type"),
                f"Questions of type {kind!r}{others} are kept, but the platform's "
                "questionnaire pages do not show them.",
            )
        )


def _headers(definition: Any, sheet: str) -> list[str]:
    header = getattr(definition, f"{sheet}_header", None) or [{}]
    return [str(key) for key in header[0]]


def _languages(definition: Any, settings: Row) -> tuple[str, tuple[str, ...]]:
    found: list[str] = []
    plain = False
    for sheet in ("survey", "choices", "settings"):
        for header in _headers(definition, sheet):
            if "::" in header:
                base, language = header.split("::", 1)
                if base.strip().lower() in {"label", "hint", "constraint_message"} or (
                    sheet == "settings"
                ):
                    found.append(language_code(language))
            elif sheet == "survey" and header.strip().lower() == "label":
                plain = True
    chosen = cell(settings, "default_language")
    if chosen:
        default = language_code(chosen)
    elif plain or not found:
        default = "en"
    else:
        default = found[0]
    return default, tuple(dict.fromkeys([default, *found]))


def _form_id(settings: Row, filename: str) -> str:
    written = cell(settings, "form_id") or cell(settings, "id_string")
    if written:
        return written
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", PurePath(filename).stem).strip("_.-")
    return stem if stem and stem[0].isalpha() else f"form_{stem}".rstrip("_")


def _choice_rows(definition: Any) -> dict[tuple[str, str], list[int]]:
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(definition.choices or ()):
        list_name = cell(row, "list_name") or cell(row, "list name")
        rows[list_name, cell(row, "name")].append(index + 2)
    return rows


def _content(
    source: str | PathLike[str] | bytes | IO[bytes], filename: str | None
) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, filename or "form.xlsx"
    if isinstance(source, str | PathLike):
        path = Path(source)
        return path.read_bytes(), filename or path.name
    return source.read(), filename or str(getattr(source, "name", "") or "form.xlsx")


def _refused(message: str, sheet: str = "workbook") -> FormReadResult:
    return FormReadResult(None, (), (Issue(sheet, None, None, message),))


def _settings_extra(data: Mapping[str, Any], default: str) -> Extra:
    return _extra(data, _FORM_KEYS, default)


def _pyxform(content: bytes, suffix: str, stem: str) -> tuple[Any, dict[str, Any], list[str]]:
    """pyxform's reading, parsed form and conversion warnings; raises PyXFormError."""
    notes: list[str] = []
    definition = get_xlsform(io.BytesIO(content), file_type=suffix if suffix != ".xlsm" else None)
    if not definition.survey:
        raise PyXFormError(
            "The form has no sheet named survey (or it is empty); the sheet that lists the "
            "questions must be named survey (sheets found: "
            f"{', '.join(definition.sheet_names or ()) or 'none'})."
        )
    data = workbook_to_json(
        workbook_dict=definition, fallback_form_name=stem or "data", warnings=notes
    )
    create_survey_element_from_dict(data).to_xml(validate=False, warnings=notes)
    return definition, data, notes


def form_read(
    source: str | PathLike[str] | bytes | IO[bytes], filename: str | None = None
) -> FormReadResult:
    """Read an XLSForm (a path, bytes or a binary file; ``filename`` tells the format when
    the source is bytes). Never raises for a bad file: ``errors`` says what to fix."""
    content, filename = _content(source, filename)
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FILE_TYPES:
        return _refused(
            f"The file {filename!r} is not an XLSForm file pyxform reads ({', '.join(FILE_TYPES)});"
            " save it from your spreadsheet program as .xlsx and upload that file."
        )
    caught: list[warnings.WarningMessage] = []
    raw: Any = None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            raw, data, notes = _pyxform(content, suffix, PurePath(filename).stem)
    except PyXFormError as error:
        survey = list(getattr(raw, "survey", None) or ())
        if not survey:
            try:
                survey = list(get_xlsform(io.BytesIO(content), file_type=suffix).survey or ())
            except Exception:
                survey = []
        return FormReadResult(None, (), (pyxform_issue(str(error), survey),))
    except Exception as error:
        return _refused(
            "The XLSForm converter pyxform could not read this file "
            f"({type(error).__name__}: {error}); check its survey, choices and settings sheets "
            "against the rules at https://xlsform.org."
        )
    return _build(raw, data, notes, caught, filename)


def _build(
    raw: Any,
    data: dict[str, Any],
    notes: list[str],
    caught: list[warnings.WarningMessage],
    filename: str,
) -> FormReadResult:
    settings: Row = (raw.settings or [{}])[0]
    default, languages = _languages(raw, settings)
    survey = list(raw.survey or ())
    headers: dict[str, str] = {}
    for header in _headers(raw, "survey"):
        headers.setdefault(header.strip().lower().replace(" ", "_"), header)
    walk = _Walk(default, _Rows(survey), survey, headers, _choice_rows(raw))
    _walk(walk, data.get("children"), (), False)
    _block_expressions(walk)
    _warn_unshown(walk)
    choice_lists = {
        str(list_name): walk.choices(items, str(list_name))
        for list_name, items in (data.get("choices") or {}).items()
    }
    title = cell(settings, "form_title")
    warnings_found = [*walk.warnings, *(pyxform_issue(note, survey) for note in notes)]
    warnings_found += [
        Issue("workbook", None, None, sentence(str(item.message)))
        for item in caught
        if "openpyxl" not in item.filename and "xlrd" not in item.filename
    ]
    if walk.errors:
        return FormReadResult(None, tuple(warnings_found), tuple(walk.errors))
    form = Form(
        form_id=_form_id(settings, filename),
        version=cell(settings, "version"),
        titles={default: title} if title else {},
        default_language=default,
        languages=languages,
        groups=tuple(walk.groups),
        questions=tuple(walk.questions),
        choice_lists=choice_lists,
        settings=_settings_extra(data, default),
        sheet_names=tuple(str(name) for name in raw.sheet_names or ()),
    )
    return FormReadResult(form, tuple(warnings_found), ())
