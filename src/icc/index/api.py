"""Index API: editions and their published results (``/api/v1/index/…``)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from icc.api_contract import Error, PageIn, Text, page_slice
from icc.index import selectors
from icc.index.models import Edition
from icc.index.scoring_service import edition_results_refresh

router = Router(tags=["index"])


class EditionOut(Schema):
    name: str
    title: str
    year: int | None
    status: str
    form_id: str
    form_version: str
    languages: list[str]
    questions: int
    scored_questions: int
    indicators: list[str]
    previous: str | None
    published_responses: int


class ResultOut(Schema):
    place: str
    slug: str
    country: str
    country_name: str
    index_core: float | None
    index_advanced: float | None
    indicators: dict[str, float | None]
    indicators_core: dict[str, float | None]
    rank: int | None
    rank_of: int | None
    tied: bool
    rank_core: int | None
    rank_wording: str | None
    median_rank: float | None
    rank_interval: list[float | None]
    peer_ranks: dict[str, int | None]
    peer_groups: dict[str, Any]
    progress: dict[str, Any] | None
    synthetic: bool


def _edition_out(edition: Edition) -> dict[str, Any]:
    return {
        "name": edition.name,
        "title": edition.title,
        "year": edition.year,
        "status": edition.status,
        "form_id": edition.form_id,
        "form_version": edition.form_version,
        "languages": edition.languages,
        "questions": edition.questions.count(),
        "scored_questions": edition.questions.filter(scored=True).count(),
        "indicators": [i["code"] for i in edition.method.get("indicators", [])],
        "previous": edition.previous.name if edition.previous else None,
        "published_responses": edition.responses.filter(state="published").count(),
    }


@router.get(
    "/index/editions", response={200: list[EditionOut], 422: Error}, summary="Index editions"
)
def editions(request: HttpRequest, page: Query[PageIn]) -> list[dict[str, Any]]:
    rows = selectors.edition_list().select_related("previous")
    return [_edition_out(e) for e in page_slice(rows, page)]


class SummaryOut(Schema):
    edition: str
    places: int
    n_draws: int
    computed_at: str
    sample_averages: dict[str, float | None]
    sensitivity: dict[str, dict[str, float | None]]


@router.get(
    "/index/editions/{edition}/summary",
    response={200: SummaryOut, 404: Error, 422: Error},
    summary="Sample averages per indicator and Sobol sensitivity of the ranking",
)
def edition_summary(request: HttpRequest, edition: Text) -> dict[str, Any]:
    """``sensitivity``: first-order and total Sobol indices of how much each indicator's weight,
    and the choice between arithmetic and geometric aggregation, move the ranking."""
    found = _edition_or_404(edition)
    result = edition_results_refresh(edition=found)
    if result is None:
        raise HttpError(404, f"Edition '{edition}' has no published result yet.")
    return {
        "edition": found.name,
        "places": found.place_results.count(),
        "n_draws": result.n_draws,
        "computed_at": result.computed_at.isoformat(),
        "sample_averages": result.sample_averages,
        "sensitivity": result.sensitivity,
    }


def _edition_or_404(name: str) -> Edition:
    found = Edition.objects.filter(name=name).first()
    if found is None:
        raise HttpError(404, f"No index edition named '{name}'.")
    return found


@router.get(
    "/index/editions/{edition}/results",
    response={200: list[ResultOut], 404: Error, 422: Error},
    summary="Published results of an edition: scores, ranks, rank intervals, peer ranks",
)
def edition_results(
    request: HttpRequest, edition: Text, page: Query[PageIn]
) -> list[dict[str, Any]]:
    """One object per published place. Results are recomputed first if any input changed."""
    found = _edition_or_404(edition)
    edition_results_refresh(edition=found)
    return page_slice(selectors.place_result_rows(edition=found), page)
