"""One section per indicator area of a city report: scores, answers, recommendations, peers.

Rules held here:

- A question's points are those of the scoring, read from the index
  (``response_question_points``): the chosen choice's points, 0 for a question the
  questionnaire's own logic skipped, none for an unanswered one.
- A question is *low* when it earned less than half the points (``LOW_POINTS``); the report
  gives the recommendation attached to each low question that has one.
- The cities pointed to are the ``TOP_PLACES`` best other places of the edition in the area
  (advanced scores; ties in name order). The good practices listed are the knowledge base's
  published practices of the area, from the cities that score best in it
  (``icc.knowledge.selectors.practices_for_area``), the place itself left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from icc.index.result_selectors import PlaceResultData, QuestionPoints, response_question_points
from icc.knowledge.selectors import AreaPractice, practices_for_area

if TYPE_CHECKING:
    from icc.index.models import Edition

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
    practices: list[AreaPractice] = field(default_factory=list)
    chart_svg: str = ""
    legend: list[LegendItem] = field(default_factory=list)

    @property
    def recommendations(self) -> list[QuestionLine]:
        return [q for q in self.questions if q.low and q.recommendation]

    @property
    def earned(self) -> float:
        return sum(q.points or 0.0 for q in self.questions)


def _status(line: QuestionPoints) -> str:
    if not line.shown:
        return "skipped"
    if line.answer is None or line.points is None:
        return "missing"
    if line.points >= 100:
        return "full"
    return "partial" if line.points > 0 else "none"


def question_lines(*, edition: Edition, place_id: int) -> dict[str, list[QuestionLine]]:
    """The scored questions of ``edition`` as the place's published response answered them, by
    indicator code, in questionnaire order (labels in the active language)."""
    lines: dict[str, list[QuestionLine]] = {}
    for point in response_question_points(edition=edition, place_id=place_id):
        status = _status(point)
        if status == "skipped":
            answer = _("Not asked: follows from an earlier answer")
        elif point.answer is None:
            answer = _("No answer")
        else:
            answer = point.answer
        lines.setdefault(point.indicator, []).append(
            QuestionLine(
                code=point.code,
                label=point.label,
                level=point.level,
                answer=answer,
                points=point.points,
                status=status,
                recommendation=point.recommendation,
            )
        )
    return lines


def top_places(
    results: list[PlaceResultData], *, area: str, exclude: int, count: int = TOP_PLACES
) -> list[TopPlace]:
    """The ``count`` best places in ``area`` other than place ``exclude``."""
    scored = [
        (r.indicators_advanced.get(area), r)
        for r in results
        if r.place_id != exclude and r.indicators_advanced.get(area) is not None
    ]
    scored.sort(key=lambda item: (-(item[0] or 0.0), item[1].name))
    return [
        TopPlace(r.slug, r.name, r.country_name, float(score or 0.0)) for score, r in scored[:count]
    ]


def practices_for(section: AreaSection, *, place_id: int, edition_name: str) -> list[AreaPractice]:
    """Good practices of the area from the places that score best in it (not ``place_id``)."""
    return practices_for_area(
        area=section.code, exclude_place_id=place_id, limit=TOP_PLACES, edition_name=edition_name
    )
