"""The imperative shell around the scoring core: load answers and facts, score, store.

Results are cached per edition under a key made of every input (published answers, the method
spec, the places' facts, the simulation settings); ``edition_results_refresh`` recomputes only
when that key changes, so an answer or a spec change is always reflected and nothing else is
recomputed.
"""

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Prefetch

from icc.index.forms_bridge import edition_form
from icc.index.models import Answer, Edition, EditionResult, PlaceResult, Response
from icc.index.scoring import (
    MethodSpec,
    peer_groups,
    peer_ranks,
    progress,
    rank_uncertainty,
    ranking,
    sample_and_peer_averages,
    score,
    sobol_indices,
)
from icc.index.workflow import State
from icc.index.xlsform.model import Form
from icc.index.xlsform.xpath import answer_points, visible_questions
from icc.network.models import Place, PlaceFact

DEFAULT_DRAWS = 1000
SEED = 20_201_105  # fixed: the same inputs always give the same rank intervals
SOBOL_BASE = 128  # Saltelli base sample: (k + 2) × 128 rankings, a fraction of a second


@dataclass(frozen=True)
class Inputs:
    responses: list[Response]
    values: list[dict[str, Any]]
    population: list[float]
    foreign_born: list[float]


def _published(edition: Edition) -> list[Response]:
    return list(
        Response.objects.filter(edition=edition, state=State.PUBLISHED)
        .select_related("place__country")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by("place__name")
    )


def _fact(place: Place, year: int | None, field: str) -> float:
    facts = PlaceFact.objects.filter(place=place, **{f"{field}__isnull": False})
    if year is not None:
        before = facts.filter(year__lte=year).order_by("-year").first()
        if before is not None:
            return float(getattr(before, field))
    latest = facts.order_by("-year").first()
    return float(getattr(latest, field)) if latest else math.nan


def _inputs(edition: Edition, responses: list[Response]) -> Inputs:
    return Inputs(
        responses=responses,
        values=[
            {a.question.code: a.value for a in r.answers.all() if a.value is not None}
            for r in responses
        ],
        population=[_fact(r.place, edition.year, "population") for r in responses],
        foreign_born=[_fact(r.place, edition.year, "foreign_born_pct") for r in responses],
    )


def points_matrix(form: Form, spec: MethodSpec, values: Sequence[dict[str, Any]]) -> np.ndarray:
    """(n_places, n_questions) points in spec order. Unanswered relevant questions are NaN
    (missing); questions skipped by the questionnaire's own logic score 0 (the city does not
    have what the follow-up asks about)."""
    by_code = {q.code: q for q in form.questions}
    matrix = np.full((len(values), len(spec.questions)), np.nan)
    for i, answers in enumerate(values):
        visible = set(visible_questions(form, answers))
        for j, spec_question in enumerate(spec.questions):
            code = spec_question.code
            if code not in visible:
                matrix[i, j] = 0.0
            elif code in answers:
                points = answer_points(by_code[code], answers[code])
                matrix[i, j] = math.nan if points is None else points
    return matrix


def _key(edition: Edition, inputs: Inputs, n_draws: int, previous_key: str) -> str:
    payload = {
        "method": edition.method,
        "year": edition.year,
        "draws": n_draws,
        "places": [r.place_id for r in inputs.responses],
        "values": inputs.values,
        "population": inputs.population,
        "foreign_born": inputs.foreign_born,
        "previous": previous_key,
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 2)


def _previous_points(edition: Edition, places: list[int]) -> tuple[np.ndarray, MethodSpec] | None:
    previous = edition.previous
    if previous is None:
        return None
    spec = MethodSpec.from_dict(previous.method)
    by_place = {r.place_id: r for r in _published(previous)}
    values = [
        {a.question.code: a.value for a in by_place[p].answers.all() if a.value is not None}
        if p in by_place
        else None
        for p in places
    ]
    matrix = points_matrix(edition_form(previous), spec, [v or {} for v in values])
    for i, v in enumerate(values):
        if v is None:
            matrix[i, :] = np.nan
    return matrix, spec


def edition_results_refresh(
    *, edition: Edition, force: bool = False, n_draws: int = DEFAULT_DRAWS
) -> EditionResult | None:
    """Score every published response of ``edition`` and store the results (None: none
    published). Cheap when nothing changed since the last run."""
    responses = _published(edition) if edition.method else []
    if not responses:
        PlaceResult.objects.filter(edition=edition).delete()
        EditionResult.objects.filter(edition=edition).delete()
        return None
    inputs = _inputs(edition, responses)
    previous_result = (
        EditionResult.objects.filter(edition=edition.previous).first() if edition.previous else None
    )
    key = _key(edition, inputs, n_draws, previous_result.inputs_key if previous_result else "")
    existing = EditionResult.objects.filter(edition=edition).first()
    if existing is not None and existing.inputs_key == key and not force:
        return existing
    return _compute_and_store(edition, inputs, key, n_draws)


@transaction.atomic
def _compute_and_store(edition: Edition, inputs: Inputs, key: str, n_draws: int) -> EditionResult:
    spec = MethodSpec.from_dict(edition.method)
    form = edition_form(edition)
    points = points_matrix(form, spec, inputs.values)
    result = score(points, spec)
    overall = ranking(result.index_advanced)
    core = ranking(result.index_core)
    groups = peer_groups(np.array(inputs.population), np.array(inputs.foreign_born), spec.bands)
    peers = peer_ranks(result.index_advanced, groups)
    averages = sample_and_peer_averages(result.indicator_advanced, groups)
    uncertainty = rank_uncertainty(points, spec, n_draws=n_draws, seed=SEED)
    sensitivity = (
        sobol_indices(points, spec, n_base=SOBOL_BASE, seed=SEED).by_factor()
        if len(inputs.responses) >= 3
        else {}
    )
    codes = spec.indicator_codes
    place_ids = [r.place_id for r in inputs.responses]
    previous = _previous_points(edition, place_ids)
    change = progress(previous[0], previous[1], points, spec) if previous else None

    edition_result, _ = EditionResult.objects.update_or_create(
        edition=edition,
        defaults={
            "inputs_key": key,
            "n_draws": n_draws,
            "sample_averages": {c: _num(v) for c, v in zip(codes, averages.sample, strict=True)},
            "sensitivity": {
                factor: {k: _num(v) for k, v in values.items()}
                for factor, values in sensitivity.items()
            },
        },
    )
    PlaceResult.objects.filter(edition=edition).delete()
    rows = []
    for i, response in enumerate(inputs.responses):
        peer_info = {}
        for kind, kind_ranking in peers.items():
            band = int(groups[kind][i])
            if band < 0:
                continue
            peer_info[kind] = {
                "band": band,
                "rank": int(kind_ranking.rank[i]) if not math.isnan(kind_ranking.rank[i]) else None,
                "of": int(kind_ranking.of[i]),
                "tied": bool(kind_ranking.tied[i]),
                "averages": {
                    c: _num(v) for c, v in zip(codes, averages.peers[kind][i], strict=True)
                },
            }
        place_progress: dict[str, Any] = {}
        if change is not None and not math.isnan(change.index_advanced[i]):
            place_progress = {
                "previous_edition": edition.previous.name if edition.previous else None,
                "index_core": _num(change.index_core[i]),
                "index_advanced": _num(change.index_advanced[i]),
                "indicators": {
                    c: _num(v)
                    for c, v in zip(
                        change.indicator_codes, change.indicator_advanced[i], strict=True
                    )
                },
                "comparable_questions": len(change.comparable_questions),
            }
        rows.append(
            PlaceResult(
                edition=edition,
                place=response.place,
                index_core=_num(result.index_core[i]),
                index_advanced=_num(result.index_advanced[i]),
                indicators_core={
                    c: _num(v) for c, v in zip(codes, result.indicator_core[i], strict=True)
                },
                indicators_advanced={
                    c: _num(v) for c, v in zip(codes, result.indicator_advanced[i], strict=True)
                },
                rank=None if math.isnan(overall.rank[i]) else int(overall.rank[i]),
                rank_of=int(overall.of[i]),
                tied=bool(overall.tied[i]),
                rank_core=None if math.isnan(core.rank[i]) else int(core.rank[i]),
                median_rank=_num(uncertainty.median_rank[i]),
                rank_low=_num(uncertainty.interval[i, 0]),
                rank_high=_num(uncertainty.interval[i, 1]),
                peer_groups=peer_info,
                progress=place_progress,
                is_synthetic=response.is_synthetic,
            )
        )
    PlaceResult.objects.bulk_create(rows)
    return edition_result
