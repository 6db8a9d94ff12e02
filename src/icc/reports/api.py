"""Reports API (``/api/v1/index/charts``): the data behind each view of the index charts."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema, Status

from icc.api_contract import Error, Text, UiLanguage
from icc.index.peer_bands import peer_bands_default
from icc.language import current_language, interface_language
from icc.reports.charts.build import chart_view_build
from icc.reports.charts.query import NON_NATIONALS_EDGES, VIEWS, ChartQueryError, chart_query_parse
from icc.reports.charts.sample import sample_load
from icc.reports.charts.view import measure_label

router = Router(tags=["reports"])

_NN_LOWS = (0.0, *NON_NATIONALS_EDGES[:-1])
_NN = ", ".join(
    f"`{low:g}-{high:g}`" for low, high in zip(_NN_LOWS, NON_NATIONALS_EDGES, strict=True)
)
_PEER = peer_bands_default()
_POP, _FB = f"{_PEER.population_edges[0]:g}", f"{_PEER.foreign_born_edges[0]:g}"
CHARTS_DESCRIPTION = f"""
The rows of one view of the index charts, with the filters of the charts page: the same query
string gives the same rows here, in the page's table and in its CSV/XLSX downloads.

- `edition`: an edition name (default: the latest with results).
- `index`: `advanced` (all questions, default) or `core` (core questions only).
- `area`: indicator code(s), repeated or comma-separated; none means the overall index. With
  several areas the measure is their mean weighted by the indicator weights.
- `population_band`, `foreign_born_band`: the edition's peer bands, keyed `low-high` with an
  empty top (`0-{_POP}`, `{_POP}-`; `0-{_FB}`, `{_FB}-` with the default edges). A place's band
  is the one the scoring used for its peer group.
- `non_nationals_band`: share of non-nationals, {_NN}, `{NON_NATIONALS_EDGES[-1]:g}-` (%).
- `country` (ISO code, e.g. `ES`), `network` (slug, e.g. `reci`), `status` (`member`,
  `candidate`, `suspended`, `left`).
- `view`: {", ".join(f"`{v}`" for v in VIEWS)} (default `ranking`).
- `places`: place slugs for `profile` (the first) and `progress` (up to 12); default: the best
  places shown.
- `x`: for `scatter`, `population` (default), `foreign_born` or `non_nationals`.
- `lang`: `en` or `fr` for labels (default: the request's language).

Ranks are ranks in the whole sample of the edition. A wrong value answers 422 with the API's
error body: `detail` says what was wrong, `param` names the parameter.
"""


class ColumnOut(Schema):
    key: str
    label: str
    kind: str


class ChartDataOut(Schema):
    edition: str
    edition_title: str
    view: str
    index: str
    areas: list[str]
    measure: str
    title: str
    synthetic: bool
    query: str
    columns: list[ColumnOut]
    rows: list[dict[str, Any]]
    points: list[dict[str, Any]]
    notes: list[str]


class ChartFiltersIn(Schema):
    edition: Text = ""
    index: Text = ""
    area: list[Text] = []
    population_band: Text = ""
    foreign_born_band: Text = ""
    non_nationals_band: Text = ""
    country: Text = ""
    network: Text = ""
    status: Text = ""
    view: Text = ""
    places: list[Text] = []
    x: Text = ""
    lang: UiLanguage = ""


@router.get(
    "/index/charts",
    response={200: ChartDataOut, 422: Error},
    summary="Data behind the index charts, with the charts' filters",
    description=CHARTS_DESCRIPTION,
)
def charts_data(request: HttpRequest, filters: Query[ChartFiltersIn]) -> Status[dict[str, Any]]:
    params = {key: request.GET.getlist(key) for key in request.GET}
    with translation.override(interface_language(filters.lang or current_language())):
        try:
            query = chart_query_parse(params)
            view = chart_view_build(sample_load(query))
        except ChartQueryError as error:
            return Status(
                422,
                {
                    "detail": error.message,
                    "param": error.param,
                    "errors": [{"loc": ["query", error.param], "msg": error.message}],
                },
            )
        return Status(
            200,
            {
                "edition": query.edition.name,
                "edition_title": query.edition.title,
                "view": query.view,
                "index": query.variant,
                "areas": [a.code for a in query.areas],
                "measure": measure_label(query),
                "title": view.title,
                "synthetic": view.synthetic,
                "query": urlencode(query.params()),
                "columns": [vars(c) for c in view.columns],
                "rows": view.rows,
                "points": view.points,
                "notes": view.notes,
            },
        )
