"""Knowledge base API: published good practices (with their indicator areas and languages),
publications (with their language versions), news and themes.

Texts come in the language of ``?lang=`` (any content language; default: the request's),
falling back to English; ``language`` is the language an item was written in, ``languages``
those it can be read in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from icc.api_contract import ContentLanguage, Error, PageIn, Text, page_slice, texts_in
from icc.knowledge import selectors
from icc.knowledge.models import GoodPractice, NewsItem, Publication, PublicationKind

router = Router(tags=["knowledge"])


class PracticeFilterIn(PageIn):
    area: Text = Field("", max_length=100, description="An index indicator area's code.")
    theme: Text = Field("", max_length=80, description="A theme's slug.")
    country: Text = Field("", max_length=2, description="A country's ISO code.")
    language: Text = Field("", max_length=8, description="A language it can be read in.")
    year: int | None = Field(None, ge=1990, le=2100, description="Year of publication.")
    lang: ContentLanguage = ""


class AreaOut(Schema):
    code: str
    label: str


class PlaceOut(Schema):
    slug: str
    name: str


class PracticeOut(Schema):
    slug: str
    title: str
    summary: str
    language: str
    languages: list[str]
    areas: list[AreaOut]
    themes: list[str]
    places: list[PlaceOut]
    country: str | None
    period_start: int | None
    period_end: int | None
    published_at: dt.datetime | None
    url: str
    is_demo: bool


def _practice_out(
    request: HttpRequest, practice: GoodPractice, labels: dict[str, str]
) -> dict[str, Any]:
    return {
        "slug": practice.slug,
        "title": practice.title,
        "summary": practice.summary,
        "language": practice.language,
        "languages": practice.language_codes,
        "areas": [
            {"code": a.code, "label": labels.get(a.code, a.code)} for a in practice.areas.all()
        ],
        "themes": [t.slug for t in practice.themes.all()],
        "places": [{"slug": p.slug, "name": p.name} for p in practice.places.all()],
        "country": practice.country_id,
        "period_start": practice.period_start,
        "period_end": practice.period_end,
        "published_at": practice.published_at,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "is_demo": practice.is_demo,
    }


@router.get(
    "/practices",
    response={200: list[PracticeOut], 422: Error},
    summary="List published good practices",
)
def practice_list(request: HttpRequest, filters: Query[PracticeFilterIn]) -> list[dict[str, Any]]:
    """Published good practices, latest first, with their policy areas (index indicator areas)
    and the languages they can be read in."""
    with texts_in(filters.lang):
        rows = selectors.practice_list(
            filters=selectors.PracticeFilters(
                area=filters.area,
                theme=filters.theme,
                country=filters.country.upper(),
                language=filters.language,
                year=filters.year,
            )
        )
        labels = selectors.indicator_labels()
        return [_practice_out(request, p, labels) for p in page_slice(rows, filters)]


class PublicationFilterIn(PageIn):
    kind: Text = Field("", max_length=20, description="policy_brief, study, manual, guide…")
    theme: Text = Field("", max_length=80)
    language: Text = Field("", max_length=8)
    year: int | None = Field(None, ge=1990, le=2100)
    lang: ContentLanguage = ""


class VersionOut(Schema):
    language: str
    url: str


class PublicationOut(Schema):
    slug: str
    title: str
    kind: str
    kind_label: str
    published_on: dt.date | None
    authors: str
    themes: list[str]
    versions: list[VersionOut]
    url: str
    is_demo: bool


def _publication_out(request: HttpRequest, publication: Publication) -> dict[str, Any]:
    return {
        "slug": publication.slug,
        "title": publication.title,
        "kind": publication.kind,
        "kind_label": str(PublicationKind(publication.kind).label),
        "published_on": publication.published_on,
        "authors": publication.authors,
        "themes": [t.slug for t in publication.themes.all()],
        "versions": [
            {
                "language": v.language,
                "url": request.build_absolute_uri(v.file.url) if v.file else v.url,
            }
            for v in publication.versions.all()
        ],
        "url": request.build_absolute_uri(publication.get_absolute_url()),
        "is_demo": publication.is_demo,
    }


@router.get(
    "/publications",
    response={200: list[PublicationOut], 422: Error},
    summary="List publications and resources",
)
def publication_list(
    request: HttpRequest, filters: Query[PublicationFilterIn]
) -> list[dict[str, Any]]:
    """Publications, latest first, with one version (file or link) per language."""
    with texts_in(filters.lang):
        rows = selectors.publication_list(
            filters=selectors.PublicationFilters(
                kind=filters.kind, theme=filters.theme, language=filters.language, year=filters.year
            )
        )
        return [_publication_out(request, p) for p in page_slice(rows, filters)]


class NewsFilterIn(PageIn):
    theme: Text = Field("", max_length=80)
    series: Text = Field("", max_length=80, description="A special edition's slug.")
    year: int | None = Field(None, ge=1990, le=2100)
    lang: ContentLanguage = ""


class NewsOut(Schema):
    slug: str
    title: str
    summary: str
    language: str
    series: str | None
    themes: list[str]
    published_at: dt.datetime | None
    url: str
    is_demo: bool


def _news_out(request: HttpRequest, item: NewsItem) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "summary": item.summary,
        "language": item.language,
        "series": item.series.slug if item.series else None,
        "themes": [t.slug for t in item.themes.all()],
        "published_at": item.published_at,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "is_demo": item.is_demo,
    }


@router.get("/news", response={200: list[NewsOut], 422: Error}, summary="List news")
def news_list(request: HttpRequest, filters: Query[NewsFilterIn]) -> list[dict[str, Any]]:
    """Published news, latest first."""
    with texts_in(filters.lang):
        rows = selectors.news_list(series=filters.series, theme=filters.theme, year=filters.year)
        return [_news_out(request, n) for n in page_slice(rows, filters)]


class ThemeOut(Schema):
    slug: str
    name: str
    url: str


@router.get("/themes", response={200: list[ThemeOut], 422: Error}, summary="List themes")
def theme_list(request: HttpRequest, lang: ContentLanguage = "") -> list[dict[str, Any]]:
    with texts_in(lang):
        return [
            {
                "slug": t.slug,
                "name": t.name,
                "url": request.build_absolute_uri(t.get_absolute_url()),
            }
            for t in selectors.themes()
        ]
