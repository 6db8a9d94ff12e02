"""The query of the index charts: one reading for the page, its downloads and the API.

Rules held here:

- Every filter lives in the query string, so the same string gives the same view on the page,
  in the CSV/XLSX downloads and in the API. The parameters are read and checked by one
  django-filter FilterSet (``filters.ChartFilterSet``), then by the edition's areas and bands.
- An unknown value is a ``ChartQueryError`` whose message names the parameter and the allowed
  values; nothing is silently ignored. Empty values mean "any".
- ``area`` and ``places`` may be repeated (``area=education&area=language``) or comma-separated.
- Band keys read ``low-high`` with an empty ``high`` for the open top band (``0-100000``,
  ``100000-``), as the directory keys its population bands. Population and foreign-born bands
  are the edition's peer bands (its method spec), so a band filter selects a peer group;
  non-nationals bands use ``NON_NATIONALS_EDGES``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from icc.index.peer_bands import peer_bands_of
from icc.index.selectors import EditionRecord, IndicatorArea, indicator_areas, peer_label
from icc.reports.charts.filters import BAND_PARAMS, ChartFilterSet, not_allowed

# the filters' vocabulary, for the chart views (explicit re-exports)
from icc.reports.charts.filters import MAX_PLACES as MAX_PLACES
from icc.reports.charts.filters import SCATTER_X as SCATTER_X
from icc.reports.charts.filters import VARIANTS as VARIANTS
from icc.reports.charts.filters import VIEWS as VIEWS

Variant = Literal["advanced", "core"]
BandKind = Literal["population", "foreign_born", "non_nationals"]

VIEW_LABELS = {
    "ranking": gettext_lazy("Ranking of places"),
    "profile": gettext_lazy("One place against the averages"),
    "progress": gettext_lazy("Progress over time"),
    "scatter": gettext_lazy("Index against population or diversity"),
    "distribution": gettext_lazy("Distribution per indicator"),
}
BAND_KINDS: tuple[BandKind, ...] = ("population", "foreign_born", "non_nationals")
# Shares of non-nationals (%) at which a band starts; not part of the index method.
NON_NATIONALS_EDGES: tuple[float, ...] = (5.0, 10.0, 20.0)
MULTI_PARAMS = ("area", "places")
AreaInfo = IndicatorArea  # an indicator area of the edition, labelled in the active language


class ChartQueryError(ValueError):
    """A query-string value the charts cannot use; ``param`` names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class BandOption:
    """One band of a kind: ``low <= value < high`` (``high`` None: no upper limit)."""

    kind: BandKind
    index: int
    key: str
    label: str
    low: float
    high: float | None

    def contains(self, value: float | None) -> bool:
        return value is not None and self.low <= value and (self.high is None or value < self.high)


def _edge_text(value: float) -> str:
    return f"{value:g}" if not float(value).is_integer() else str(int(value))


def _non_nationals_label(low: float, high: float | None) -> str:
    if low == 0 and high is not None:
        return _("cities with less than %(high)s %% non-nationals") % {"high": _edge_text(high)}
    if high is None:
        return _("cities with more than %(low)s %% non-nationals") % {"low": _edge_text(low)}
    return _("cities with %(low)s to %(high)s %% non-nationals") % {
        "low": _edge_text(low),
        "high": _edge_text(high),
    }


def edition_bands(edition: EditionRecord) -> dict[BandKind, tuple[BandOption, ...]]:
    """The band options of each kind for ``edition``, labelled in the active language."""
    peer_bands = peer_bands_of(edition.method)
    edges: dict[BandKind, tuple[float, ...]] = {
        "population": peer_bands.population_edges,
        "foreign_born": peer_bands.foreign_born_edges,
        "non_nationals": NON_NATIONALS_EDGES,
    }
    bands: dict[BandKind, tuple[BandOption, ...]] = {}
    for kind, kind_edges in edges.items():
        lows = [0.0, *kind_edges]
        highs: list[float | None] = [*kind_edges, None]
        options = []
        for i, (low, high) in enumerate(zip(lows, highs, strict=True)):
            key = f"{_edge_text(low)}-{_edge_text(high) if high is not None else ''}"
            label = (
                _non_nationals_label(low, high)
                if kind == "non_nationals"
                else peer_label(edition=edition, kind=kind, band=i)
            )
            options.append(BandOption(kind, i, key, label, low, high))
        bands[kind] = tuple(options)
    return bands


@dataclass(frozen=True)
class ChartQuery:
    """A checked chart query: what to show and for which places."""

    edition: EditionRecord
    editions: tuple[EditionRecord, ...]
    variant: Variant
    all_areas: tuple[AreaInfo, ...]
    areas: tuple[AreaInfo, ...]
    bands: dict[BandKind, tuple[BandOption, ...]]
    band: dict[BandKind, BandOption | None]
    country: str = ""
    network: str = ""
    status: str = ""
    view: str = "ranking"
    places: tuple[str, ...] = ()
    x: BandKind = "population"
    network_place_ids: frozenset[int] | None = field(default=None, compare=False)

    @property
    def narrowed(self) -> bool:
        """Whether any filter narrows the sample of the edition."""
        return bool(self.country or self.network or self.status or any(self.band.values()))

    def params(self, **changes: str | Sequence[str]) -> list[tuple[str, str]]:
        """The canonical query string of this view (defaults left out), with ``changes``."""
        values: dict[str, str | Sequence[str]] = {
            "view": self.view if self.view != "ranking" else "",
            "edition": self.edition.name,
            "index": self.variant if self.variant != "advanced" else "",
            "area": [a.code for a in self.areas],
            "population_band": _key(self.band["population"]),
            "foreign_born_band": _key(self.band["foreign_born"]),
            "non_nationals_band": _key(self.band["non_nationals"]),
            "country": self.country,
            "network": self.network,
            "status": self.status,
            "places": list(self.places),
            "x": self.x if self.view == "scatter" and self.x != "population" else "",
        }
        values.update(changes)
        pairs: list[tuple[str, str]] = []
        for name, value in values.items():
            items = [value] if isinstance(value, str) else list(value)
            pairs += [(name, item) for item in items if item]
        return pairs


def _key(band: BandOption | None) -> str:
    return band.key if band else ""


def _bands(
    chosen_keys: Mapping[str, str], bands: dict[BandKind, tuple[BandOption, ...]]
) -> dict[BandKind, BandOption | None]:
    chosen: dict[BandKind, BandOption | None] = {}
    for kind, name in zip(BAND_KINDS, BAND_PARAMS, strict=True):
        key = chosen_keys.get(name) or ""
        options = bands[kind]
        if key and key not in [o.key for o in options]:
            raise ChartQueryError(name, not_allowed(name, key, [o.key for o in options]))
        chosen[kind] = next((o for o in options if o.key == key), None)
    return chosen


def _areas(
    edition: EditionRecord, codes: Sequence[str]
) -> tuple[tuple[AreaInfo, ...], tuple[AreaInfo, ...]]:
    all_areas = tuple(indicator_areas(edition=edition))
    by_code = {a.code: a for a in all_areas}
    for code in codes:
        if code not in by_code:
            raise ChartQueryError("area", not_allowed("area", code, list(by_code)))
    return all_areas, tuple(by_code[c] for c in codes)


def chart_query_parse(params: QueryDict | Mapping[str, Sequence[str]]) -> ChartQuery:
    """Check the chart parameters (a ``QueryDict``, or ``{name: [values]}`` as
    ``QueryDict.lists()`` gives them) against the database; raise ``ChartQueryError`` naming the
    first wrong value."""
    filterset = ChartFilterSet(params)
    problem = filterset.first_error()
    if problem is not None:
        raise ChartQueryError(*problem)
    form = filterset.checked_form
    values = form.cleaned_data
    edition = form.edition
    assert edition is not None  # a valid form has found its edition
    all_areas, areas = _areas(edition, values["area"])
    bands = edition_bands(edition)
    return ChartQuery(
        edition=edition,
        editions=tuple(form.editions),
        variant=cast(Variant, values["index"]),
        all_areas=all_areas,
        areas=areas,
        bands=bands,
        band=_bands(values, bands),
        country=values["country"],
        network=values["network"],
        status=values["status"],
        view=values["view"],
        places=values["places"],
        x=cast(BandKind, values["x"]),
        network_place_ids=form.network_place_ids,
    )
