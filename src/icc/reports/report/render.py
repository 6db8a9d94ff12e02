"""A city report's layout: charts as SVG (vl-convert), HTML (Django templates), PDF (WeasyPrint).

Rules held here:

- The charts of a report are the charts page's definitions (``charts.specs``), drawn to SVG by
  vl-convert with the language's number formats, and embedded as images: the same pictures on
  screen and on paper.
- The screen page and the PDF share one body template (``reports/_report_body.html``); the PDF
  adds print CSS: A4, a cover page, running header and footer with page numbers and, when the
  data is synthetic, "Synthetic data — demonstration" in the top margin of every page.
- WeasyPrint is imported only when a PDF is made: it is slow to import and pages never need it.
"""

from __future__ import annotations

import base64
import logging
import re
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from icc.reports.charts import specs
from icc.reports.charts.locale import svg_render
from icc.reports.report.areas import LegendItem
from icc.reports.report.data import ReportData
from icc.reports.templatetags.reports_format import css_string

CSS_PATH = "reports/report.css"
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


def report_charts_draw(data: ReportData) -> None:
    """Draw the summary chart (every area) and one small chart per area, as SVG data URIs, and
    the legend that names each small chart's bars beside it."""
    names = _series(data)
    colors = specs.series_colors(len(names))
    summary: list[dict[str, Any]] = []
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
            drawing = specs.profile_chart(
                rows, series=names, value_label=_("Score"), compact=True, width=AREA_WIDTH
            )
            section.chart_svg = _svg_uri(svg_render(drawing.to_dict(validate=False)))
    if summary:
        drawing = specs.profile_chart(
            summary,
            series=names,
            value_label=_("Score"),
            width=SUMMARY_WIDTH,
            bar_step=5,
            value_labels=False,
        )
        data.summary_chart_svg = _svg_uri(svg_render(drawing.to_dict()))


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
    """The report as a standalone HTML document, the PDF's source (charts drawn if needed)."""
    if not data.summary_chart_svg:
        report_charts_draw(data)
    return render_to_string("reports/report_print.html", report_context(data, for_print=True))


def report_pdf(data: ReportData) -> bytes:
    """The report as an A4 PDF."""
    import weasyprint  # type: ignore[import-untyped]

    progress = logging.getLogger("weasyprint.progress")
    if progress.level == logging.NOTSET:  # its INFO lines would break the CLI's progress bar
        progress.setLevel(logging.WARNING)
    html = report_html(data)
    stylesheet = finders.find(CSS_PATH)
    if not isinstance(stylesheet, str):
        raise FileNotFoundError(
            f"The report stylesheet {CSS_PATH} is missing from the static files."
        )
    document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR))
    pdf: bytes = document.write_pdf(stylesheets=[weasyprint.CSS(filename=stylesheet)])
    return pdf
