"""The places behind the charts: one read of an edition's results, then plain Python.

Rules held here:

- An edition's results are read with one query (the index's ``place_result_values``) and its
  places' facts with one more (the network's ``place_facts_as_of``); the filters then run in
  memory. No query per place. Nothing is computed here: results not computed yet show no place.
- Facts are the latest known up to the edition's year (else the latest known), field by field,
  as the scoring uses them. Population and foreign-born bands are the peer bands the scoring
  stored; the non-nationals band is read from the fact.
- The *measure* of a view is one number per place: the index (core or advanced) when no area is
  chosen, the area's score for one area, and for several areas their mean weighted by the
  indicator weights (the arithmetic rule of the index), over the areas the place has a score in.
- Ranks are ranks in the whole sample of the edition, whatever the filters: the stored ranks
  for the index, competition ranks ("1224") of the area score for an area.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from icc.index.result_selectors import place_result_values
from icc.index.scoring.ranks import competition_rank
from icc.network.selectors import place_facts_as_of
from icc.reports.charts.query import BAND_KINDS, BandKind, ChartQuery, Variant


@dataclass(slots=True)
class PlaceRow:
    """One place's results in the edition, with the facts and bands the filters use."""

    slug: str
    name: str
    country: str
    country_name: str
    status: str
    facts: dict[BandKind, float | None]
    bands: dict[BandKind, int | None]
    index: dict[Variant, float | None]
    indicators: dict[Variant, dict[str, float | None]]
    rank: int | None
    rank_of: int | None
    tied: bool
    rank_core: int | None
    rank_low: float | None
    rank_high: float | None
    synthetic: bool
    place_id: int
    value: float | None = None
    sample_rank: int | None = None


@dataclass
class Sample:
    """Every place of the edition (``rows``) and those the filters keep (``shown``)."""

    query: ChartQuery
    rows: list[PlaceRow]
    shown: list[PlaceRow] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        return any(row.synthetic for row in self.shown)


def _facts(place_ids: list[int], year: int | None) -> dict[int, dict[BandKind, float | None]]:
    """Each place's figures as of the edition's year (the network's one rule)."""
    return {
        place_id: {
            "population": figures.population,
            "foreign_born": figures.foreign_born,
            "non_nationals": figures.non_nationals,
        }
        for place_id, figures in place_facts_as_of(place_ids=place_ids, year=year).items()
    }


def measure(
    index: float | None, scores: Mapping[str, float | None], areas: Iterable[tuple[str, float]]
) -> float | None:
    """The view's number for a place: its ``index``, one area's score or the weighted mean of
    several areas' ``scores`` (``areas``: ``(code, weight)`` pairs; empty means the index)."""
    chosen = list(areas)
    if not chosen:
        return index
    present = [(scores.get(code), weight) for code, weight in chosen]
    known = [(s, w) for s, w in present if s is not None and not math.isnan(s)]
    if not known:
        return None
    return sum(s * w for s, w in known) / sum(w for _, w in known)


def _band_of(row_groups: dict[str, dict[str, int]], kind: str) -> int | None:
    info = row_groups.get(kind)
    return int(info["band"]) if info else None


def sample_load(query: ChartQuery) -> Sample:
    """Every place with a result in the query's edition, its measure and sample rank, and the
    places the filters keep, in the order of the measure (best first, then by name)."""
    edition = query.edition
    results = place_result_values(edition_id=edition.pk)
    facts = _facts([r["place_id"] for r in results], edition.year)
    non_nationals = query.bands["non_nationals"]
    rows = []
    for r in results:
        place_facts = facts.get(r["place_id"], dict.fromkeys(BAND_KINDS))
        nn = place_facts["non_nationals"]
        rows.append(
            PlaceRow(
                slug=r["slug"],
                name=r["name"],
                country=r["country"],
                country_name=r["country_name"],
                status=r["status"],
                facts=place_facts,
                bands={
                    "population": _band_of(r["peer_groups"], "population"),
                    "foreign_born": _band_of(r["peer_groups"], "foreign_born"),
                    "non_nationals": next((b.index for b in non_nationals if b.contains(nn)), None),
                },
                index={"advanced": r["index_advanced"], "core": r["index_core"]},
                indicators={"advanced": r["indicators_advanced"], "core": r["indicators_core"]},
                rank=r["rank"],
                rank_of=r["rank_of"],
                tied=r["tied"],
                rank_core=r["rank_core"],
                rank_low=r["rank_low"],
                rank_high=r["rank_high"],
                synthetic=r["is_synthetic"],
                place_id=r["place_id"],
            )
        )
    _measure_all(query, rows)
    sample = Sample(query=query, rows=rows)
    sample.shown = [row for row in rows if _keeps(query, row)]
    return sample


def _measure_all(query: ChartQuery, rows: list[PlaceRow]) -> None:
    areas = [(a.code, a.weight) for a in query.areas]
    for row in rows:
        row.value = measure(row.index[query.variant], row.indicators[query.variant], areas)
    if not areas:
        for row in rows:
            row.sample_rank = row.rank if query.variant == "advanced" else row.rank_core
    else:
        values = [math.nan if r.value is None else r.value for r in rows]
        ranks: list[float] = list(competition_rank(values)) if rows else []  # the core's rule
        for row, rank in zip(rows, ranks, strict=True):
            row.sample_rank = None if math.isnan(rank) else int(rank)
    rows.sort(key=lambda r: (r.value is None, -(r.value or 0.0), r.name))


def _keeps(query: ChartQuery, row: PlaceRow) -> bool:
    if query.country and row.country != query.country:
        return False
    if query.status and row.status != query.status:
        return False
    if query.network_place_ids is not None and row.place_id not in query.network_place_ids:
        return False
    for kind, band in query.band.items():
        if band is not None and row.bands[kind] != band.index:
            return False
    return True
