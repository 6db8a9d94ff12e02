"""The imperative shell around the scoring core: load answers and facts, score, store.

Results are computed here only, by ``edition_results_compute``, which the background task runs
after every change the results depend on (see ``services.edition_results_invalidate``), and
which ``icc index score`` and ``icc demo`` run directly. Pages and APIs only read what it stored.
Freshness is a number: ``EditionResult.version`` is the ``Edition.results_version`` the results
were computed from.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction

from icc.index.forms_bridge import edition_form
from icc.index.models import Answer, Edition, EditionResult, PlaceResult, Response
from icc.index.result_payloads import payloads_store
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
from icc.index.signals import results_computed
from icc.index.workflow import State
from icc.index.xlsform.model import Form
from icc.index.xlsform.xpath import answer_points, visible_questions
from icc.network.selectors import place_facts_as_of

DEFAULT_DRAWS = 1000
SEED = 20_201_105  # fixed: the same inputs always give the same rank intervals
SOBOL_BASE = 128  # Saltelli base sample: (k + 2) × 128 rankings, a fraction of a second


@dataclass(frozen=True)
class Inputs:
    """Plain rows of everything the results depend on, in place-name order."""

    place_ids: list[int]
    synthetic: list[bool]
    values: list[dict[str, Any]]
    population: list[float]
    foreign_born: list[float]


def _inputs(edition: Edition) -> Inputs:
    """Published answers and facts (as of the edition's year) in three queries, without
    building model objects."""
    rows = list(
        Response.objects.filter(edition=edition, state=State.PUBLISHED)
        .order_by("place__name", "place_id")
        .values_list("id", "place_id", "is_synthetic")
    )
    index = {response_id: i for i, (response_id, _p, _s) in enumerate(rows)}
    values: list[dict[str, Any]] = [{} for _ in rows]
    answers = Answer.objects.filter(response_id__in=index, value__isnull=False).values_list(
        "response_id", "question__code", "value"
    )
    for response_id, code, value in answers:
        if value is not None:
            values[index[response_id]][code] = value
    place_ids = [place_id for _r, place_id, _s in rows]
    facts = place_facts_as_of(place_ids=place_ids, year=edition.year)
    known = [facts.get(p) for p in place_ids]
    return Inputs(
        place_ids=place_ids,
        synthetic=[synthetic for _r, _p, synthetic in rows],
        values=values,
        population=[_figure(f.population if f else None) for f in known],
        foreign_born=[_figure(f.foreign_born if f else None) for f in known],
    )


def _figure(value: float | None) -> float:
    """NaN for a figure nobody knows: the place is then in no band of that kind."""
    return math.nan if value is None else value


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


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 2)


def _previous_points(edition: Edition, places: list[int]) -> tuple[np.ndarray, MethodSpec] | None:
    previous = edition.previous
    if previous is None:
        return None
    spec = MethodSpec.from_dict(previous.method)
    previous_inputs = _inputs(previous)
    by_place = dict(zip(previous_inputs.place_ids, previous_inputs.values, strict=True))
    values = [by_place.get(p) for p in places]
    matrix = points_matrix(edition_form(previous), spec, [v or {} for v in values])
    for i, v in enumerate(values):
        if v is None:
            matrix[i, :] = np.nan
    return matrix, spec


def edition_results_compute(*, edition: Edition, n_draws: int = DEFAULT_DRAWS) -> EditionResult:
    """Score every published response of ``edition`` and store the results, with the API's
    payloads serialised once, marked with the edition's results version read first (a change
    made meanwhile raises the version again and queues another computation).

    Called by the background task (``index.tasks``), by ``icc index score`` and by the demo.
    """
    version = Edition.objects.values_list("results_version", flat=True).get(pk=edition.pk)
    inputs = _inputs(edition) if edition.method else None
    with transaction.atomic():
        if inputs is None or not inputs.place_ids:
            record = _empty_store(edition, version, n_draws)
        else:
            record = _compute_and_store(edition, inputs, version, n_draws)
        if record.version == version:
            payloads_store(edition=edition, result=record)
            edition_id = record.edition_id
            transaction.on_commit(
                lambda: results_computed.send(sender=Edition, edition_id=edition_id)
            )
    return record


def _newer_stored(edition: Edition, version: int) -> EditionResult | None:
    """The stored results when a later computation already stored a newer version (then
    this one's are dropped); locks the row until the transaction ends."""
    stored = EditionResult.objects.select_for_update().filter(edition=edition).first()
    return stored if stored is not None and stored.version > version else None


def _empty_store(edition: Edition, version: int, n_draws: int) -> EditionResult:
    newer = _newer_stored(edition, version)
    if newer is not None:
        return newer
    PlaceResult.objects.filter(edition=edition).delete()
    record, _ = EditionResult.objects.update_or_create(
        edition=edition,
        defaults={
            "version": version,
            "places": 0,
            "n_draws": n_draws,
            "sample_averages": {},
            "sensitivity": {},
        },
    )
    return record


def _compute_and_store(
    edition: Edition, inputs: Inputs, version: int, n_draws: int
) -> EditionResult:
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
        if len(inputs.place_ids) >= 3
        else {}
    )
    codes = spec.indicator_codes
    place_ids = inputs.place_ids
    previous = _previous_points(edition, place_ids)
    change = progress(previous[0], previous[1], points, spec) if previous else None
    newer = _newer_stored(edition, version)
    if newer is not None:
        return newer
    edition_result, _ = EditionResult.objects.update_or_create(
        edition=edition,
        defaults={
            "version": version,
            "places": len(inputs.place_ids),
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
    for i, place_id in enumerate(inputs.place_ids):
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
                place_id=place_id,
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
                is_synthetic=inputs.synthetic[i],
            )
        )
    PlaceResult.objects.bulk_create(rows)
    return edition_result
