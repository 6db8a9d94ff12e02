"""Search API: ``GET /api/v1/search?q=TEXT&lang=xx`` — items of every module in every language,
ranked (full text and meaning together), with facet counts."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from icc.accounts.selectors import user_scope
from icc.api_contract import ContentLanguage, Error, Text
from icc.search.selectors import FACETS, search

router = Router(tags=["search"])
FILTERS = ("area", "theme", "country", "type", "year")
VALUES_MAX = 20

FilterValues = Annotated[list[Text], Field(max_length=VALUES_MAX)]


class SearchIn(Schema):
    q: Text = Field("", max_length=500, description="The words to look for, in any language.")
    lang: ContentLanguage = Field(
        "", description="Only items written in this language; empty: every language."
    )
    kind: FilterValues = Field([], description="Only these types: practice, publication, news…")
    area: FilterValues = Field([], description="Policy areas (index indicator areas).")
    theme: FilterValues = Field([], description="Themes.")
    country: FilterValues = Field([], description="Country codes.")
    type: FilterValues = Field([], description="Types of publication.")
    year: FilterValues = Field([], description="Years.")
    limit: int = Field(20, ge=1, le=100, description="How many items to return (1 to 100).")
    offset: int = Field(0, ge=0, le=10_000, description="How many items to skip.")


class ItemOut(Schema):
    type: str
    title: str
    summary: str
    language: str
    url: str
    score: float


class FacetValueOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    count: int
    items: list[ItemOut]
    facets: dict[str, list[FacetValueOut]]
    pending: int = Field(description="Items whose meaning is still being indexed.")


@router.get("/search", response={200: SearchOut, 422: Error}, summary="Search every item")
def search_get(request: HttpRequest, filters: Query[SearchIn]) -> SearchOut:
    """Items ranked by how well they answer ``q``: its words (full text, stemmed per language)
    and its meaning (a query in Spanish finds an item written in English). Every language
    unless ``lang`` filters; each facet parameter may be repeated (any of its values); facet
    counts are over all the results, not the page. Private items are for their place's people
    only (a logged-in session)."""
    chosen = {name: getattr(filters, name) for name in FILTERS if getattr(filters, name)}
    results = search(
        q=filters.q,
        language=filters.lang or None,
        kinds=filters.kind or None,
        facets=chosen,
        viewer=user_scope(user=request.user),
        limit=filters.limit,
        offset=filters.offset,
    )
    return SearchOut(
        count=results.total,
        items=[
            ItemOut(
                type=hit.kind,
                title=hit.title,
                summary=hit.summary,
                language=hit.language,
                url=hit.url,
                score=hit.score,
            )
            for hit in results.hits
        ],
        facets={
            name: [FacetValueOut(value=f.value, count=f.count) for f in results.facets[name]]
            for name in FACETS
        },
        pending=results.pending,
    )
