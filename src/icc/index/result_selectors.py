"""Reads of an edition's stored results, as plain data, for the index's pages and APIs and for
the modules above (reports, charts). Nothing here computes or writes: results are computed by
the background task (``tasks.edition_results_task``) and read back here.

- ``edition_results_state``: when the results were computed and whether a newer computation is
  queued ("being updated"): one query, comparing two version numbers.
- ``edition_result_get``, ``place_results_of``, ``place_result_values``,
  ``place_results_across_editions``: the stored numbers.
- ``response_question_points``: a published response's points per question, as the scoring
  counts them (the report's detail).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import F

from icc.index.forms_bridge import edition_form
from icc.index.models import Edition, EditionResult, PlaceResult, Response, ResultPayload, pick
from icc.index.scoring import MethodSpec
from icc.index.scoring_service import points_matrix
from icc.index.workflow import State
from icc.index.xlsform.xpath import visible_questions
from icc.language import content_language


@dataclass(frozen=True)
class ResultsState:
    """Where an edition's results stand. ``updating``: a newer computation is queued (the
    stored results, if any, are shown meanwhile); ``available``: results with places exist."""

    computed_at: dt.datetime | None
    places: int
    updating: bool

    @property
    def available(self) -> bool:
        return self.places > 0


def edition_results_state(*, edition: Edition) -> ResultsState:
    """Whether ``edition``'s results are current, in one query."""
    stored = (
        EditionResult.objects.filter(edition_id=edition.pk)
        .values("version", "computed_at", "places", current=F("edition__results_version"))
        .first()
    )
    if stored is None:
        return ResultsState(computed_at=None, places=0, updating=edition.results_version > 0)
    return ResultsState(
        computed_at=stored["computed_at"],
        places=stored["places"],
        updating=stored["version"] < stored["current"],
    )


@dataclass(frozen=True)
class EditionResultData:
    version: int
    computed_at: dt.datetime
    places: int
    n_draws: int
    sample_averages: dict[str, float | None]
    sensitivity: dict[str, dict[str, float | None]]


def edition_result_get(*, edition: Edition) -> EditionResultData | None:
    """The stored results of ``edition`` as a whole (None: never computed)."""
    stored = EditionResult.objects.filter(edition_id=edition.pk).first()
    if stored is None:
        return None
    return EditionResultData(
        version=stored.version,
        computed_at=stored.computed_at,
        places=stored.places,
        n_draws=stored.n_draws,
        sample_averages=stored.sample_averages,
        sensitivity=stored.sensitivity,
    )


@dataclass(frozen=True)
class PlaceResultData:
    """One place's stored scores and ranks in an edition."""

    place_id: int
    slug: str
    name: str
    country_name: str
    index_core: float | None
    index_advanced: float | None
    indicators_core: dict[str, float | None]
    indicators_advanced: dict[str, float | None]
    rank: int | None
    rank_of: int | None
    tied: bool
    rank_core: int | None
    rank_low: float | None
    rank_high: float | None
    peer_groups: dict[str, Any]
    progress: dict[str, Any]
    is_synthetic: bool


def _place_result_data(r: PlaceResult) -> PlaceResultData:
    return PlaceResultData(
        place_id=r.place_id,
        slug=r.place.slug,
        name=r.place.name,
        country_name=r.place.country.name,
        index_core=r.index_core,
        index_advanced=r.index_advanced,
        indicators_core=r.indicators_core,
        indicators_advanced=r.indicators_advanced,
        rank=r.rank,
        rank_of=r.rank_of,
        tied=r.tied,
        rank_core=r.rank_core,
        rank_low=r.rank_low,
        rank_high=r.rank_high,
        peer_groups=r.peer_groups,
        progress=r.progress,
        is_synthetic=r.is_synthetic,
    )


def place_results_of(*, edition: Edition) -> list[PlaceResultData]:
    """Every place's stored results in ``edition``, by rank then name (one query)."""
    rows = PlaceResult.objects.filter(edition_id=edition.pk).select_related("place__country")
    return [_place_result_data(r) for r in rows.order_by("rank", "place__name")]


_RESULT_FIELDS = (
    "place_id",
    "index_advanced",
    "index_core",
    "indicators_advanced",
    "indicators_core",
    "rank",
    "rank_of",
    "tied",
    "rank_core",
    "rank_low",
    "rank_high",
    "peer_groups",
    "is_synthetic",
)


def place_result_values(*, edition_id: int) -> list[dict[str, Any]]:
    """The edition's results as plain dicts (``_RESULT_FIELDS`` and the place's ``slug``,
    ``status``, ``country``, ``name``, ``country_name``), names in the active language (English
    when not translated, as django-modeltranslation falls back): one query, no model objects."""
    lang = content_language()
    names = {
        "slug": "place__slug",
        "status": "place__status",
        "country": "place__country_id",
        "name": f"place__name_{lang}",
        "name_en": "place__name_en",
        "country_name": f"place__country__name_{lang}",
        "country_name_en": "place__country__name_en",
    }
    rows = PlaceResult.objects.filter(edition_id=edition_id).values(
        *_RESULT_FIELDS, **{key: F(path) for key, path in names.items()}
    )
    result = []
    for row in rows:
        row["name"] = row["name"] or row["name_en"]
        row["country_name"] = row["country_name"] or row["country_name_en"]
        result.append(row)
    return result


def place_results_across_editions(
    *, edition_ids: list[int], place_ids: list[int]
) -> list[tuple[str, int, float | None, float | None, dict[str, Any], dict[str, Any], bool]]:
    """``(edition name, place id, index advanced, index core, indicators advanced, indicators
    core, synthetic)`` of the places in the editions (progress over time)."""
    return list(
        PlaceResult.objects.filter(edition_id__in=edition_ids, place_id__in=place_ids).values_list(
            "edition__name",
            "place_id",
            "index_advanced",
            "index_core",
            "indicators_advanced",
            "indicators_core",
            "is_synthetic",
        )
    )


@dataclass(frozen=True)
class StoredPayload:
    body: bytes
    etag: str
    version: int


def results_payload_get(*, edition: Edition, kind: str, lang: str) -> StoredPayload | None:
    """The stored API body of ``edition``'s results in ``lang`` (None: not computed yet)."""
    row = (
        ResultPayload.objects.filter(edition_id=edition.pk, kind=kind, lang=lang)
        .values_list("body", "etag", "version")
        .first()
    )
    return None if row is None else StoredPayload(bytes(row[0]), row[1], row[2])


def response_published_synthetic(*, edition: Edition, place_id: int) -> bool | None:
    """Whether the place's published response to ``edition`` is synthetic; None: none."""
    return (
        Response.objects.filter(place_id=place_id, edition_id=edition.pk, state=State.PUBLISHED)
        .values_list("is_synthetic", flat=True)
        .first()
    )


@dataclass(frozen=True)
class QuestionPoints:
    """A scored question as a response answered it. ``answer``: the chosen options' labels or
    the value (None: no answer); ``points``: None when missing; ``shown``: False when the
    questionnaire's own logic skipped it (then it scores 0)."""

    code: str
    label: str
    indicator: str
    level: str
    answer: str | None
    points: float | None
    shown: bool
    recommendation: str


def response_question_points(*, edition: Edition, place_id: int) -> list[QuestionPoints]:
    """The scored questions of ``edition`` as the place's published response answered them, in
    method order, with the scoring's points (labels in the active language)."""
    response = Response.objects.filter(
        place_id=place_id, edition_id=edition.pk, state=State.PUBLISHED
    ).first()
    if response is None or not edition.method:
        return []
    spec = MethodSpec.from_dict(edition.method)
    form = edition_form(edition)
    answers = list(response.answers.values_list("question__code", "value", "other"))
    values = {code: value for code, value, _other in answers if value is not None}
    others = {code: other for code, _value, other in answers}
    points = points_matrix(form, spec, [values])[0]
    visible = set(visible_questions(form, values))
    questions = {q.code: q for q in edition.questions.all()}
    lines = []
    for column, spec_question in enumerate(spec.questions):
        question = questions[spec_question.code]
        value = values.get(question.code)
        earned = float(points[column])
        lines.append(
            QuestionPoints(
                code=question.code,
                label=question.label,
                indicator=spec_question.indicator,
                level=spec_question.level,
                answer=None
                if value is None
                else question.answer_words(value, others.get(question.code, ""), separator="; "),
                points=None if math.isnan(earned) else earned,
                shown=question.code in visible,
                recommendation=pick(question.recommendations) if question.recommendations else "",
            )
        )
    return lines


@dataclass(frozen=True)
class AreaData:
    code: str
    label: str


def indicator_areas_of(*, edition: Edition) -> list[AreaData]:
    """The indicator areas of ``edition`` in questionnaire order (labels in the active
    language)."""
    return [
        AreaData(a.code, a.label)
        for a in edition.areas.filter(is_indicator=True).order_by("position")
    ]


def edition_find(*, name: str) -> Edition | None:
    """The edition named ``name``, or None."""
    return Edition.objects.filter(name=name).select_related("previous").first()


def edition_names() -> list[str]:
    """The names of every edition, newest first."""
    return list(Edition.objects.values_list("name", flat=True))


def edition_get_by_id(*, pk: int) -> Edition:
    """The edition ``pk`` (for tasks, which carry ids); ``Edition.DoesNotExist`` otherwise."""
    return Edition.objects.get(pk=pk)


@dataclass(frozen=True)
class PlaceIndexSummary:
    """A place's latest stored Index results, for its public page: the newest edition it has
    results in, its scores and ranks there, each indicator beside the sample average, and its
    progress since the previous edition (on comparable questions)."""

    edition: Edition
    result: PlaceResultData
    median_rank: float | None
    areas: list[tuple[str, str, float | None, float | None]]  # code, label, score, average
    state: ResultsState


def place_index_summary(*, place_id: int) -> PlaceIndexSummary | None:
    """The latest results of ``place_id`` (None: no published result yet). Four queries."""
    stored = (
        PlaceResult.objects.filter(place_id=place_id)
        .select_related("edition__result", "place__country")
        .order_by("-edition__year", "-edition__name")
        .first()
    )
    if stored is None:
        return None
    edition = stored.edition
    averages = edition.result.sample_averages if hasattr(edition, "result") else {}
    areas = [
        (a.code, a.label, stored.indicators_advanced.get(a.code), averages.get(a.code))
        for a in edition.areas.filter(is_indicator=True).order_by("position")
    ]
    return PlaceIndexSummary(
        edition=edition,
        result=_place_result_data(stored),
        median_rank=stored.median_rank,
        areas=areas,
        state=edition_results_state(edition=edition),
    )
