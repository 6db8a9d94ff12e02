"""Secretariat pages: a year's programme records, the annual report (made in the background and
served from storage) and the expenditure table's import and export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.core.jobs import job_latest
from icc.core.stored_files import stored_file_open
from icc.core.tabular import Format, TabularFileError, table_download
from icc.programme import selectors, services
from icc.programme.expense_table import (
    expenses_import,
    expenses_sheet,
    grants_sheet,
    visits_sheet,
)
from icc.programme.forms import ExpenseImportForm, ReportMakeForm
from icc.programme.record_tables import grants_import, visits_import
from icc.programme.report import CONTENT_TYPES


def _year_or_404(year: int) -> int:
    if not 1990 <= year <= 2100:
        raise Http404
    return year


@secretariat_required
def programme_home(request: HttpRequest) -> HttpResponse:
    """The years with expenditure, and a link to each year's page."""
    return render(
        request,
        "programme/home.html",
        {
            "totals": selectors.expenditure_totals(),
            "this_year": timezone.localdate().year,
            # the year whose annual report is prepared, whether or not it has expenditure yet
            "last_year": timezone.localdate().year - 1,
        },
    )


@secretariat_required
def programme_year(request: HttpRequest, year: int) -> HttpResponse:
    """One year: its records, its expenditure, its annual report files and the last run."""
    return _year_page(request, _year_or_404(year), make_form=ReportMakeForm())


def _year_page(
    request: HttpRequest, year: int, *, make_form: ReportMakeForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "programme/year.html",
        {
            "year": year,
            "other_years": [y for y in (year - 1, year + 1) if 1990 <= y <= 2100],
            "grants": selectors.grants_of_year(year=year),
            "visits": selectors.expert_visits_of_year(year=year),
            "support": selectors.support_of_year(year=year),
            "expenses": selectors.expenses_of_year(year=year),
            "total": selectors.expenditure_total(year=year),
            "network_reports": selectors.network_reports_of_year(year=year),
            "tools": selectors.tools_of_year(year=year),
            "files": selectors.annual_report_files(year=year),
            "job": job_latest(kind=services.REPORT_JOB, key=str(year)),
            "make_form": make_form,
            "import_form": ExpenseImportForm(),
        },
        status=status,
    )


@require_POST
@secretariat_required
def annual_report_make(request: HttpRequest, year: int) -> HttpResponse:
    """Queue the making of the year's annual report files."""
    year = _year_or_404(year)
    form = ReportMakeForm(request.POST)
    if not form.is_valid():
        # the page again with the boxes as they were ticked, and what to change
        return _year_page(request, year, make_form=form, status=400)
    services.annual_report_enqueue(
        year=year,
        languages=form.cleaned_data["languages"],
        formats=form.cleaned_data["formats"],
        user=request.user,  # type: ignore[arg-type]
    )
    messages.success(
        request,
        _(
            "The report is being made in the background; the files below are replaced "
            "when it is done."
        ),
    )
    return redirect("programme:year", year=year)


@secretariat_required
def annual_report_download(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """A stored annual report file (as a download: the HTML report has its own styles). When the
    storage has lost the file, the year's page (404) says so and offers to make it again."""
    record = selectors.annual_report_file_get(pk=pk)
    content = stored_file_open(record.file)
    if content is None:
        messages.error(request, _("This file is no longer in storage: make the report again."))
        return _year_page(request, record.year, make_form=ReportMakeForm(), status=404)
    return FileResponse(
        content,
        as_attachment=True,
        filename=f"icc-annual-report-{record.year}-{record.lang}.{record.fmt}",
        content_type=CONTENT_TYPES[record.fmt],
    )


@secretariat_required
def expenses_export(
    request: HttpRequest, year: int, fmt: Format
) -> HttpResponse | StreamingHttpResponse:
    year_value = _year_or_404(year)
    return table_download(
        expenses_sheet(selectors.expenses_of_year(year=year_value)),
        grants_sheet(selectors.grants_of_year(year=year_value)),
        visits_sheet(selectors.expert_visits_of_year(year=year_value)),
        fmt=fmt,
        filename=f"icc-expenditure-{year_value}.{fmt}",
    )


Importer = Callable[..., Any]
IMPORTERS: dict[str, Importer] = {
    "expenditure": expenses_import,
    "grants": grants_import,
    "visits": visits_import,
}


@require_POST
@secretariat_required
def records_upload(request: HttpRequest, kind: str) -> HttpResponse:
    """Add expenditure lines, grants or expert visits from a file, all or nothing; every
    problem is listed with its line and column."""
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise Http404
    form = ExpenseImportForm(request.POST, request.FILES)
    back = request.POST.get("year", "")
    target = (
        redirect("programme:year", year=int(back))
        if back.isascii() and back.isdigit() and 1990 <= int(back) <= 2100
        else redirect("programme:home")
    )
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or XLSX file."))
        return target
    upload = form.cleaned_data["file"]
    try:
        outcome = importer(file=upload, filename=upload.name, dry_run=form.cleaned_data["dry_run"])
    except TabularFileError as problem:
        messages.error(request, str(problem))
        return target
    if outcome.errors:
        for error in outcome.errors[:50]:
            messages.error(request, str(error))
        messages.error(request, _("Nothing was imported: correct the lines above and try again."))
    elif form.cleaned_data["dry_run"]:
        messages.success(
            request,
            ngettext(
                "The file is correct: %(count)s line would be added.",
                "The file is correct: %(count)s lines would be added.",
                outcome.created,
            )
            % {"count": outcome.created},
        )
    else:
        messages.success(
            request,
            ngettext("%(count)s line added.", "%(count)s lines added.", outcome.created)
            % {"count": outcome.created},
        )
    elsewhere = [str(y) for y in getattr(outcome, "years", ()) if str(y) != back]
    if elsewhere and not outcome.errors:
        # lines of another year do not show on this page: say where they are (or would be)
        messages.info(
            request,
            _("Lines for %(years)s are on those years' pages, not this one.")
            % {"years": ", ".join(elsewhere)},
        )
    return target
