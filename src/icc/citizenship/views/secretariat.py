"""The secretariat's anonymous statistics of the test, and their download."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from icc.accounts.access import secretariat_required
from icc.citizenship import selectors
from icc.citizenship.exports import Cell, table_download
from icc.core.tabular import Format
from icc.language import content_language


def _stats() -> selectors.Statistics:
    language = content_language()
    return selectors.statistics_for_secretariat(language=language)


@secretariat_required
def stats(request: HttpRequest) -> HttpResponse:
    """Completions by language, city and month; profiles; no personal data."""
    data = _stats()
    tables = [
        (_("Language"), data.by_language, "by-language"),
        (_("City (self-declared)"), data.by_city, "by-city"),
        (_("Month"), data.by_month, "by-month"),
        (_("Leading dimension"), data.by_leading, "by-leading"),
    ]
    return render(request, "citizenship/stats.html", {"stats": data, "tables": tables})


@secretariat_required
def stats_export(request: HttpRequest, fmt: Format) -> HttpResponse | StreamingHttpResponse:
    """The same tables in one sheet: table, key, completions."""
    data = _stats()
    rows: list[list[Cell]] = []
    for table, entries in (
        (_("language"), data.by_language),
        (_("city"), data.by_city),
        (_("month"), data.by_month),
        (_("leading dimension"), data.by_leading),
    ):
        rows.extend([str(table), entry.label, entry.count] for entry in entries)
    rows.extend([_("mean score"), mean.label, round(mean.value, 1)] for mean in data.means)
    return table_download(
        heading=[_("table"), _("value"), _("completions")],
        rows=rows,
        fmt=fmt,
        filename="citizenship-statistics",
    )
