"""A survey's form as the surveys module keeps it, and the rules that fill it. Pure: no Django.

The XLSForm engine (``icc.xlsform``) reads the workbook once, when the survey is created;
``snapshot_from_form`` turns its result into plain JSON that the survey stores
(``Survey.form``), and ``SurveyForm`` reads that JSON back. Pages, imports and results work
on ``SurveyForm`` only, so a survey stays readable whatever becomes of the engine's classes.

Rules held here:

- Shown on the phone form: ``select_one``, ``select_multiple``, ``integer``, ``decimal``,
  ``range`` (a number within its ``start``/``end``), ``text``, ``date``, ``time``, ``datetime``,
  ``geopoint`` (typed as "latitude longitude"), all answered, and ``note`` (read only). Any
  other type (calculations, metadata such as ``start``/``end``, files…) and anything inside a
  repeat is kept in the snapshot but never asked and never stored.
- Answers are stored by question name: a choice name (``select_one``), a list of choice names in
  form order (``select_multiple``), ``int``, ``float``, ISO text for dates (``2026-03-01``),
  times (``18:30``, without zone) and date-times (``2026-03-01T18:30``, offset kept when
  given), ``"lat lon [alt acc]"`` for a geopoint, or text.
- The form is walked in order. A question is asked when every group around it is relevant and
  its own ``relevant`` holds for the answers before it (the engine's ``BlockRelevance``); the
  answer of a question not asked counts as empty for every later expression, and is dropped
  (as ODK clients do on submission).
- Then, for an asked question: an answer that cannot be read (a word in a number field, a choice
  that is not offered) is an error; ``required`` (or a ``required`` expression that holds)
  with no answer is an error; a ``constraint``
  that does not hold is an error, with the form's ``constraint_message`` when it has one.
- Choice filters (``choice_filter``, e.g. ``region=${region}``): a bare name is a column of the
  choices sheet for the choice being tested; ``${name}`` is an earlier answer
  (``icc.xlsform.choices_offered``, which the index's questionnaire pages use too). A chosen
  choice that is no longer offered is an error.
- What the server cannot compute (``today()``, repeats…) is read in the respondent's favour,
  as the engine does.
- A problem is a ``code`` (``required``, ``number``, ``range``, ``choice``, ``constraint``,
  ``date``, ``time``, ``datetime``, ``geopoint``, ``too_long``) that the Django side says in
  the user's language, or the form's own ``constraint_message``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from icc.xlsform import CodedQuestion, Form, choices_offered, expression_holds, is_relevant
from icc.xlsform.xpath import BlockRelevance

ASKED_TYPES = frozenset(
    {
        "select_one",
        "select_multiple",
        "integer",
        "decimal",
        "range",
        "text",
        "date",
        "time",
        "datetime",
        "geopoint",
    }
)
SHOWN_TYPES = ASKED_TYPES | {"note"}
SELECT_TYPES = frozenset({"select_one", "select_multiple"})
TEXT_MAX = 2000


@dataclass(frozen=True)
class ChoiceDef:
    name: str
    labels: dict[str, str]
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def extra(self) -> dict[str, str]:
        """The choice's other columns, as ``icc.xlsform.choices_offered`` reads them."""
        return self.columns


@dataclass(frozen=True)
class GroupDef:
    code: str
    labels: dict[str, str]
    relevant: str = ""
    parent: str = ""


@dataclass(frozen=True)
class QuestionDef(CodedQuestion):
    choices: tuple[ChoiceDef, ...] = ()
    choice_filter: str = ""
    appearance: str = ""
    required_expression: str = ""
    in_repeat: bool = False
    parameters: dict[str, str] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        return self.type in SHOWN_TYPES and not self.in_repeat

    @property
    def asked(self) -> bool:
        return self.type in ASKED_TYPES and not self.in_repeat

    @property
    def is_select(self) -> bool:
        return self.type in SELECT_TYPES


@dataclass(frozen=True)
class Problem:
    """Why an answer was refused: ``code`` names the rule (``required``, ``number``, ``choice``,
    ``date``, ``too_long``, ``constraint``); ``message`` is the form's own constraint message in
    the language asked for, or empty (the Django side says it in the user's language)."""

    question: str
    code: str
    message: str


@dataclass(frozen=True)
class Filled:
    """The outcome of checking answers: what would be stored, what was refused, what is asked."""

    answers: dict[str, Any]
    problems: tuple[Problem, ...]
    visible: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def text_in(labels: Mapping[str, str], language: str, default: str) -> str:
    """A label in ``language``, else the form's default language, else any language."""
    for key in (language, default, ""):
        if labels.get(key):
            return labels[key]
    return next((text for text in labels.values() if text), "")


def _labels(values: Mapping[str, str]) -> dict[str, str]:
    return {key: text for key, text in values.items() if text}


def _plain(extra: Mapping[str, object]) -> dict[str, str]:
    return {key: value for key, value in extra.items() if isinstance(value, str)}


def snapshot_from_form(form: Form) -> dict[str, Any]:
    """The JSON a survey stores for an engine ``Form`` (see the module's rules). Questions
    inside repeats are kept but never asked (``in_repeat``)."""
    return {
        "form_id": form.form_id,
        "version": form.version,
        "titles": _labels(form.titles),
        "default_language": form.default_language,
        "languages": list(form.languages),
        "groups": [
            {
                "code": group.name,
                "labels": _labels(group.labels),
                "relevant": group.relevant,
                "parent": group.parent,
            }
            for group in form.groups
        ],
        "questions": [
            {
                "code": question.name,
                "type": question.type,
                "labels": _labels(question.labels),
                "hints": _labels(question.hints),
                "required": question.required,
                "required_expression": question.required_expression,
                "relevant": question.relevant,
                "constraint": question.constraint,
                "constraint_messages": _labels(question.constraint_messages),
                "group": question.group,
                "in_repeat": question.in_repeat,
                "parameters": dict(question.parameters),
                "choice_filter": question.choice_filter,
                "appearance": question.appearance,
                "choices": [
                    {
                        "name": choice.name,
                        "labels": _labels(choice.labels),
                        "columns": _plain(choice.extra),
                    }
                    for choice in question.choices
                ],
            }
            for question in form.questions
        ],
    }


@dataclass(frozen=True)
class SurveyForm:
    """A stored form snapshot, ready to show and check answers against."""

    form_id: str
    titles: dict[str, str]
    default_language: str
    languages: tuple[str, ...]
    groups: tuple[GroupDef, ...]
    questions: tuple[QuestionDef, ...]

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any]) -> SurveyForm:
        return cls(
            form_id=data.get("form_id", ""),
            titles=dict(data.get("titles", {})),
            default_language=data.get("default_language", ""),
            languages=tuple(data.get("languages", ())),
            groups=tuple(
                GroupDef(
                    code=group["code"],
                    labels=dict(group.get("labels", {})),
                    relevant=group.get("relevant", ""),
                    parent=group.get("parent", ""),
                )
                for group in data.get("groups", ())
            ),
            questions=tuple(
                QuestionDef(
                    code=item["code"],
                    type=item["type"],
                    labels=dict(item.get("labels", {})),
                    hints=dict(item.get("hints", {})),
                    required=bool(item.get("required")),
                    relevant=item.get("relevant", ""),
                    constraint=item.get("constraint", ""),
                    constraint_messages=dict(item.get("constraint_messages", {})),
                    group=item.get("group", ""),
                    choice_filter=item.get("choice_filter", ""),
                    appearance=item.get("appearance", ""),
                    required_expression=item.get("required_expression", ""),
                    in_repeat=bool(item.get("in_repeat")),
                    parameters=dict(item.get("parameters", {})),
                    choices=tuple(
                        ChoiceDef(
                            name=choice["name"],
                            labels=dict(choice.get("labels", {})),
                            columns=dict(choice.get("columns", {})),
                        )
                        for choice in item.get("choices", ())
                    ),
                )
                for item in data.get("questions", ())
            ),
        )

    def question(self, code: str) -> QuestionDef | None:
        return next((question for question in self.questions if question.code == code), None)

    @property
    def asked_questions(self) -> tuple[QuestionDef, ...]:
        return tuple(question for question in self.questions if question.asked)

    def logic(self, question: QuestionDef) -> list[str]:
        """The expressions that decide whether and how ``question`` is answered: its skip logic
        (and its groups'), required expression, choice filter and constraint."""
        groups = [self.group(code) for code in self.group_path(question.group)]
        own = [question.relevant, question.required_expression, question.choice_filter]
        return [
            text
            for text in (*own, question.constraint, *(g.relevant for g in groups if g))
            if text.strip()
        ]

    @property
    def grouping_questions(self) -> tuple[QuestionDef, ...]:
        """The questions results may group respondents by: ``select_one`` questions asked of
        everyone alike (no skip logic, choice filter or constraint), so that groupings cannot
        be subtracted from one another (``icc.surveys.suppression``)."""
        return tuple(
            q for q in self.asked_questions if q.type == "select_one" and not self.logic(q)
        )

    def question_label(self, code: str, language: str) -> str:
        question = self.question(code)
        if question is None:
            return code
        return text_in(question.labels, language, self.default_language) or code

    def group(self, code: str) -> GroupDef | None:
        return next((group for group in self.groups if group.code == code), None)

    def group_path(self, code: str) -> list[str]:
        """The group codes from the outermost to ``code`` (empty at the top level)."""
        path: list[str] = []
        while code and code not in path:
            path.insert(0, code)
            group = self.group(code)
            code = group.parent if group else ""
        return path

    def title(self, language: str) -> str:
        return text_in(self.titles, language, self.default_language)


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def _read(question: QuestionDef, raw: object, offered: tuple[ChoiceDef, ...]) -> tuple[Any, str]:
    """An answer from what a browser or a file gives (text, or a list of texts for
    ``select_multiple``): ``(value, "")`` or ``(None, problem code)``."""
    if question.type == "select_multiple":
        items = raw if isinstance(raw, list | tuple) else str(raw or "").split()
        names = [str(item).strip() for item in items if str(item).strip()]
        known = {choice.name for choice in offered}
        if any(name not in known for name in names):
            return None, "choice"
        order = [choice.name for choice in offered]
        return sorted(set(names), key=order.index), ""
    text = str(raw if raw is not None else "").strip()
    if not text:
        return None, ""
    if question.type == "select_one":
        return (text, "") if text in {choice.name for choice in offered} else (None, "choice")
    reader = _READERS.get(question.type)
    if reader is not None:
        return reader(text, question)
    if len(text) > TEXT_MAX:
        return None, "too_long"
    return text, ""


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _integer(text: str, question: QuestionDef) -> tuple[Any, str]:
    value = _number(text)
    return (int(value), "") if value is not None and value.is_integer() else (None, "number")


def _decimal(text: str, question: QuestionDef) -> tuple[Any, str]:
    value = _number(text)
    return (value, "") if value is not None else (None, "number")


def _range(text: str, question: QuestionDef) -> tuple[Any, str]:
    value = _number(text)
    start = _number(question.parameters.get("start", "1")) or 0.0
    end = _number(question.parameters.get("end", "10")) or 0.0
    step = _number(question.parameters.get("step", "1")) or 1.0
    low, high = min(start, end), max(start, end)
    if value is None or not low <= value <= high:
        return None, "range"
    whole = all(float(x).is_integer() for x in (start, end, step))
    if whole and not value.is_integer():
        return None, "range"
    return (int(value) if whole else value), ""


def _date(text: str, question: QuestionDef) -> tuple[Any, str]:
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat(), ""
    except ValueError:
        return None, "date"


def _time(text: str, question: QuestionDef) -> tuple[Any, str]:
    try:
        value = datetime.time.fromisoformat(text)
    except ValueError:
        return None, "time"
    return value.replace(tzinfo=None, microsecond=0).isoformat(timespec="minutes"), ""


def _datetime(text: str, question: QuestionDef) -> tuple[Any, str]:
    try:
        value = datetime.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None, "datetime"
    return value.replace(microsecond=0).isoformat(timespec="minutes"), ""


def _geopoint(text: str, question: QuestionDef) -> tuple[Any, str]:
    """``latitude longitude [altitude accuracy]`` as ODK writes it."""
    parts = [_number(part) for part in text.replace(",", " ").split()]
    if not 2 <= len(parts) <= 4 or any(part is None for part in parts):
        return None, "geopoint"
    numbers = [float(part or 0.0) for part in parts]
    if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        return None, "geopoint"
    return " ".join(f"{number:g}" for number in numbers), ""


_READERS = {
    "integer": _integer,
    "decimal": _decimal,
    "range": _range,
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "geopoint": _geopoint,
}


def form_fill(form: SurveyForm, raw: Mapping[str, object], language: str = "") -> Filled:
    """Check answers as given by a browser or a file (see the module's rules)."""
    values: dict[str, object] = {}
    answers: dict[str, Any] = {}
    problems: list[Problem] = []
    visible: list[str] = []
    blocks = BlockRelevance({g.code: (g.parent, g.relevant) for g in form.groups}, values)
    for question in form.questions:
        if not question.shown:
            values[question.code] = None
            continue
        if not (blocks.relevant(question.group) and is_relevant(question.relevant, values)):
            values[question.code] = None
            continue
        visible.append(question.code)
        if not question.asked:
            continue
        offered = (
            tuple(choices_offered(question.choice_filter, values, question.choices))
            if question.is_select
            else ()
        )
        value, code = _read(question, raw.get(question.code), offered)
        required = question.required or (
            bool(question.required_expression.strip())
            and is_relevant(question.required_expression, values)
        )
        if not code and required and _empty(value):
            code = "required"
        if not code and not expression_holds(question.constraint, value, values):
            code = "constraint"
        if code:
            message = ""
            if code == "constraint":
                message = text_in(question.constraint_messages, language, form.default_language)
            problems.append(Problem(question.code, code, message))
            values[question.code] = None
            continue
        values[question.code] = value
        if not _empty(value):
            answers[question.code] = value
    return Filled(answers=answers, problems=tuple(problems), visible=tuple(visible))
