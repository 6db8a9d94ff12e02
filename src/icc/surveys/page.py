"""What the public phone form shows for given answers: blocks of fields, in the survey's
language, with skip logic and choice filters applied on the server (``icc.surveys.form``).

Rules held here:

- Only questions asked for the answers so far are shown; a change to a question that others
  depend on (``relevant``, ``choice_filter``) re-renders the fields through htmx, and without
  JavaScript the next submit does the same.
- A question's block is its innermost group (a fieldset with the group's label).
- ``select_one`` is a set of radio buttons, or a drop-down list with ``appearance`` ``minimal``
  or more than ten choices; ``select_multiple`` a set of checkboxes; numbers and dates use the
  matching input types; ``text`` a text area with ``appearance`` ``multiline``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.http import QueryDict

from icc.surveys.form import SurveyForm, form_fill, text_in
from icc.xlsform import choices_offered

_REFERENCE = re.compile(r"\$\{([^}]*)\}")


@dataclass(frozen=True)
class ChoiceView:
    name: str
    label: str
    checked: bool


@dataclass(frozen=True)
class FieldView:
    code: str
    type: str
    widget: str  # radio, dropdown, checkbox, number, decimal, date, text, textarea, note
    label: str
    hint: str
    required: bool
    value: str
    choices: tuple[ChoiceView, ...]
    error: str
    refresh: bool  # other questions depend on it: a change re-renders the fields


@dataclass(frozen=True)
class BlockView:
    code: str
    label: str
    fields: list[FieldView] = field(default_factory=list)


def answers_from_post(form: SurveyForm, data: QueryDict) -> dict[str, object]:
    """The raw answers of a posted form: a list for ``select_multiple``, text otherwise."""
    raw: dict[str, object] = {}
    for question in form.asked_questions:
        if question.type == "select_multiple":
            raw[question.code] = data.getlist(question.code)[:200]
        else:
            raw[question.code] = data.get(question.code, "")[:4000]
    return raw


def _depended_on(form: SurveyForm) -> set[str]:
    expressions = [q.relevant for q in form.questions] + [q.choice_filter for q in form.questions]
    expressions += [group.relevant for group in form.groups]
    return {name for text in expressions for name in _REFERENCE.findall(text or "")}


def _widget(question_type: str, appearance: str, choice_count: int) -> str:
    if question_type == "select_one":
        return "dropdown" if "minimal" in appearance or choice_count > 10 else "radio"
    return {
        "select_multiple": "checkbox",
        "integer": "number",
        "decimal": "decimal",
        "date": "date",
        "time": "time",
        "datetime": "datetime",
        "range": "number",
        "geopoint": "geopoint",
        "note": "note",
        "text": "textarea" if "multiline" in appearance else "text",
    }.get(question_type, "text")


def blocks_build(
    form: SurveyForm,
    raw: Mapping[str, object],
    language: str,
    errors: Mapping[str, str] | None = None,
) -> list[BlockView]:
    """The fields to show for answers ``raw`` (see the rules above)."""
    errors = errors or {}
    filled = form_fill(form, raw, language)
    values: dict[str, object] = dict(filled.answers)
    depended = _depended_on(form)
    default = form.default_language
    blocks: list[BlockView] = []
    visible = set(filled.visible)
    for question in form.questions:
        if question.code not in visible:
            continue
        group = form.group(question.group)
        if not blocks or blocks[-1].code != question.group:
            label = text_in(group.labels, language, default) if group else ""
            blocks.append(BlockView(question.group, label))
        given = raw.get(question.code)
        chosen = {str(item) for item in given} if isinstance(given, list) else {str(given or "")}
        offered = choices_offered(question.choice_filter, values, question.choices)
        blocks[-1].fields.append(
            FieldView(
                code=question.code,
                type=question.type,
                widget=_widget(question.type, question.appearance, len(offered)),
                label=text_in(question.labels, language, default) or question.code,
                hint=text_in(question.hints, language, default),
                required=question.required,
                value="" if isinstance(given, list) else str(given or ""),
                choices=tuple(
                    ChoiceView(
                        choice.name,
                        text_in(choice.labels, language, default) or choice.name,
                        choice.name in chosen,
                    )
                    for choice in offered
                ),
                error=errors.get(question.code, ""),
                refresh=question.code in depended,
            )
        )
    return blocks
