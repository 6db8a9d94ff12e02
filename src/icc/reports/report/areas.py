"""One section per indicator area of a city report: scores, answers, recommendations, peers.

Rules held here:

- A question's points are those of the scoring (``points_matrix``): the chosen choice's points,
  0 for a question the questionnaire's own logic skipped, none for an unanswered one.
- A question is *low* when it earned less than half the points (``LOW_POINTS``); the report
  gives the recommendation attached to each low question that has one.
- The cities pointed to are the ``TOP_PLACES`` best other places of the edition in the area
  (advanced scores; ties in name order), with their good practices once a provider exists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from icc.index.forms_bridge import edition_form
from icc.index.models import Edition, PlaceResult, Question, Response, pick
from icc.index.scoring import MethodSpec
from icc.index.scoring_service import points_matrix
from icc.index.xlsform.xpath import visible_questions
from icc.reports.report.practices import GoodPractice, good_practices_for_area

LOW_POINTS = 50.0
TOP_PLACES = 3


@dataclass(frozen=True)
class QuestionLine:
    """A scored question of the area as the place answered it.

    ``status``: ``full`` (all points), ``partial``, ``none`` (0 points), ``skipped`` (not asked
    after an earlier answer: 0 points) or ``missing`` (no answer, or an answer without points).
    """

    code: str
    label: str
    level: str
    answer: str
    points: float | None
    status: str
    recommendation: str

    @property
    def low(self) -> bool:
        return self.points is not None and self.points < LOW_POINTS


@dataclass(frozen=True)
class TopPlace:
    slug: str
    name: str
    country: str
    score: float


@dataclass(frozen=True)
class PeerAverage:
    """A peer group's average in an area: ``kind`` of band, the group's label, the average."""

    kind: str
    label: str
    value: float | None


@dataclass(frozen=True)
class LegendItem:
    """One bar of an area's chart, named beside it in the bar's colour."""

    label: str
    color: str
    value: float | None


@dataclass
class AreaSection:
    """An indicator area: the place's scores, the averages it is compared with, its answers."""

    code: str
    label: str
    score: float | None
    core: float | None
    sample: float | None
    peers: list[PeerAverage]
    progress: float | None
    questions: list[QuestionLine] = field(default_factory=list)
    top: list[TopPlace] = field(default_factory=list)
    practices: list[GoodPractice] = field(default_factory=list)
    chart_svg: str = ""
    legend: list[LegendItem] = field(default_factory=list)

    @property
    def recommendations(self) -> list[QuestionLine]:
        return [q for q in self.questions if q.low and q.recommendation]

    @property
    def earned(self) -> float:
        return sum(q.points or 0.0 for q in self.questions)


def _answer_text(question: Question, value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(question.choice_label(str(v)) for v in value)
    if isinstance(value, str) and question.type == "select_multiple":
        return "; ".join(question.choice_label(v) for v in value.split())
    if question.choices:
        return question.choice_label(str(value))
    return str(value)


def _status(points: float, visible: bool, answered: bool) -> str:
    if not visible:
        return "skipped"
    if not answered or math.isnan(points):
        return "missing"
    if points >= 100:
        return "full"
    return "partial" if points > 0 else "none"


def question_lines(*, edition: Edition, response: Response) -> dict[str, list[QuestionLine]]:
    """The scored questions of ``edition`` as ``response`` answered them, by indicator code,
    in questionnaire order (labels in the active language)."""
    spec = MethodSpec.from_dict(edition.method)
    form = edition_form(edition)
    values = {a.question.code: a.value for a in response.answers.select_related("question")}
    values = {code: value for code, value in values.items() if value is not None}
    points = points_matrix(form, spec, [values])[0]
    visible = set(visible_questions(form, values))
    questions = {q.code: q for q in edition.questions.all()}
    lines: dict[str, list[QuestionLine]] = {}
    for column, spec_question in enumerate(spec.questions):
        question = questions[spec_question.code]
        value = values.get(question.code)
        shown = question.code in visible
        earned = float(points[column])
        status = _status(earned, shown, value is not None)
        if status == "skipped":
            answer = _("Not asked: follows from an earlier answer")
        elif value is None:
            answer = _("No answer")
        else:
            answer = _answer_text(question, value)
        lines.setdefault(spec_question.indicator, []).append(
            QuestionLine(
                code=question.code,
                label=question.label,
                level=spec_question.level,
                answer=answer,
                points=None if math.isnan(earned) else earned,
                status=status,
                recommendation=pick(question.recommendations) if question.recommendations else "",
            )
        )
    return lines


def top_places(
    results: list[PlaceResult], *, area: str, exclude: int, count: int = TOP_PLACES
) -> list[TopPlace]:
    """The ``count`` best places in ``area`` other than place ``exclude``."""
    scored = [
        (r.indicators_advanced.get(area), r)
        for r in results
        if r.place_id != exclude and r.indicators_advanced.get(area) is not None
    ]
    scored.sort(key=lambda item: (-(item[0] or 0.0), item[1].place.name))
    return [
        TopPlace(r.place.slug, r.place.name, r.place.country.name, float(score or 0.0))
        for score, r in scored[:count]
    ]


def practices_for(section: AreaSection) -> list[GoodPractice]:
    """Good practices of the top places in the area (the knowledge module's hook)."""
    return good_practices_for_area(
        area_code=section.code, place_slugs=[p.slug for p in section.top]
    )
