"""What a city index report says, as plain data in the active language (no layout here).

Rules held here:

- A report exists for a place with a published response to the edition and a stored result;
  ``report_data`` reads the stored results (computed in the background by the index) and never
  computes (the pages say, from ``edition_results_state``, when a newer computation is queued).
- Ranks are worded by the scoring core (``rank_wording``: "1st of 3 cities", "1re sur 3
  villes"); peer groups by the edition's bands. Averages are the stored sample and peer
  averages of the advanced indicators, the ones the scoring computed.
- The place profile shows what everyone may see: facts with their sources, membership dates,
  networks. Private notes never enter a report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from icc.index.result_selectors import (
    EditionResultData,
    PlaceResultData,
    edition_result_get,
    indicator_areas_of,
    place_results_of,
    response_published_synthetic,
)
from icc.index.scoring import SAMPLE_GROUP, Lang, ordinal, rank_wording
from icc.index.selectors import peer_label, sensitivity_rows
from icc.language import current_language
from icc.network.labels import STEP_LABELS
from icc.network.lifecycle import Step

if TYPE_CHECKING:
    from icc.index.models import Edition
    from icc.network.models import Place

from icc.reports.report.areas import (
    AreaSection,
    PeerAverage,
    practices_for,
    question_lines,
    top_places,
)


class ReportUnavailable(ValueError):
    """No report can be made: the place has no published result in the edition."""


@dataclass(frozen=True)
class RankLine:
    group: str
    wording: str


@dataclass(frozen=True)
class FactLine:
    year: int
    population: int | None
    population_source: str
    foreign_born: float | None
    foreign_born_source: str
    non_nationals: float | None
    non_nationals_source: str
    approximate: bool


@dataclass
class ReportData:
    """Everything a city report shows, ready for a template."""

    place: Place
    edition: Edition
    result: PlaceResultData
    edition_result: EditionResultData
    lang: Lang
    generated_at: dt.datetime
    synthetic: bool
    rank: RankLine | None
    rank_core: RankLine | None
    peer_ranks: list[RankLine]
    interval: str
    sections: list[AreaSection]
    facts: list[FactLine]
    steps: list[tuple[str, dt.date]]
    networks: list[str]
    progress: dict[str, Any] | None
    method: dict[str, Any]
    sample_size: int
    summary_chart_svg: str = ""
    charts: dict[str, Any] = field(default_factory=dict)


def report_lang(language: str | None) -> Lang:
    """The scoring core's language for an interface language (French or else English)."""
    return "fr" if (language or "en").split("-")[0] == "fr" else "en"


def _interval(result: PlaceResultData, draws: int, lang: Lang) -> str:
    if result.rank_low is None or result.rank_high is None:
        return ""
    low, high = round(result.rank_low), round(result.rank_high)
    if low == high:
        return _(
            "In 90 %% of %(draws)s simulations that vary the weights and the aggregation rule, "
            "the rank stays %(rank)s."
        ) % {"draws": number_format(draws, 0, force_grouping=True), "rank": ordinal(low, lang)}
    return _(
        "In 90 %% of %(draws)s simulations that vary the weights and the aggregation rule, the "
        "rank lies between %(low)s and %(high)s."
    ) % {
        "draws": number_format(draws, 0, force_grouping=True),
        "low": ordinal(low, lang),
        "high": ordinal(high, lang),
    }


def _ranks(
    result: PlaceResultData, results: list[PlaceResultData], edition: Edition, lang: Lang
) -> tuple[RankLine | None, RankLine | None, list[RankLine]]:
    sample = SAMPLE_GROUP[lang]
    rank = (
        RankLine(
            _("Whole sample"), rank_wording(result.rank, result.rank_of, sample, lang, result.tied)
        )
        if result.rank and result.rank_of
        else None
    )
    core_of = sum(1 for r in results if r.rank_core is not None)
    core_tied = sum(1 for r in results if r.rank_core == result.rank_core) > 1
    core = (
        RankLine(_("Core index"), rank_wording(result.rank_core, core_of, sample, lang, core_tied))
        if result.rank_core
        else None
    )
    peers = []
    for kind, info in result.peer_groups.items():
        if info.get("rank"):
            label = peer_label(edition=edition, kind=kind, band=info["band"])
            peers.append(
                RankLine(label, rank_wording(info["rank"], info["of"], label, lang, info["tied"]))
            )
    return rank, core, peers


def _facts(place: Place) -> list[FactLine]:
    return [
        FactLine(
            year=f.year,
            population=f.population,
            population_source=f.population_source,
            foreign_born=float(f.foreign_born_pct) if f.foreign_born_pct is not None else None,
            foreign_born_source=f.foreign_born_source,
            non_nationals=float(f.non_nationals_pct) if f.non_nationals_pct is not None else None,
            non_nationals_source=f.non_nationals_source,
            approximate=f.approximate,
        )
        for f in place.facts.order_by("-year")
    ]


def _method(edition: Edition, edition_result: EditionResultData) -> dict[str, Any]:
    method = edition.method
    questions = method.get("questions", [])
    bands = []
    for kind in ("population", "foreign_born"):
        edges = method.get("bands", {}).get(f"{kind}_edges", [])
        bands += [peer_label(edition=edition, kind=kind, band=i) for i in range(len(edges) + 1)]
    return {
        "questions": len(questions),
        "core_questions": sum(1 for q in questions if q.get("level") == "core"),
        "indicators": len(method.get("indicators", [])),
        "aggregation": method.get("aggregation", "arithmetic"),
        "min_answered_share": round(100 * float(method.get("min_answered_share", 0.5))),
        "bands": bands,
        "draws": edition_result.n_draws,
        "computed_at": edition_result.computed_at,
        "sensitivity": sensitivity_rows(edition=edition),
        "previous": edition.previous.name if edition.previous else None,
    }


def _sections(
    edition: Edition,
    edition_result: EditionResultData,
    result: PlaceResultData,
    results: list[PlaceResultData],
) -> list[AreaSection]:
    lines = question_lines(edition=edition, place_id=result.place_id)
    progress = (result.progress or {}).get("indicators", {})
    sections = []
    for area in indicator_areas_of(edition=edition):
        peers = [
            PeerAverage(
                kind=kind,
                label=peer_label(edition=edition, kind=kind, band=info["band"]),
                value=info.get("averages", {}).get(area.code),
            )
            for kind, info in result.peer_groups.items()
        ]
        section = AreaSection(
            code=area.code,
            label=area.label,
            score=result.indicators_advanced.get(area.code),
            core=result.indicators_core.get(area.code),
            sample=edition_result.sample_averages.get(area.code),
            peers=peers,
            progress=progress.get(area.code),
            questions=lines.get(area.code, []),
            top=top_places(results, area=area.code, exclude=result.place_id),
        )
        section.practices = practices_for(
            section, place_id=result.place_id, edition_name=edition.name
        )
        sections.append(section)
    return sections


def report_data(*, place: Place, edition: Edition) -> ReportData:
    """The city report of ``place`` for ``edition`` in the active language, from the stored
    results (reads only).

    Raises ``ReportUnavailable`` (a full sentence) when the place has no published result.
    """
    synthetic = response_published_synthetic(edition=edition, place_id=place.pk)
    results = place_results_of(edition=edition)
    result = next((r for r in results if r.place_id == place.pk), None)
    edition_result = edition_result_get(edition=edition)
    if synthetic is None or result is None or edition_result is None:
        raise ReportUnavailable(
            _("%(place)s has no published response to edition %(edition)s, so it has no report.")
            % {"place": place.name, "edition": edition.name}
        )
    lang = report_lang(current_language())
    rank, rank_core, peers = _ranks(result, results, edition, lang)
    return ReportData(
        place=place,
        edition=edition,
        result=result,
        edition_result=edition_result,
        lang=lang,
        generated_at=timezone.now(),
        synthetic=result.is_synthetic or synthetic,
        rank=rank,
        rank_core=rank_core,
        peer_ranks=peers,
        interval=_interval(result, edition_result.n_draws, lang),
        sections=_sections(edition, edition_result, result, results),
        facts=_facts(place),
        steps=[
            (str(STEP_LABELS[Step(s.step)]), s.date)
            for s in place.membership_steps.order_by("date", "id")
        ],
        networks=[n.name for n in place.networks.order_by("name")],
        progress=result.progress or None,
        method=_method(edition, edition_result),
        sample_size=len(results),
    )
