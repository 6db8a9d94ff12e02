"""What every endpoint of the JSON API shares: the error body, paging bounds, text and languages.

Rules (the OpenAPI document states each of them):
- Every error, whatever its status, has one body: ``{"detail": "...", "param": "..." | null,
  "errors": [{"loc": [...], "msg": "..."}]}``. ``detail`` is a sentence for a person, ``param``
  names the query or path parameter at fault when there is one, ``errors`` lists every problem
  (``loc`` as in ``["query", "limit"]``).
- Lists take ``limit`` (1 to ``LIMIT_MAX``; omitted: every row) and ``offset`` (0 to
  ``OFFSET_MAX``); a value out of bounds answers 422, never a database error.
- Text parameters never hold a NUL character (PostgreSQL cannot compare one): 422.
- ``lang`` takes one of the listed codes, or nothing for the request's language; any other code
  answers 422 with the accepted codes.

Apps import this module from their ``api.py``; ``icc.api`` installs the exception handlers.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Annotated, Any, Protocol, Self, TypeVar

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import AfterValidator, Field, WithJsonSchema

from icc.language import language_base

LIMIT_MAX = 500
OFFSET_MAX = 1_000_000_000

logger = logging.getLogger("icc.api")


class _Sliceable(Protocol):
    def __getitem__(self, index: slice) -> Self: ...


Rows = TypeVar("Rows", bound=_Sliceable)
T = TypeVar("T")


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str


class Error(Schema):
    """The body of every error answer of the API."""

    detail: str
    param: str | None = None
    errors: list[ErrorItem] = []


class PageIn(Schema):
    # Documented as a plain integer: a query string cannot say "null", it leaves ``limit`` out.
    limit: Annotated[
        int | None,
        WithJsonSchema({"type": "integer", "minimum": 1, "maximum": LIMIT_MAX}),
    ] = Field(
        None,
        ge=1,
        le=LIMIT_MAX,
        description=f"How many rows to return (1 to {LIMIT_MAX}); left out: every row.",
    )
    offset: int = Field(
        0, ge=0, le=OFFSET_MAX, description="How many rows to skip before the first returned."
    )


def page_slice(rows: Rows, page: PageIn) -> Rows:
    """``rows`` (a list or a query set) cut to the page; no ``limit`` means to the end."""
    end = None if page.limit is None else page.offset + page.limit
    return rows[page.offset : end]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Text cannot contain the NUL character (%00); remove it.")
    return value


# Any free text or slug the API reads from a path or a query string.
Text = Annotated[str, Field(json_schema_extra={"pattern": r"^[^\x00]*$"}), AfterValidator(_no_nul)]


CONTENT_LANGUAGES = tuple(settings.MODELTRANSLATION_LANGUAGES)
UI_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def _language_check(value: str, codes: tuple[str, ...]) -> str:
    if value and value not in codes:
        raise ValueError(
            f"Unknown language code '{value}'; use one of {', '.join(codes)}, "
            "or leave it out for the request's language."
        )
    return value


def _language_field(codes: tuple[str, ...]) -> Any:
    description = (
        f"Language of the texts: {', '.join(codes)}; empty or left out: the request's "
        "language. Another code answers 422."
    )
    return Field(
        description=description,
        json_schema_extra={"enum": ["", *codes], "description": description},
    )


# ``lang`` of endpoints that return content texts (any content language, English fallback).
ContentLanguage = Annotated[
    str,
    _language_field(CONTENT_LANGUAGES),
    AfterValidator(lambda value: _language_check(value, CONTENT_LANGUAGES)),
]
# ``lang`` of endpoints that return interface labels (the working languages).
UiLanguage = Annotated[
    str,
    _language_field(UI_LANGUAGES),
    AfterValidator(lambda value: _language_check(value, UI_LANGUAGES)),
]


def found_or_404(row: T | None, detail: str) -> T:
    """``row``, or a 404 answer saying ``detail`` (a sentence naming what was asked for)."""
    if row is None:
        raise HttpError(404, detail)
    return row


@contextmanager
def texts_in(lang: str) -> Iterator[None]:
    """Texts in ``lang`` (already checked by the schema); empty: the request's language."""
    if lang:
        with translation.override(language_base(lang)):
            yield
    else:
        yield


def _error_body(
    detail: str, errors: list[dict[str, Any]], param: str | None = None
) -> dict[str, Any]:
    return {"detail": detail, "param": param, "errors": errors}


def _validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    errors: list[dict[str, Any]] = [
        {
            "loc": [part for part in error.get("loc", ()) if isinstance(part, str | int)],
            "msg": str(error.get("msg", "")).removeprefix("Value error, "),
        }
        for error in exc.errors
    ]
    loc: list[str | int] = errors[0]["loc"] if errors else []
    where, name = (str(loc[0]), str(loc[1])) if len(loc) >= 2 else ("", "")
    place = {"query": "query parameter", "path": "path parameter"}.get(where, "value")
    message = errors[0]["msg"].rstrip(".") if errors else "The request is not valid"
    detail = f"The {place} '{name}' is not valid: {message}." if name else f"{message}."
    if len(errors) > 1:
        detail += f" Problems found: {len(errors)}, each listed in 'errors'."
    return api.create_response(request, _error_body(detail, errors, str(name) or None), status=422)


def _http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    detail = str(exc)
    if isinstance(exc, AuthenticationError):
        detail = "Log in first: this endpoint answers only a logged-in session that may read it."
    return api.create_response(request, _error_body(detail, []), status=exc.status_code)


def _not_found(request: HttpRequest, exc: Http404, api: NinjaAPI) -> HttpResponse:
    detail = str(exc) or "Nothing is published at this address; check the path."
    return api.create_response(request, _error_body(detail, []), status=404)


def _server_error(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.get_full_path())
    detail = "The server failed to answer this request; it has been logged. Try again later."
    return api.create_response(request, _error_body(detail, []), status=500)


def error_handlers_install(api: NinjaAPI) -> None:
    """Make every error of ``api`` answer the one ``Error`` body (ninja's own included)."""
    api.add_exception_handler(ValidationError, partial(_validation_error, api=api))
    api.add_exception_handler(HttpError, partial(_http_error, api=api))
    api.add_exception_handler(Http404, partial(_not_found, api=api))
    api.add_exception_handler(Exception, partial(_server_error, api=api))
