"""The secretariat's side: the moderation queue, calls for practices, imports and exports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from icc.accounts.access import secretariat_required
from icc.core.tabular import Format, table_download
from icc.knowledge import selectors, services, tables
from icc.knowledge.forms import CallForm, ImportForm
from icc.knowledge.models import Publication


@secretariat_required
def moderation(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/moderation.html",
        {
            "queue": selectors.moderation_queue(),
            "in_progress": selectors.practices_in_moderation()[:50],
            "calls": selectors.calls_all()[:20],
        },
    )


@secretariat_required
def call_new(request: HttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        theme = selectors.themes().get(pk=d["theme"])
        try:
            services.call_open(
                user=request.user,  # type: ignore[arg-type]
                theme=theme,
                title=d["title"],
                description=d["description"],
                deadline=d["deadline"],
            )
        except ValidationError as error:
            form.add_error("deadline", error)
        else:
            messages.success(request, _("The call is open."))
            return redirect("knowledge:moderation")
    return render(request, "knowledge/call_form.html", {"form": form})


@secretariat_required
def practices_export(request: HttpRequest, fmt: Format) -> HttpResponse:
    rows = selectors.practices_published().select_related("country")
    return table_download(  # type: ignore[return-value]
        tables.practices_sheet(rows), fmt=fmt, filename=f"icc-good-practices.{fmt}"
    )


@secretariat_required
def publications_export(request: HttpRequest, fmt: Format) -> HttpResponse:
    rows = Publication.objects.prefetch_related("versions", "themes").order_by("-published_on")
    return table_download(  # type: ignore[return-value]
        tables.publications_sheet(rows), fmt=fmt, filename=f"icc-publications.{fmt}"
    )


def _import(request: HttpRequest, kind: str) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = tables.practices_import if kind == "practices" else tables.publications_import
        report = run(file=upload, filename=upload.name, dry_run=form.cleaned_data["dry_run"])
    return render(
        request,
        "knowledge/import.html",
        {
            "form": form,
            "report": report,
            "kind": kind,
            "columns": tables.PRACTICE_COLUMNS
            if kind == "practices"
            else tables.PUBLICATION_COLUMNS,
        },
    )


@secretariat_required
def practices_import(request: HttpRequest) -> HttpResponse:
    return _import(request, "practices")


@secretariat_required
def publications_import(request: HttpRequest) -> HttpResponse:
    return _import(request, "publications")
