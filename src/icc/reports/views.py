"""Pages of the reports module: the index charts, city reports, bulk runs. Views stay thin.

The charts page keeps every filter in the query string: the form is a GET form, htmx swaps the
page's body and pushes the new address, so any view can be shared and reloaded as it was.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.accounts.selectors import user_scope
from icc.core.jobs import job_run_again
from icc.core.stored_files import stored_file_open
from icc.core.tabular import Format, table_download
from icc.htmx import HtmxHttpRequest, page_or_fragment_render
from icc.index.result_selectors import edition_result_get, edition_results_state
from icc.index.selectors import edition_get
from icc.language import current_language
from icc.reports import selectors, services
from icc.reports.charts.build import chart_view_build
from icc.reports.charts.chart import Chart
from icc.reports.charts.export import chart_view_sheets
from icc.reports.charts.form import filter_fields
from icc.reports.charts.locale import embed_options
from icc.reports.charts.query import ChartQueryError, chart_query_parse
from icc.reports.charts.sample import sample_load
from icc.reports.models import ReportFile
from icc.reports.report.data import ReportUnavailable, report_data
from icc.reports.report.render import report_charts_draw, report_context


def _charts_context(request: HttpRequest) -> dict[str, Any]:
    params = dict(request.GET.lists())
    error = ""
    try:
        query = chart_query_parse(params)
        sample = sample_load(query)
        view = chart_view_build(sample)
    except ChartQueryError as problem:
        error = problem.message
        try:
            query = chart_query_parse({})
            sample = sample_load(query)
            view = chart_view_build(sample)
        except ChartQueryError as nothing:
            return {"error": error or nothing.message, "view": None}
    query_string = urlencode(query.params())
    return {
        "error": error,
        "results_state": edition_results_state(edition=query.edition),
        "query": query,
        "view": view,
        "fields": filter_fields(query, sample, view),
        "spec": view.spec(),
        "embed_options": embed_options(),
        "query_string": query_string,
    }


def charts(request: HtmxHttpRequest) -> HttpResponse:
    """The index charts: filters, the chart of the chosen view, its data table, downloads.
    htmx requests get the part below the heading only."""
    context = _charts_context(request)
    return page_or_fragment_render(
        request,
        page="reports/charts.html",
        fragment="reports/_charts_app.html",
        context=context,
        status=400 if context["error"] else 200,
    )


def charts_export(request: HttpRequest, fmt: Format) -> HttpResponse | StreamingHttpResponse:
    """The table of the chart view in the query string, as CSV or XLSX."""
    try:
        query = chart_query_parse(dict(request.GET.lists()))
        view: Chart = chart_view_build(sample_load(query))
    except ChartQueryError as problem:
        return HttpResponseBadRequest(problem.message, content_type="text/plain; charset=utf-8")
    address = request.build_absolute_uri(
        reverse("reports:charts") + "?" + urlencode(query.params())
    )
    about = [
        (_("Edition"), query.edition.title),
        (_("Filters"), urlencode(query.params())),
        (_("Address"), address),
    ]
    name = f"icc-index-{query.edition.name}-{query.view}.{fmt}"
    return table_download(*chart_view_sheets(view, about=about), fmt=fmt, filename=name)


def place_report(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """A city's index report as a page, in the page's language (public for published results),
    from the stored results. Reads only."""
    edition_obj, place = selectors.report_target_get(edition_name=edition, slug=slug)
    try:
        data = report_data(place=place, edition=edition_obj)
    except ReportUnavailable as problem:
        if edition_results_state(edition=edition_obj).updating:
            # The place's results are being computed (its response was just published, or the
            # edition's first computation is queued): say so, and look again shortly.
            context = {"place": place, "edition": edition_obj, "refresh_s": PREPARING_REFRESH_S}
            response = render(request, "reports/report_computing.html", context, status=202)
            response["Retry-After"] = str(PREPARING_REFRESH_S)
            return response
        return render(request, "reports/report_missing.html", {"error": str(problem)}, status=404)
    report_charts_draw(data)
    context = report_context(data, for_print=False)
    context["results_state"] = edition_results_state(edition=edition_obj)
    return render(request, "reports/report_page.html", context)


PREPARING_REFRESH_S = 15


def place_report_pdf(request: HttpRequest, edition: str, slug: str) -> HttpResponse | FileResponse:
    """A city's index report as PDF: the stored file when it was made from the current
    results; otherwise a "being prepared" page (202) that reloads itself, while the background
    run that follows every results computation makes it. Reads only."""
    edition_obj, place = selectors.report_target_get(edition_name=edition, slug=slug)
    lang = current_language()
    lang = lang if lang in services.LANGUAGES else "en"
    result = edition_result_get(edition=edition_obj)
    record = selectors.report_file_get(place_id=place.pk, edition=edition_obj, lang=lang)
    current = result is not None and record is not None and record.results_version == result.version
    # a row whose file the storage has lost is not ready either (logged by stored_file_open)
    content = stored_file_open(record.file) if current and record is not None else None
    if content is None:
        context = {
            "place": place,
            "edition": edition_obj,
            "refresh_s": PREPARING_REFRESH_S,
            "lang": lang,
            # the secretariat may start the run that makes it (a GET only reads)
            "can_remake": user_scope(user=request.user).is_secretariat,
        }
        response = render(request, "reports/report_preparing.html", context, status=202)
        response["Retry-After"] = str(PREPARING_REFRESH_S)
        return response
    return FileResponse(
        content,
        content_type="application/pdf",
        filename=f"icc-index-{edition_obj.name}-{place.slug}-{lang}.pdf",
    )


def _pdf_url(record: ReportFile) -> str:
    """The PDF's address in its own language (the language prefix chooses the report's)."""
    with translation.override(record.lang):
        return reverse(
            "reports:place_report_pdf",
            kwargs={"edition": record.edition.name, "slug": record.place.slug},
        )


@secretariat_required
def report_batches(request: HttpRequest, edition: str) -> HttpResponse:
    """The secretariat's page of an edition's stored reports; POST starts a bulk run."""
    edition_obj = edition_get(name=edition)
    if request.method == "POST":
        languages = request.POST.getlist("languages") or list(services.LANGUAGES)
        try:
            services.report_batch_create(
                edition=edition_obj,
                languages=languages,
                user=request.user,  # type: ignore[arg-type]
            )
        except ValueError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("The reports are being made; this page shows how far."))
        return redirect("reports:batches", edition=edition_obj.name)
    return render(
        request,
        "reports/batches.html",
        {
            "edition": edition_obj,
            "batch": selectors.report_batch_latest(edition=edition_obj),
            "files": [(f, _pdf_url(f)) for f in selectors.report_files_of(edition=edition_obj)],
            "places": len(selectors.report_places(edition=edition_obj)),
            "languages": services.LANGUAGES,
        },
    )


@secretariat_required
def report_batch_progress(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The progress bar of a bulk run (htmx polls it until the run is over or stopped)."""
    edition_obj = edition_get(name=edition)
    batch = selectors.report_batch_get(edition=edition_obj, pk=pk)
    return render(request, "reports/_batch_progress.html", {"batch": batch, "edition": edition_obj})


@require_POST
@secretariat_required
def report_batch_run_again(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """Run again a bulk run that stopped (its worker died) or failed."""
    edition_obj = edition_get(name=edition)
    batch = selectors.report_batch_get(edition=edition_obj, pk=pk)
    try:
        job_run_again(job=batch, user_id=request.user.pk)
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, _("The run starts again; this page shows how far it is."))
    return redirect("reports:batches", edition=edition_obj.name)
