"""The diff-friendly YAML source of a shipped edition, and the .xlsx built from it.

Rules held here:

- Layout of the source (see ``editions/icc-2023.yaml``): ``settings`` (form_id, version,
  default_language, title), ``method`` (min_answered_share, aggregation, population_edges,
  foreign_born_edges) and ``indicators``, each with its ``questions``; select questions carry
  their ``choices`` with ``points``. Texts are ``{language code: text}`` (a plain string means
  the default language).
- Each indicator becomes one group (name = indicator code, label = indicator label) holding its
  questions; select questions score into their group's indicator; other types are unscored
  context items. Each select question gets its own list ``<question code>_choices``.
- Errors name the place in the source as a path (``indicators[2].questions[0].choices[1]``)
  in the issue's column, with sheet ``source``; all are collected, then raised together.
- ``form_to_source(form_from_source(d))`` writes every key, defaults included; and
  ``form_from_source(form_to_source(f)) == f`` for a form built from a source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from icc.index.xlsform.checks import (
    Report,
    check_edges,
    check_level,
    check_points,
    check_share,
    check_weight,
)
from icc.index.xlsform.columns import SELECT_TYPES, number_text
from icc.index.xlsform.model import Choice, Form, Group, IndicatorDef, Question, XLSFormError
from icc.index.xlsform.read import form_read
from icc.index.xlsform.source_checks import SourceReader, source_expressions_check
from icc.index.xlsform.write import form_layout, form_write

SOURCE_TYPES = ("select_one", "select_multiple", "integer", "decimal", "text", "date", "note")


def _choices(reader: SourceReader, path: str, items: object) -> tuple[Choice, ...]:
    choices: list[Choice] = []
    for index, item in enumerate(reader.items(path, items)):
        where = f"{path}[{index}]"
        data = reader.mapping(where, item, {"name"}, {"name", "label", "points"})
        name = reader.text(f"{where}.name", data.get("name"))
        points, problem = check_points(data.get("points"), f"choice {name!r}")
        if problem:
            reader.report.error("source", None, f"{where}.points", problem)
        choices.append(Choice(name, reader.texts(f"{where}.label", data.get("label")), points))
    names = [choice.name for choice in choices]
    if len(set(names)) != len(names):
        reader.fail(path, "Two choices have the same name; give each choice its own name.")
    return tuple(choices)


_QUESTION_KEYS = {
    "code",
    "type",
    "level",
    "weight",
    "required",
    "label",
    "hint",
    "relevant",
    "constraint",
    "constraint_message",
    "choices",
    "recommendation",
}


def _question(reader: SourceReader, path: str, item: object, indicator: str) -> Question:
    data = reader.mapping(path, item, {"code", "type", "label"}, _QUESTION_KEYS)
    code = reader.text(f"{path}.code", data.get("code"))
    kind = reader.text(f"{path}.type", data.get("type"))
    if kind not in SOURCE_TYPES:
        reader.fail(f"{path}.type", f"The type {kind!r} is not one of {', '.join(SOURCE_TYPES)}.")
    weight, problem = check_weight(data.get("weight"), f"question {code!r}")
    if problem:
        reader.fail(f"{path}.weight", problem)
    level, problem = check_level(data.get("level"), f"question {code!r}")
    if problem:
        reader.fail(f"{path}.level", problem)
    choices: tuple[Choice, ...] = ()
    if kind in SELECT_TYPES:
        choices = _choices(reader, f"{path}.choices", data.get("choices"))
    elif "choices" in data:
        reader.fail(
            f"{path}.choices", "Only select_one and select_multiple questions have choices."
        )
    return Question(
        code=code,
        type=kind,
        labels=reader.texts(f"{path}.label", data.get("label")),
        hints=reader.texts(f"{path}.hint", data.get("hint")),
        required=reader.flag(f"{path}.required", data.get("required", False)),
        relevant=reader.text(f"{path}.relevant", data.get("relevant", ""), allow_empty=True),
        constraint=reader.text(f"{path}.constraint", data.get("constraint", ""), allow_empty=True),
        constraint_messages=reader.texts(
            f"{path}.constraint_message", data.get("constraint_message")
        ),
        group=indicator,
        list_name=f"{code}_choices" if kind in SELECT_TYPES else None,
        choices=choices,
        indicator=indicator if kind in SELECT_TYPES else None,
        weight=weight,
        level=level,
        recommendations=reader.texts(f"{path}.recommendation", data.get("recommendation")),
    )


def _method(reader: SourceReader, data: Mapping[str, Any]) -> dict[str, Any]:
    method = reader.mapping(
        "method",
        data.get("method", {}),
        set(),
        {"min_answered_share", "aggregation", "population_edges", "foreign_born_edges"},
    )
    share, problem = check_share(method.get("min_answered_share"), "min_answered_share")
    if problem:
        reader.fail("method.min_answered_share", problem)
    aggregation = method.get("aggregation", "arithmetic")
    if aggregation not in ("arithmetic", "geometric"):
        reader.fail("method.aggregation", "Write arithmetic or geometric.")
        aggregation = "arithmetic"
    found: dict[str, Any] = {"min_answered_share": share, "aggregation": aggregation}
    for key in ("population_edges", "foreign_born_edges"):
        value = method.get(key)
        text = " ".join(number_text(v) for v in reader.items(f"method.{key}", value or []))
        found[key], problem = check_edges(text or None, key, None)
        if problem:
            reader.fail(f"method.{key}", problem)
    return found


def form_from_source(data: Mapping[str, Any]) -> Form:
    """Build the edition's ``Form`` from its YAML source (already parsed); see the rules above.

    Raises ``XLSFormError`` listing every problem, each located by its path in the source.
    """
    reader = SourceReader(Report())
    top = reader.mapping("", data, {"settings", "indicators"}, {"settings", "method", "indicators"})
    settings = reader.mapping(
        "settings",
        top.get("settings", {}),
        {"form_id"},
        {"form_id", "version", "default_language", "title"},
    )
    reader.default = reader.text(
        "settings.default_language", settings.get("default_language", "en")
    )
    method = _method(reader, top)
    groups: list[Group] = []
    questions: list[Question] = []
    indicators: list[IndicatorDef] = []
    for index, item in enumerate(reader.items("indicators", top.get("indicators"))):
        path = f"indicators[{index}]"
        entry = reader.mapping(
            path, item, {"code", "label", "questions"}, {"code", "label", "weight", "questions"}
        )
        code = reader.text(f"{path}.code", entry.get("code"))
        weight, problem = check_weight(entry.get("weight"), f"indicator {code!r}")
        if problem:
            reader.fail(f"{path}.weight", problem)
        labels = reader.texts(f"{path}.label", entry.get("label"))
        indicators.append(IndicatorDef(code, labels, weight))
        groups.append(Group(code, labels))
        for number, question in enumerate(
            reader.items(f"{path}.questions", entry.get("questions"))
        ):
            questions.append(_question(reader, f"{path}.questions[{number}]", question, code))
    source_expressions_check(reader, groups, questions, indicators)
    if reader.report.errors:
        raise XLSFormError(reader.report.errors)
    form = Form(
        form_id=reader.text("settings.form_id", settings.get("form_id")),
        version=reader.text("settings.version", settings.get("version", ""), allow_empty=True),
        titles=reader.texts("settings.title", settings.get("title")),
        default_language=reader.default,
        languages=tuple(reader.languages),
        groups=tuple(groups),
        questions=tuple(questions),
        indicators=tuple(indicators),
        **method,
    )
    return form_layout(form)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _edges(form: Form) -> dict[str, list[int | float]]:
    """The band edges the form sets; edges it leaves to the platform's default are left out."""
    edges = {
        "population_edges": form.population_edges,
        "foreign_born_edges": form.foreign_born_edges,
    }
    return {
        key: [_number(edge) for edge in value] for key, value in edges.items() if value is not None
    }


def _question_source(question: Question) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": question.code,
        "type": question.type,
        "level": question.level,
        "weight": _number(question.weight),
        "required": question.required,
        "label": question.labels,
    }
    optional = {
        "hint": question.hints,
        "relevant": question.relevant,
        "constraint": question.constraint,
        "constraint_message": question.constraint_messages,
    }
    entry.update({key: value for key, value in optional.items() if value})
    if question.type in SELECT_TYPES:
        entry["choices"] = [
            {"name": c.name, "label": c.labels}
            | ({} if c.points is None else {"points": _number(c.points)})
            for c in question.choices
        ]
    if question.recommendations:
        entry["recommendation"] = question.recommendations
    return entry


def form_to_source(form: Form) -> dict[str, Any]:
    """The YAML source of a form laid out as one group per indicator (see the rules above).

    Raises ``ValueError`` for a form of another shape (questions outside an indicator's group,
    nested groups or repeats), which only the .xlsx format can hold.
    """
    by_group: dict[str, list[Question]] = {indicator.code: [] for indicator in form.indicators}
    for question in form.questions:
        if question.group not in by_group or question.indicator not in (None, question.group):
            raise ValueError(
                f"The question {question.code!r} is not inside the group of its indicator, so "
                "the form cannot be written as a YAML source; keep it as an .xlsx workbook."
            )
    for question in form.questions:
        by_group[question.group].append(question)
    if any(group.parent or group.repeat or group.code not in by_group for group in form.groups):
        raise ValueError(
            "The form has groups that are not indicators (nested groups or repeats), so it "
            "cannot be written as a YAML source; keep it as an .xlsx workbook."
        )
    return {
        "settings": {
            "form_id": form.form_id,
            "version": form.version,
            "default_language": form.default_language,
            "title": form.titles,
        },
        "method": {
            "min_answered_share": form.min_answered_share,
            "aggregation": form.aggregation,
            **_edges(form),
        },
        "indicators": [
            {
                "code": indicator.code,
                "label": indicator.labels,
                "weight": _number(indicator.weight),
                "questions": [_question_source(q) for q in by_group[indicator.code]],
            }
            for indicator in form.indicators
        ],
    }


def edition_build(source_path: Path, xlsx_path: Path) -> Form:
    """Build an edition's .xlsx from its YAML source; return the form as read back from it.

    The workbook is read back with ``form_read`` (pyxform included) before it is written, so a
    source that does not make a valid XLSForm raises ``XLSFormError`` and writes nothing.
    """
    data = yaml.safe_load(source_path.read_text(encoding="utf-8"))
    form = form_from_source(data)
    content = form_write(form)
    read = form_read(filename=xlsx_path.name, content=content)
    if dataclasses.replace(read, warnings=()) != form:
        raise RuntimeError(
            f"The workbook built from {source_path} does not read back as the same form; "
            "this is a bug in the XLSForm writer, please report it."
        )
    xlsx_path.write_bytes(content)
    return read
