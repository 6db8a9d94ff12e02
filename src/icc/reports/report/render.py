"""A city report's layout: charts as SVG (vl-convert), HTML (Django templates), PDF (Typst).

Rules held here:

- The charts of a report are the charts page's definitions (``charts.specs``), drawn to SVG by
  vl-convert with the language's number formats, and embedded as images: the same pictures on
  screen and on paper.
- The screen page and the standalone HTML document share one body template
  (``reports/_report_body.html``); the PDF is typeset by Typst from the same data and the same
  translated messages (``typeset``): A4, a cover page, running header and footer with page
  numbers and, when the data is synthetic, "Synthetic data — demonstration" in the top margin
  of every page.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from icc.reports.charts import specs
from icc.reports.charts.locale import chart_language, svg_render
from icc.reports.report.areas import LegendItem
from icc.reports.report.data import ReportData
from icc.reports.report.typeset import report_typeset
from icc.reports.templatetags.reports_format import css_string

CHART_CACHE_SIZE = 512
SUMMARY_WIDTH = 400
AREA_WIDTH = 240


def _svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _series(data: ReportData) -> list[str]:
    """Names of the bars of the report's charts: the place, then the averages it is compared
    with (the sample, then each peer group)."""
    names = [data.place.name, _("Average of all %(n)d places") % {"n": data.sample_size}]
    for peer in data.sections[0].peers if data.sections else []:
        names.append(_("Average of %(group)s") % {"group": peer.label})
    return names


@functools.lru_cache(maxsize=CHART_CACHE_SIZE)
def _profile_svg(rows: str, series: tuple[str, ...], options: str, lang: str) -> str:
    """A profile chart drawn as an SVG data URI. The arguments are the chart's whole input
    (JSON text, so that they can be a cache key) and the language of its number formats."""
    drawing = specs.profile_chart(json.loads(rows), series=series, **json.loads(options))
    return _svg_uri(svg_render(drawing.to_dict(validate=False)))


def _chart(rows: list[dict[str, Any]], names: list[str], **options: Any) -> str:
    return _profile_svg(json.dumps(rows), tuple(names), json.dumps(options), chart_language())


def report_charts_draw(data: ReportData) -> None:
    """Draw the summary chart (every area) and one small chart per area, as SVG data URIs, and
    the legend that names each small chart's bars beside it.

    A chart's drawing depends only on its rows, labels and language: the process keeps the
    last ``CHART_CACHE_SIZE`` drawings (about 90 ms each to build and draw, 5 to 30 KB each to
    keep), so a report made again, on a second request or in a bulk run, draws nothing twice.
    The one definition is checked against the Vega-Lite schema by the charts page and tests.
    """
    names = _series(data)
    colors = specs.series_colors(len(names))
    summary: list[dict[str, Any]] = []
    score_label = _("Score")
    for section in data.sections:
        values = [section.score, section.sample, *[peer.value for peer in section.peers]]
        section.legend = [
            LegendItem(name, color, value)
            for name, color, value in zip(names, colors, values, strict=False)
        ]
        rows = [
            {"category": section.label, "series": name, "value": round(value, 1)}
            for name, value in zip(names, values, strict=False)
            if value is not None
        ]
        summary += rows
        if rows:
            section.chart_svg = _chart(
                rows, names, value_label=score_label, compact=True, width=AREA_WIDTH
            )
    if summary:
        data.summary_chart_svg = _chart(
            summary,
            names,
            value_label=score_label,
            width=SUMMARY_WIDTH,
            bar_step=5,
            value_labels=False,
        )


def page_counter_css() -> str:
    """The translated "Page n of N" as CSS ``content`` with page counters."""
    tokens = []
    for part in re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s")):
        if part == "%(page)s":
            tokens.append("counter(page)")
        elif part == "%(pages)s":
            tokens.append("counter(pages)")
        elif part:
            tokens.append(css_string(part))
    return " ".join(tokens)


def report_context(data: ReportData, *, for_print: bool) -> dict[str, Any]:
    """Template context of a report (the screen page adds the request's own)."""
    return {
        "data": data,
        "for_print": for_print,
        "site_name": settings.ICC_SITE_NAME,
        "page_counter": page_counter_css(),
    }


def report_html(data: ReportData) -> str:
    """The report as a standalone HTML document (charts drawn if needed)."""
    if not data.summary_chart_svg:
        report_charts_draw(data)
    return render_to_string("reports/report_print.html", report_context(data, for_print=True))


def report_pdf(data: ReportData) -> bytes:
    """The report as an A4 PDF, typeset by Typst (charts drawn if needed)."""
    if not data.summary_chart_svg:
        report_charts_draw(data)
    return report_typeset(data, site_name=settings.ICC_SITE_NAME)
