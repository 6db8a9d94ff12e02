"""Index API: editions and their published results (``/api/v1/index/…``)."""

import json
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.security import django_auth

from icc.api_contract import Error, PageIn, Text, found_or_404, page_slice
from icc.caching.response_cache import response_cache
from icc.index import result_selectors, selectors
from icc.index.models import Edition
from icc.index.result_payloads import RESULTS, results_json
from icc.index.review_queue import responses_for_api
from icc.index.schemas import ResultOut, SummaryOut
from icc.index.workflow import State
from icc.language import current_language

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
    deadline: date | None = Field(
        None,
        description="The last day on which cities answer and submit (null when none is set).",
    )
    accepting_answers: bool = Field(
        False,
        description=(
            "Whether cities can answer now: the edition is open and its deadline has not "
            "passed. `status` is the stored status, so an open edition past its deadline "
            "reads `open` here with `accepting_answers` false."
        ),
    )


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
        "deadline": edition.deadline,
        "accepting_answers": edition.accepting_answers,
    }


@router.get(
    "/index/editions", response={200: list[EditionOut], 422: Error}, summary="Index editions"
)
def editions(request: HttpRequest, page: Query[PageIn]) -> list[dict[str, Any]]:
    rows = selectors.edition_list().select_related("previous")
    return [_edition_out(e) for e in page_slice(rows, page)]


@router.get(
    "/index/editions/{edition}/summary",
    response={200: SummaryOut, 404: Error, 422: Error},
    summary="Sample averages per indicator and Sobol sensitivity of the ranking",
)
def edition_summary(request: HttpRequest, edition: Text) -> dict[str, Any]:
    """``sensitivity``: first-order and total Sobol indices of how much each indicator's weight,
    and the choice between arithmetic and geometric aggregation, move the ranking.
    ``computed_at``: when the results were computed; ``updating``: a newer computation is
    queued (these are the last results until it is done)."""
    found = _edition_or_404(edition)
    result = result_selectors.edition_result_get(edition=found)
    if result is None or not result.places:
        raise HttpError(404, f"Edition '{edition}' has no published result yet.")
    return {
        "edition": found.name,
        "places": result.places,
        "n_draws": result.n_draws,
        "computed_at": result.computed_at.isoformat(),
        "sample_averages": result.sample_averages,
        "sensitivity": result.sensitivity,
        "updating": result_selectors.edition_results_state(edition=found).updating,
    }


def _edition_or_404(name: str) -> Edition:
    return found_or_404(
        result_selectors.edition_find(name=name), f"No index edition named '{name}'."
    )


@decorate_view(response_cache(["index"]))  # the stored bytes, kept in memory per process
@router.get(
    "/index/editions/{edition}/results",
    response={200: list[ResultOut], 404: Error, 422: Error},
    summary="Published results of an edition: scores, ranks, rank intervals, peer ranks",
)
def edition_results(request: HttpRequest, edition: Text, page: Query[PageIn]) -> HttpResponse:
    """One object per published place, as last computed (results are computed in the
    background after each change). Headers: ``Last-Modified`` (when they were computed),
    ``ETag``, and ``X-Results-Updating: true`` while a newer computation is queued.
    ``limit``/``offset`` cut the list; without them the stored answer is sent as it is."""
    found = _edition_or_404(edition)
    lang = current_language()
    payload = result_selectors.results_payload_get(edition=found, kind=RESULTS, lang=lang)
    state = result_selectors.edition_results_state(edition=found)
    whole = page.limit is None and page.offset == 0
    response: HttpResponse
    if whole and payload is not None and request.headers.get("If-None-Match") == payload.etag:
        response = HttpResponseNotModified()
    else:
        # results stored before payloads existed are serialised here, without storing them
        body = payload.body if payload is not None else results_json(edition=found)
        if not whole:
            body = json.dumps(page_slice(json.loads(body), page), ensure_ascii=False).encode()
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    if payload is not None and whole:
        response["ETag"] = payload.etag
    if state.computed_at is not None:
        response["Last-Modified"] = http_date(state.computed_at.timestamp())
    response["X-Results-Updating"] = "true" if state.updating else "false"
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


class ResponseOut(Schema):
    place: str
    place_name: str
    state: State
    updated_at: str
    submitted_at: str | None
    published_at: str | None


class ResponsesIn(Schema):
    state: State | None = None


@router.get(
    "/index/editions/{edition}/responses",
    response={200: list[ResponseOut], 401: Error, 403: Error, 404: Error, 422: Error},
    auth=django_auth,
    summary="Responses of an edition and their review state (secretariat and experts)",
)
def edition_responses(
    request: HttpRequest, edition: Text, filters: Query[ResponsesIn], page: Query[PageIn]
) -> list[dict[str, Any]]:
    """The review queue as data: the secretariat sees every response of the edition, an expert
    those of the places they are expert for; anyone else gets 403, an anonymous caller 401.
    ``state`` keeps one state (``submitted``, …). ``updated_at``: the latest workflow step or
    saved answer, newest first. ``place`` is the place's slug."""
    found = _edition_or_404(edition)
    try:
        rows = responses_for_api(user=request.user, edition=found, state=filters.state)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    return [
        {
            "place": r.place.slug,
            "place_name": r.place.name,
            "state": r.state,
            "updated_at": r.last_change.isoformat(),  # type: ignore[attr-defined]
            "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None,
            "published_at": r.published_at.isoformat() if r.published_at else None,
        }
        for r in page_slice(rows, page)
    ]
