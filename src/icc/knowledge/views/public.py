"""Public pages: practices, publications, news and theme pages, with facets in the URL."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from icc.htmx import HtmxHttpRequest, page_or_fragment_render
from icc.knowledge import selectors
from icc.knowledge.forms import (
    FilterForm,
    NewsFilterForm,
    PracticeFilterForm,
    PublicationFilterForm,
)
from icc.knowledge.models import PublicationKind
from icc.knowledge.workflow import State, actions_available, editable

PAGE_SIZE = 20


def _page(request: HttpRequest, rows: Any) -> Any:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _list_render(
    request: HtmxHttpRequest, name: str, form: FilterForm, rows: Any, **context: Any
) -> HttpResponse:
    """The page ``knowledge/<name>_list.html`` (its results fragment for htmx swaps): one page
    of ``rows`` under the filter ``form``, with ``context`` besides."""
    return page_or_fragment_render(
        request,
        page=f"knowledge/{name}_list.html",
        fragment=f"knowledge/_{name}_results.html",
        context={
            "form": form,
            "page_obj": _page(request, rows),
            "query": form.query_without_page(),
            **context,
        },
    )


def practice_list(request: HtmxHttpRequest) -> HttpResponse:
    """Published good practices, filtered by policy area, theme, country, language and year."""
    form = PracticeFilterForm(request.GET or None)
    filters = form.filters()
    rows = selectors.practice_list(filters=filters)
    return _list_render(
        request,
        "practice",
        form,
        rows,
        facets=selectors.practice_facets(rows=rows),
        filters=filters,
        area_labels=selectors.indicator_labels(),
    )


def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = selectors.practice_get_for_user(user=request.user, slug=slug)
    actors = selectors.practice_actors(user=request.user, practice=practice)
    files = list(practice.files.all())
    return render(
        request,
        "knowledge/practice_detail.html",
        {
            "practice": practice,
            "area_labels": selectors.indicator_labels(),
            "actions": actions_available(state=State(practice.status), actors=actors),
            "can_edit": editable(state=State(practice.status), actors=actors),
            "images": [f for f in files if f.kind == "image"],
            "attachments": [f for f in files if f.kind == "attachment"],
            "trail": list(practice.events.select_related("actor")) if actors else [],
        },
    )


def publication_list(request: HtmxHttpRequest) -> HttpResponse:
    form = PublicationFilterForm(request.GET or None)
    rows = selectors.publication_list(filters=form.filters())
    return _list_render(request, "publication", form, rows)


def publication_detail(request: HttpRequest, slug: str) -> HttpResponse:
    publication = selectors.publication_get(slug=slug)
    return render(
        request,
        "knowledge/publication_detail.html",
        {
            "publication": publication,
            "kind_label": PublicationKind(publication.kind).label,
            "practices": list(publication.practices.all()),
        },
    )


def news_list(request: HtmxHttpRequest) -> HttpResponse:
    form = NewsFilterForm(request.GET or None)
    values = form.values()
    rows = selectors.news_list(**values)
    return _list_render(request, "news", form, rows)


def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.news_get(slug=slug)
    return render(request, "knowledge/news_detail.html", {"item": item})


def theme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledge/theme_list.html", {"themes": selectors.themes()})


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.theme_page(slug=slug)
    return render(request, "knowledge/theme_detail.html", {"page": page})


def home(request: HttpRequest) -> HttpResponse:
    """The knowledge base's front page: latest practices, publications and news, themes."""
    return render(
        request,
        "knowledge/home.html",
        {
            "practices": list(selectors.practices_published()[:6]),
            "publications": list(
                selectors.publication_list(filters=selectors.PublicationFilters())[:6]
            ),
            "news": list(selectors.news_published()[:6]),
            "themes": selectors.themes(),
            "calls": list(selectors.calls_open()),
        },
    )
