"""Scoring of the intercultural citizenship test: answers in, a reflective profile out.

Rules
-----
- A test has dimensions (codes such as ``"openness"``) and questions; each question has options,
  and each option carries whole points (0 or more) for some dimensions. A dimension an option
  does not name gets 0 points from it.
- A person answers each question with at most one option. Unanswered questions count for nothing
  on either side of the fraction below.
- The score of a dimension is the points collected on it divided by the most points the answered
  questions could have given it (for each question, the best option *for that dimension*),
  times 100. It is in [0, 100]. A dimension that no answered question can move has no score
  (``None``), never a made-up 0.
- There are no right or wrong answers: a score says how much of a dimension the answers *show*,
  not whether the person passed. The band of a score (``exploring`` under 34, ``growing`` under
  67, ``anchored`` from 67) only chooses the wording of the profile.
- The leading dimension is the one with the highest score; a tie goes to the dimension listed
  first. A profile with no score has no leading dimension.

Theory of operation: plain data in (``ScoringSpec`` and a mapping question id → option id),
validated once at the entry with ``ValueError``s that name the offending id, then a single pass
that sums points and maxima per dimension. Results are frozen dataclasses; the Django side stores
them and words them with gettext. This module imports nothing from Django or the platform.
"""

from collections.abc import Mapping
from dataclasses import dataclass

BANDS: tuple[tuple[float, str], ...] = ((34.0, "exploring"), (67.0, "growing"))
TOP_BAND = "anchored"
BAND_CODES: tuple[str, ...] = (*(code for _edge, code in BANDS), TOP_BAND)


@dataclass(frozen=True)
class OptionSpec:
    """One answer option: its id and its points per dimension code."""

    option_id: int
    points: Mapping[str, int]


@dataclass(frozen=True)
class QuestionSpec:
    """One question and its options, in display order."""

    question_id: int
    options: tuple[OptionSpec, ...]


@dataclass(frozen=True)
class ScoringSpec:
    """A version of the test: its dimension codes (display order) and questions."""

    dimensions: tuple[str, ...]
    questions: tuple[QuestionSpec, ...]


@dataclass(frozen=True)
class DimensionScore:
    """The result on one dimension: ``points`` of ``possible``; ``score`` 0–100 or ``None``."""

    code: str
    points: int
    possible: int
    score: float | None
    band: str | None


@dataclass(frozen=True)
class Profile:
    """Scores in the order of ``ScoringSpec.dimensions`` and the leading dimension's code."""

    dimensions: tuple[DimensionScore, ...]
    leading: str | None

    def score_of(self, code: str) -> float | None:
        """The score of dimension ``code`` (``KeyError`` if the test has no such dimension)."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension.score
        raise KeyError(code)


def band_of(score: float) -> str:
    """The wording band of a score in [0, 100]."""
    for edge, code in BANDS:
        if score < edge:
            return code
    return TOP_BAND


def spec_validate(spec: ScoringSpec) -> None:
    """Raise ``ValueError`` unless ids are unique, dimensions known and points whole and ≥ 0."""
    if len(set(spec.dimensions)) != len(spec.dimensions):
        raise ValueError("The test lists a dimension twice.")
    known = set(spec.dimensions)
    question_ids: set[int] = set()
    option_ids: set[int] = set()
    for question in spec.questions:
        if question.question_id in question_ids:
            raise ValueError(f"Question {question.question_id} appears twice in the test.")
        question_ids.add(question.question_id)
        if not question.options:
            raise ValueError(f"Question {question.question_id} has no options.")
        for option in question.options:
            if option.option_id in option_ids:
                raise ValueError(f"Option {option.option_id} appears twice in the test.")
            option_ids.add(option.option_id)
            for code, value in option.points.items():
                if code not in known:
                    raise ValueError(f"Option {option.option_id} gives points to unknown {code!r}.")
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(
                        f"Option {option.option_id} gives {value!r} points to {code!r}; "
                        "points are whole numbers from 0."
                    )


def _chosen_options(
    spec: ScoringSpec, answers: Mapping[int, int]
) -> list[tuple[QuestionSpec, int]]:
    by_id = {question.question_id: question for question in spec.questions}
    chosen = []
    for question_id, option_id in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValueError(f"Question {question_id} is not part of this test.")
        if option_id not in {option.option_id for option in question.options}:
            raise ValueError(f"Option {option_id} is not an answer to question {question_id}.")
        chosen.append((question, option_id))
    return chosen


def profile_score(spec: ScoringSpec, answers: Mapping[int, int]) -> Profile:
    """The profile of ``answers`` (question id → chosen option id) on test ``spec``."""
    spec_validate(spec)
    points = dict.fromkeys(spec.dimensions, 0)
    possible = dict.fromkeys(spec.dimensions, 0)
    for question, option_id in _chosen_options(spec, answers):
        for code in spec.dimensions:
            best = max(option.points.get(code, 0) for option in question.options)
            possible[code] += best
            points[code] += next(
                option.points.get(code, 0)
                for option in question.options
                if option.option_id == option_id
            )
    scores = []
    for code in spec.dimensions:
        score = 100.0 * points[code] / possible[code] if possible[code] else None
        band = band_of(score) if score is not None else None
        scores.append(DimensionScore(code, points[code], possible[code], score, band))
    scored = [s for s in scores if s.score is not None]
    leading = max(scored, key=lambda s: s.score or 0.0).code if scored else None
    return Profile(tuple(scores), leading)
