"""The filter controls of the charts page, built from a query checked by ``ChartFilterSet``
(their options depend on the edition and the sample, so the page draws them from the query)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from icc.network.labels import STATUS_LABELS
from icc.network.selectors import network_list
from icc.reports.charts.query import SCATTER_X, VIEW_LABELS, VIEWS, ChartQuery
from icc.reports.charts.sample import Sample
from icc.reports.charts.view import ChartView


@dataclass(frozen=True)
class FilterField:
    """One control of the filter form: a select, single or multiple."""

    name: str
    label: str
    options: list[tuple[str, str]]
    selected: frozenset[str]
    multiple: bool = False
    help: str = ""
    size: int = 5

    @property
    def id(self) -> str:
        return f"filter-{self.name}"


def _any() -> tuple[str, str]:
    return ("", _("Any"))


def filter_fields(query: ChartQuery, sample: Sample, view: ChartView) -> list[FilterField]:
    """The controls in page order, with the query's values selected."""
    fields = [
        FilterField(
            "view", _("View"), [(v, str(VIEW_LABELS[v])) for v in VIEWS], frozenset({query.view})
        ),
        FilterField(
            "edition",
            _("Edition"),
            [(e.name, e.name) for e in query.editions],
            frozenset({query.edition.name}),
        ),
        FilterField(
            "index",
            _("Index"),
            [("advanced", _("Advanced (all questions)")), ("core", _("Core (core questions)"))],
            frozenset({query.variant}),
        ),
        FilterField(
            "area",
            _("Policy areas"),
            [(a.code, a.label) for a in query.all_areas],
            frozenset(a.code for a in query.areas),
            multiple=True,
            help=_("None chosen: the overall index. Ctrl or ⌘ + click to choose several."),
            size=12,
        ),
    ]
    if query.view in {"profile", "progress"}:
        choices = sorted(
            {r.slug: r.name for r in sample.shown if r.value is not None}.items(),
            key=lambda item: item[1],
        )
        fields.append(
            FilterField(
                "places",
                _("Place") if query.view == "profile" else _("Places"),
                choices,
                frozenset(view.places),
                multiple=query.view == "progress",
                help=_("Up to 12 places; Ctrl or ⌘ + click to choose several.")
                if query.view == "progress"
                else "",
            )
        )
    if query.view == "scatter":
        x_labels = {
            "population": _("Population"),
            "foreign_born": _("Foreign-born residents (%)"),
            "non_nationals": _("Non-nationals (%)"),
        }
        fields.append(
            FilterField(
                "x", _("Against"), [(x, x_labels[x]) for x in SCATTER_X], frozenset({query.x})
            )
        )
    band_titles = {
        "population": _("Population"),
        "foreign_born": _("Foreign-born residents"),
        "non_nationals": _("Non-nationals"),
    }
    for kind, options in query.bands.items():
        chosen = query.band[kind]
        fields.append(
            FilterField(
                f"{kind}_band",
                band_titles[kind],
                [_any(), *[(o.key, o.label) for o in options]],
                frozenset({chosen.key if chosen else ""}),
            )
        )
    countries = sorted({r.country: r.country_name for r in sample.rows}.items(), key=lambda c: c[1])
    fields += [
        FilterField("country", _("Country"), [_any(), *countries], frozenset({query.country})),
        FilterField(
            "network",
            _("Network"),
            [_any(), *[(n.slug, n.name) for n in network_list().order_by("name")]],
            frozenset({query.network}),
        ),
        FilterField(
            "status",
            _("Membership status"),
            [_any(), *[(s.value, str(label)) for s, label in STATUS_LABELS.items()]],
            frozenset({query.status}),
        ),
    ]
    return fields
