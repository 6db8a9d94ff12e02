"""The views of one or a few places: the ranking, one place's profile, progress over time;
and the dispatch from a query's ``view`` to its builder. (Rules: see ``charts.chart``.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from icc.index.result_selectors import place_results_across_editions
from icc.reports.charts import specs
from icc.reports.charts.chart import (
    Chart,
    Column,
    any_synthetic,
    chosen_places,
    mean,
    measure_label,
    note_unscored,
    rounded,
    view_title,
    whole,
)
from icc.reports.charts.query import BandKind
from icc.reports.charts.sample import PlaceRow, Sample, measure
from icc.reports.charts.spread import distribution_view, scatter_view

DEFAULT_PROGRESS_PLACES = 5


def ranking_view(sample: Sample) -> Chart:
    """Places in order of the measure, with their sample rank and, for the advanced index,
    the 90 % rank interval of the uncertainty analysis."""
    query = sample.query
    interval = not query.areas and query.variant == "advanced"
    label = measure_label(query)
    columns = [
        Column("rank", _("Rank"), "rank"),
        Column("place", _("Place")),
        Column("country", _("Country")),
        Column("value", label, "score"),
    ]
    if len(query.areas) > 1:
        columns += [Column(f"area_{a.code}", a.label, "score") for a in query.areas]
    if interval:
        columns += [
            Column("rank_low", _("Best rank (90 %)"), "rank"),
            Column("rank_high", _("Worst rank (90 %)"), "rank"),
        ]
    rows = []
    scored = [r for r in sample.shown if r.value is not None]
    for r in scored:
        row: dict[str, Any] = {
            "rank": r.sample_rank,
            "place": r.name,
            "country": r.country_name,
            "value": rounded(r.value),
            "slug": r.slug,
        }
        for area in query.areas if len(query.areas) > 1 else ():
            row[f"area_{area.code}"] = rounded(r.indicators[query.variant].get(area.code))
        if interval:
            row["rank_low"] = whole(r.rank_low)
            row["rank_high"] = whole(r.rank_high)
        rows.append(row)
    view = Chart("ranking", view_title(query), columns, rows, any_synthetic(scored))
    note_unscored(view, len(sample.shown) - len(scored))
    if interval:
        view.notes.append(
            _(
                "The rank interval is where the place's rank falls in 90 % of the simulations "
                "that vary the weights and the aggregation rule."
            )
        )
    view.chart = lambda: specs.ranking_chart(
        rows,
        value_label=label,
        rank_label=_("Rank"),
        place_label=_("Place"),
        interval=interval,
    )
    return view


def profile_view(sample: Sample) -> Chart:
    """One place's score on the index and every indicator (or the chosen areas) against the
    sample average, its peer groups' averages and, when filters narrow the sample, the
    average of the places shown."""
    query = sample.query
    chosen = chosen_places(sample, 1)
    if not chosen:
        return Chart("profile", view_title(query), [], [], False)
    place = chosen[0]
    variant = query.variant
    categories: list[tuple[str, str]] = [] if query.areas else [("", _("Overall index"))]
    categories += [(a.code, a.label) for a in (query.areas or query.all_areas)]

    def score(row: PlaceRow, code: str) -> float | None:
        return row.index[variant] if not code else row.indicators[variant].get(code)

    groups: list[tuple[str, str, list[PlaceRow]]] = [
        ("sample", _("Average of all %(n)d places") % {"n": len(sample.rows)}, sample.rows)
    ]
    peer_kinds: tuple[BandKind, ...] = ("population", "foreign_born")
    for kind in peer_kinds:
        band = place.bands[kind]
        if band is not None:
            peers = [r for r in sample.rows if r.bands[kind] == band]
            label = query.bands[kind][band].label
            groups.append((f"peers_{kind}", _("Average of %(group)s") % {"group": label}, peers))
    if query.narrowed:
        shown = sample.shown
        groups.append(("shown", _("Average of the %(n)d places shown") % {"n": len(shown)}, shown))
    columns = [Column("category", _("Indicator")), Column("place", place.name, "score")]
    columns += [Column(key, label, "score") for key, label, _rows in groups]
    rows = []
    for code, label in categories:
        row: dict[str, Any] = {"category": label, "code": code or "index"}
        row["place"] = rounded(score(place, code))
        for key, _label, members in groups:
            row[key] = rounded(mean([score(m, code) for m in members]))
        rows.append(row)
    series = [place.name, *[label for _key, label, _rows in groups]]
    keys = ["place", *[key for key, _label, _rows in groups]]
    long = [
        {"category": row["category"], "series": name, "value": row[key]}
        for row in rows
        for key, name in zip(keys, series, strict=True)
        if row[key] is not None
    ]
    view = Chart("profile", view_title(query), columns, rows, place.synthetic, places=(place.slug,))
    view.title = f"{place.name} — {view.title}"
    view.chart = lambda: specs.profile_chart(long, series=series, value_label=_("Score"))
    return view


def progress_view(sample: Sample) -> Chart:
    """The measure of one or several places in every edition up to the chosen one."""
    query = sample.query
    chosen = chosen_places(sample, DEFAULT_PROGRESS_PLACES)
    year = query.edition.year or 0
    editions = sorted(
        (e for e in query.editions if (e.year or 0) <= year), key=lambda e: (e.year or 0, e.name)
    )
    if query.edition not in editions:
        editions.append(query.edition)
    results = place_results_across_editions(
        edition_ids=[e.pk for e in editions], place_ids=[r.place_id for r in chosen]
    )
    areas = [(a.code, a.weight) for a in query.areas]
    found: dict[tuple[str, int], tuple[float | None, bool]] = {}
    advanced = query.variant == "advanced"
    for name, place_id, adv, core, ind_adv, ind_core, is_synthetic in results:
        value = measure(adv if advanced else core, ind_adv if advanced else ind_core, areas)
        found[(name, place_id)] = (value, is_synthetic)
    rows = []
    synthetic = False
    for place in chosen:
        for edition in editions:
            value, marked = found.get((edition.name, place.place_id), (None, False))
            if value is None:
                continue
            synthetic |= marked
            rows.append(
                {
                    "place": place.name,
                    "edition": edition.name,
                    "value": rounded(value),
                    "slug": place.slug,
                }
            )
    label = measure_label(query)
    columns = [
        Column("place", _("Place")),
        Column("edition", _("Edition"), "edition"),
        Column("value", label, "score"),
    ]
    view = Chart(
        "progress",
        view_title(query),
        columns,
        rows,
        synthetic,
        places=tuple(c.slug for c in chosen),
    )
    view.notes.append(
        _(
            "Each edition's scores as published. Questionnaires change a little between "
            "editions; a city report measures progress on comparable questions only."
        )
    )
    names = [e.name for e in editions]
    view.chart = lambda: specs.progress_chart(
        rows, editions=names, value_label=label, edition_label=_("Edition")
    )
    return view


BUILDERS: dict[str, Callable[[Sample], Chart]] = {
    "ranking": ranking_view,
    "profile": profile_view,
    "progress": progress_view,
    "scatter": scatter_view,
    "distribution": distribution_view,
}


def chart_view_build(sample: Sample) -> Chart:
    """The view the query asks for, built from the loaded sample."""
    return BUILDERS[sample.query.view](sample)
