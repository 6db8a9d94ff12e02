"""The filters of the index charts: one parser for the page, its downloads and the API.

Rules held here:

- Every filter lives in the query string, so the same string gives the same view on the page,
  in the CSV/XLSX downloads and in the API.
- Values are checked once, here. An unknown value is a ``ChartQueryError`` whose message names
  the parameter and the allowed values; nothing is silently ignored. Empty values mean "any".
- ``area`` and ``places`` may be repeated (``area=education&area=language``) or comma-separated.
- Band keys read ``low-high`` with an empty ``high`` for the open top band (``0-100000``,
  ``100000-``), as the directory keys its population bands. Population and foreign-born bands
  are the edition's peer bands (its method spec), so a band filter selects a peer group;
  non-nationals bands use ``NON_NATIONALS_EDGES``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from icc.index.models import Edition
from icc.index.peer_bands import peer_bands_of
from icc.index.selectors import peer_label
from icc.network.lifecycle import Status
from icc.network.models import Country, Network

Variant = Literal["advanced", "core"]
BandKind = Literal["population", "foreign_born", "non_nationals"]

VIEWS: tuple[str, ...] = ("ranking", "profile", "progress", "scatter", "distribution")
VIEW_LABELS = {
    "ranking": gettext_lazy("Ranking of places"),
    "profile": gettext_lazy("One place against the averages"),
    "progress": gettext_lazy("Progress over time"),
    "scatter": gettext_lazy("Index against population or diversity"),
    "distribution": gettext_lazy("Distribution per indicator"),
}
VARIANTS: tuple[Variant, ...] = ("advanced", "core")
BAND_KINDS: tuple[BandKind, ...] = ("population", "foreign_born", "non_nationals")
SCATTER_X: tuple[BandKind, ...] = BAND_KINDS
# Shares of non-nationals (%) at which a band starts; not part of the index method.
NON_NATIONALS_EDGES: tuple[float, ...] = (5.0, 10.0, 20.0)
MULTI_PARAMS = ("area", "places")
MAX_PLACES = 12  # lines on one progress chart stay readable up to about a dozen


class ChartQueryError(ValueError):
    """A query-string value the charts cannot use; ``param`` names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class AreaInfo:
    """An indicator area of the edition, labelled in the active language."""

    code: str
    label: str
    weight: float


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


def edition_bands(edition: Edition) -> dict[BandKind, tuple[BandOption, ...]]:
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

    edition: Edition
    editions: tuple[Edition, ...]
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


def _one(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = params.get(name) or []
    return values[-1].strip() if values else ""


def _many(params: Mapping[str, Sequence[str]], name: str) -> tuple[str, ...]:
    items: list[str] = []
    for value in params.get(name) or []:
        items += [part.strip() for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(items))


def _choice(name: str, value: str, allowed: Sequence[str]) -> str:
    if value and value not in allowed:
        raise ChartQueryError(
            name,
            _("“%(value)s” is not a valid value for %(name)s; use one of: %(allowed)s.")
            % {"value": value, "name": name, "allowed": ", ".join(allowed)},
        )
    return value


def _edition(name: str) -> tuple[Edition, tuple[Edition, ...]]:
    with_results = tuple(
        Edition.objects.filter(Q(result__isnull=False) | Q(responses__state="published"))
        .distinct()
        .order_by("-year", "-name")
    )
    if not name:
        if not with_results:
            raise ChartQueryError(
                "edition", _("No edition of the index has published results yet.")
            )
        return with_results[0], with_results
    found = next((e for e in with_results if e.name == name), None)
    if found is None:
        found = Edition.objects.filter(name=name).first()
    if found is None:
        names = ", ".join(e.name for e in with_results) or _("none yet")
        raise ChartQueryError(
            "edition",
            _("There is no index edition named “%(name)s”; editions with results: %(names)s.")
            % {"name": name, "names": names},
        )
    return found, with_results


def _bands(
    params: Mapping[str, Sequence[str]], bands: dict[BandKind, tuple[BandOption, ...]]
) -> dict[BandKind, BandOption | None]:
    chosen: dict[BandKind, BandOption | None] = {}
    for kind in BAND_KINDS:
        name = f"{kind}_band"
        key = _one(params, name)
        options = bands[kind]
        _choice(name, key, [o.key for o in options])
        chosen[kind] = next((o for o in options if o.key == key), None)
    return chosen


def _areas(edition: Edition, codes: tuple[str, ...]) -> tuple[tuple[AreaInfo, ...], ...]:
    all_areas = tuple(
        AreaInfo(code=a.code, label=a.label, weight=a.weight)
        for a in edition.areas.filter(is_indicator=True).order_by("position")
    )
    by_code = {a.code: a for a in all_areas}
    for code in codes:
        _choice("area", code, list(by_code))
    return all_areas, tuple(by_code[c] for c in codes)


def chart_query_parse(params: Mapping[str, Sequence[str]]) -> ChartQuery:
    """Check the chart parameters (``{name: [values]}``, as ``QueryDict.lists()`` gives them)
    against the database; raise ``ChartQueryError`` at the first wrong value."""
    view = _choice("view", _one(params, "view"), VIEWS) or "ranking"
    variant = _choice("index", _one(params, "index"), VARIANTS) or "advanced"
    edition, editions = _edition(_one(params, "edition"))
    all_areas, areas = _areas(edition, _many(params, "area"))
    bands = edition_bands(edition)
    country = _one(params, "country").upper()
    if country and not Country.objects.filter(code=country).exists():
        raise ChartQueryError(
            "country",
            _("There is no country with the code “%(code)s”; use a two-letter ISO code such as ES.")
            % {"code": country},
        )
    network = _one(params, "network")
    network_place_ids = None
    if network:
        found = Network.objects.filter(slug=network).first()
        if found is None:
            raise ChartQueryError(
                "network",
                _("There is no network “%(slug)s”; use the slug of a network, such as reci.")
                % {"slug": network},
            )
        network_place_ids = frozenset(found.memberships.values_list("place_id", flat=True))
    status = _choice("status", _one(params, "status"), [s.value for s in Status])
    places = _many(params, "places")
    if len(places) > MAX_PLACES:
        raise ChartQueryError(
            "places",
            _("Choose at most %(max)d places; %(count)d were given.")
            % {"max": MAX_PLACES, "count": len(places)},
        )
    x = _choice("x", _one(params, "x"), SCATTER_X) or "population"
    return ChartQuery(
        edition=edition,
        editions=editions,
        variant=variant,  # type: ignore[arg-type]
        all_areas=all_areas,
        areas=areas,
        bands=bands,
        band=_bands(params, bands),
        country=country,
        network=network,
        status=status,
        view=view,
        places=places,
        x=x,  # type: ignore[arg-type]
        network_place_ids=network_place_ids,
    )
