"""One Altair definition per view: each spec draws the view's filtered rows with the expected
encodings, compiles with Vega-Lite, and renders with the language's number formats."""

import vl_convert
from django.utils import translation

from icc.reports.charts import specs
from icc.reports.charts.build import chart_view_build
from icc.reports.charts.locale import svg_render
from icc.reports.charts.query import chart_query_parse
from icc.reports.charts.sample import sample_load


def build(**params):
    query = chart_query_parse({key: [value] for key, value in params.items()})
    return chart_view_build(sample_load(query))


def layers(spec):
    """Every unit spec of a (possibly concatenated, layered) spec."""
    for key in ("hconcat", "vconcat", "layer"):
        for part in spec.get(key, []):
            yield from layers(part)
    if "mark" in spec:
        yield spec


def encodings(spec, mark):
    return [unit.get("encoding", {}) for unit in layers(spec) if _mark(unit) == mark]


def _mark(unit):
    return unit["mark"]["type"] if isinstance(unit["mark"], dict) else unit["mark"]


def test_ranking_draws_the_shown_rows_with_rank_intervals(editions):
    view = build(country="ES")
    spec = view.spec()
    assert spec["datasets"]["ranking"] == view.rows
    assert [r["place"] for r in spec["datasets"]["ranking"]] == ["Bilbao", "Getxo"]
    (bar,) = encodings(spec, "bar")
    assert bar["x"]["field"] == "value" and bar["x"]["scale"]["domain"] == [0, 100]
    assert bar["y"]["field"] == "place" and bar["y"]["sort"] == ["Bilbao", "Getxo"]
    (rule,) = encodings(spec, "rule")
    assert (rule["x"]["field"], rule["x2"]["field"]) == ("rank_low", "rank_high")
    (point,) = encodings(spec, "point")
    assert point["x"]["field"] == "rank"
    assert len(spec["hconcat"]) == 2


def test_ranking_of_an_area_has_no_interval_panel(editions):
    spec = build(area="education").spec()
    assert "hconcat" not in spec
    assert encodings(spec, "rule") == []
    assert [r["value"] for r in spec["datasets"]["ranking"]] == [100.0, 75.0, 25.0]


def test_profile_draws_the_place_against_each_average(editions):
    view = build(view="profile", places="bilbao")
    spec = view.spec()
    (bar,) = encodings(spec, "bar")
    assert bar["y"]["field"] == "category" and bar["yOffset"]["field"] == "series"
    series = bar["color"]["scale"]["domain"]
    assert series[0] == "Bilbao" and series[1] == "Average of all 3 places"
    data = spec["datasets"]["profile"]
    assert {"category": "Education", "series": "Bilbao", "value": 75.0} in data
    assert len(data) == 3 * len(series)  # overall index and two areas, one bar per series


def test_progress_draws_lines_across_editions(editions):
    spec = build(view="progress", places="bilbao").spec()
    (line,) = encodings(spec, "line")
    assert line["x"]["field"] == "edition" and line["x"]["sort"] == ["2021", "2023"]
    assert line["color"]["field"] == "place" and line["y"]["field"] == "value"
    assert [r["value"] for r in spec["datasets"]["progress"]] == [75.0, 87.5]


def test_scatter_uses_a_log_scale_for_population_only(editions):
    population = build(view="scatter").spec()
    (circle,) = encodings(population, "circle")
    assert circle["x"]["scale"]["type"] == "log"
    assert {t["field"] for t in circle["tooltip"]} >= {"place", "country", "x", "value"}
    shares = build(view="scatter", x="foreign_born").spec()
    (circle,) = encodings(shares, "circle")
    assert circle["x"]["scale"].get("type") != "log"


def test_distribution_draws_boxes_from_the_table_and_one_dot_per_place(editions):
    view = build(view="distribution", country="ES")
    spec = view.spec()
    assert spec["datasets"]["stats"] == view.rows
    assert len(spec["datasets"]["points"]) == 4  # Bilbao and Getxo, two areas
    (whisker,) = encodings(spec, "rule")
    assert (whisker["x"]["field"], whisker["x2"]["field"]) == ("min", "max")
    (box,) = encodings(spec, "bar")
    assert (box["x"]["field"], box["x2"]["field"]) == ("q1", "q3")
    (dots,) = encodings(spec, "circle")
    assert dots["yOffset"]["field"] == "jitter"


def test_every_view_compiles_with_vega_lite(editions):
    for view in ("ranking", "profile", "progress", "scatter", "distribution"):
        spec = build(view=view).spec()
        vega = vl_convert.vegalite_to_vega(spec, vl_version="6.4")
        assert vega["marks"], view


def test_charts_render_numbers_in_the_language(editions):
    rows = [{"category": "Education", "series": "Bilbao", "value": 87.5}]
    spec = specs.profile_chart(rows, series=["Bilbao"], value_label="Score").to_dict()
    with translation.override("fr"):
        assert "87,5" in svg_render(spec)
    with translation.override("en"):
        assert "87.5" in svg_render(spec)


def test_no_data_no_chart(editions):
    view = build(non_nationals_band="20-")
    assert view.rows == [] and view.spec() == {}


def test_log_ticks_span_the_values():
    assert specs.log_ticks([77_000, 346_000]) == [50_000.0, 100_000.0, 200_000.0, 500_000.0]
    assert specs.log_ticks([]) == []


def test_the_report_variants_are_valid_vega_lite():
    rows = [
        {"category": "Education", "series": name, "value": value}
        for name, value in (("Bilbao", 75.0), ("Average of all 3 places", 66.7))
    ]
    names = ["Bilbao", "Average of all 3 places"]
    compact = specs.profile_chart(rows, series=names, value_label="Score", compact=True)
    spec = compact.to_dict()  # checked against the Vega-Lite schema
    (bar,) = encodings(spec, "bar")
    assert bar["y"]["field"] == "series" and bar["y"]["axis"] is None
    assert bar["color"]["scale"]["range"] == specs.series_colors(2)
    dense = specs.profile_chart(rows, series=names, value_label="Score", value_labels=False)
    assert encodings(dense.to_dict(), "text") == []
    assert vl_convert.vegalite_to_vega(spec, vl_version="6.4")["marks"]
