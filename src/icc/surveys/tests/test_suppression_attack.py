"""An attacker's test of the small-count rule (``icc.surveys.suppression``).

The reader asks for every results page a survey offers — each select question alone and
grouped by each question that makes groups — and writes down every number shown: the total of
answers, every group's respondents, every count. Knowing the form (which answers can go
together: "believed" is asked only of those who heard the rumour, a district belongs to its
city), the unknowns are how many respondents gave each possible set of answers; every number
shown is a sum of some of them, and a zero shown says that each of its unknowns is zero. A
hidden count is worked out by subtraction exactly when it is a combination of the numbers
shown, that is when its row lies in their span: the test checks, with linear algebra, that no
count hidden for being small (1 to k − 1 people) does, on surveys drawn at random to hold many
small counts, for three forms: the perception form of these tests (skip logic on a yes/no
question, a cascading district, a select_multiple), one shaped like the anti-rumours survey
(a question per rumour asked of those who ticked it in a select_multiple) and one whose
follow-up question is asked after either of two answers.
"""

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from icc.surveys import selectors
from icc.surveys.form import form_fill
from icc.surveys.models import Submission, Survey
from icc.surveys.services import survey_open
from icc.surveys.tests.conftest import survey_make
from icc.surveys.tests.forms import perception_form, xlsform_bytes

pytestmark = pytest.mark.django_db

Pattern = dict[str, Any]
Test = Callable[[Pattern], bool]


def subsets(*names: str) -> list[list[str]]:
    return [list(c) for n in range(1, len(names) + 1) for c in itertools.combinations(names, n)]


@dataclass(frozen=True)
class Shape:
    """A form and the values each of its select questions can take (None: no answer)."""

    workbook: bytes
    values: dict[str, list[Any]]
    groupers: list[str]
    extra: dict[str, str]  # answers to its other questions

    def choices(self, question: str) -> list[str]:
        names: list[str] = []
        for value in self.values[question]:
            for name in value if isinstance(value, list) else [value] if value else []:
                names += [name] if name not in names else []
        return names


PERCEPTION = Shape(
    workbook=perception_form(),
    values={
        "gender": [None, "woman", "man", "other"],
        "city": [None, "bilbao", "getxo"],
        "district": [None, "deusto", "abando", "algorta"],
        "heard": ["yes", "no"],
        "believed": [None, "yes", "no"],
        "where": [None, *subsets("street", "social", "work")],
    },
    groupers=["gender", "city", "heard"],  # district and believed depend on other answers
    extra={"age": "30"},
)


def workbook(questions: list[tuple[str, str, str, str]], lists: dict[str, list[str]]) -> bytes:
    """An XLSForm of ``questions`` (type, name, required, relevant; labelled by their name)
    with the choice ``lists``."""
    return xlsform_bytes(
        [["type", "name", "label", "required", "relevant"]]
        + [[kind, name, name, required, relevant] for kind, name, required, relevant in questions],
        [["list_name", "name", "label"]]
        + [[list_name, name, name] for list_name, names in lists.items() for name in names],
    )


GROUPS = {"age": ["young", "middle", "old"], "gender": ["woman", "man"]}
ABOUT_YOU = [
    ("select_one age", "age_group", "yes", ""),
    ("select_one gender", "gender", "", ""),
]
ABOUT_YOU_VALUES: dict[str, list[Any]] = {
    "age_group": GROUPS["age"],
    "gender": [None, *GROUPS["gender"]],
}
RUMOURS = Shape(
    workbook=workbook(
        [
            ("select_multiple rumour", "heard", "yes", ""),
            ("select_one yesno", "believe_a", "yes", "selected(${heard}, 'a')"),
            ("select_one yndk", "believe_b", "yes", "selected(${heard}, 'b')"),
            *ABOUT_YOU,
        ],
        {"rumour": ["a", "b", "none"], "yesno": ["yes", "no"], "yndk": ["yes", "no", "dk"]}
        | GROUPS,
    ),
    values={
        "heard": subsets("a", "b", "none"),
        "believe_a": [None, "yes", "no"],
        "believe_b": [None, "yes", "no", "dk"],
        **ABOUT_YOU_VALUES,
    },
    groupers=["age_group", "gender"],  # the believe_ questions are asked of some only
    extra={},
)
SEVERAL = Shape(  # a question asked after either of two answers: its respondents are a sum
    workbook=workbook(
        [
            ("select_one heard", "heard", "yes", ""),
            ("select_one yesno", "believed", "yes", "${heard} != 'no'"),
            *ABOUT_YOU,
        ],
        {"heard": ["yes", "no", "unsure"], "yesno": ["yes", "no"]} | GROUPS,
    ),
    values={"heard": ["yes", "no", "unsure"], "believed": [None, "yes", "no"], **ABOUT_YOU_VALUES},
    groupers=["heard", "age_group", "gender"],
    extra={},
)


def possible_patterns(survey: Survey, shape: Shape) -> list[Pattern]:
    """Every set of answers the form accepts as it is (nothing refused, nothing dropped)."""
    form = selectors.survey_form(survey=survey)
    names = list(shape.values)
    patterns = []
    for values in itertools.product(*shape.values.values()):
        pattern = {name: value for name, value in zip(names, values, strict=True) if value}
        filled = form_fill(form, {**shape.extra, **pattern})
        kept = {name: value for name, value in filled.answers.items() if name in names}
        if filled.ok and kept == pattern:
            patterns.append(pattern)
    return patterns


def chose(pattern: Pattern, question: str, choice: str | None) -> bool:
    """Whether these answers gave ``choice`` to ``question`` (any answer when None)."""
    value = pattern.get(question)
    if choice is None:
        return value is not None
    return choice in value if isinstance(value, list) else value == choice


def counted(question: str, choice: str | None, by: str | None, group: str | None) -> Test:
    """Who a number counts: those who gave ``choice`` (any answer when None) to ``question``,
    in the group of those who answered ``group`` to ``by`` (everyone when None)."""
    return lambda p: chose(p, question, choice) and (group is None or chose(p, by or "", group))


@dataclass
class Reading:
    """What the reader wrote down: the numbers shown and those hidden for being small."""

    shown: list[tuple[Test, int, str]]
    small_hidden: list[tuple[Test, str]]


def read_every_page(survey: Survey, shape: Shape) -> Reading:
    total = selectors.submissions_count(survey_id=survey.pk)
    reading = Reading(shown=[(lambda p: True, total, "answers")], small_hidden=[])
    answers = [s.answers for s in Submission.objects.filter(survey=survey)]
    groupers = [q.code for q in selectors.survey_form(survey=survey).grouping_questions]
    assert groupers == shape.groupers

    def note(test: Test, shown: int | None, where: str) -> None:
        if shown is not None:
            reading.shown.append((test, shown, where))
        elif 0 < sum(1 for a in answers if test(a)) < survey.min_cell:
            reading.small_hidden.append((test, where))

    for question in shape.values:
        for by in (None, *(g for g in groupers if g != question)):
            counts = selectors.survey_counts(survey_id=survey.pk, question=question, by=by)
            for group in counts.all_groups:
                key = group.key or None
                page = f"{question} by {by}, {group.key or 'everyone'}"
                note(counted(question, None, by, key), group.respondents, f"{page}: respondents")
                shown = {choice.name: choice.count for choice in group.choices}
                for name in shape.choices(question):
                    note(counted(question, name, by, key), shown.get(name), f"{page}: {name}")
    return reading


def worked_out(reading: Reading, patterns: list[Pattern]) -> list[str]:
    """The small hidden counts that a combination of the numbers shown gives exactly."""
    rows = np.array([[test(p) for p in patterns] for test, _n, _w in reading.shown], dtype=float)
    zero = np.zeros(len(patterns), dtype=bool)
    for row, (_test, n, _where) in zip(rows, reading.shown, strict=True):
        if n == 0:
            zero |= row.astype(bool)
    unknown = ~zero
    _u, singular, basis = np.linalg.svd(rows[:, unknown], full_matrices=False)
    basis = basis[: int((singular > 1e-9 * singular[0]).sum())]
    found = []
    for test, where in reading.small_hidden:
        target = np.array([test(p) for p in patterns], dtype=float)[unknown]
        if np.linalg.norm(target - basis.T @ (basis @ target)) < 1e-6:
            found.append(where)
    return found


def fill_at_random(survey: Survey, shape: Shape, patterns: list[Pattern], seed: int) -> None:
    """Respondents drawn from a few likely answer sets and many rare ones."""
    rng = random.Random(seed)
    weights = [rng.random() ** 4 for _ in patterns]
    drawn = rng.choices(patterns, weights=weights, k=rng.choice((24, 40, 70)))
    Submission.objects.bulk_create(
        Submission(survey=survey, answers={**shape.extra, **pattern}) for pattern in drawn
    )


@pytest.mark.parametrize(
    ("shape", "seed"),
    [(shape, seed) for shape in (PERCEPTION, RUMOURS, SEVERAL) for seed in range(8)],
)
def test_no_small_count_can_be_worked_out_from_every_page_together(
    directory: dict[str, Any], shape: Shape, seed: int
) -> None:
    survey = survey_open(survey=survey_make(directory["bilbao"].pk, shape.workbook))
    patterns = possible_patterns(survey, shape)
    fill_at_random(survey, shape, patterns, seed)

    reading = read_every_page(survey, shape)

    assert reading.small_hidden  # the draw did hold small counts to hide
    assert worked_out(reading, patterns) == []
