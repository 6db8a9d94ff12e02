"""The error pages (400, 403, 404, 500 and a refused form) in the site's layout and language.

Each page says what happened and where to go next. 403 and 404 render with the request's full
context, so the header shows who is logged in and the 403 page repeats the reason the check gave
(which names the role that grants access). 400 and 500 render without the context processors:
the request may be malformed (a bad Host header) or the database may be what failed, so they read
neither the session nor the database; if even that rendering fails, a bare page still answers.
"""

import logging
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

TEMPLATE = "core/error.html"


@dataclass(frozen=True)
class ErrorPage:
    status: int
    title: Promise
    explanation: Promise
    offer_login: bool = False  # anonymous visitors may be missing a private page


#: What each error tells the visitor; the view adds the reason, when there is one.
PAGES: dict[str, ErrorPage] = {
    "bad_request": ErrorPage(
        400,
        _("The request could not be understood"),
        _(
            "The address or the form sent to the platform was malformed or incomplete. Check the "
            "address, or go back, reload the page and try again."
        ),
    ),
    "forbidden": ErrorPage(
        403,
        _("You do not have access to this page"),
        _("This page exists, but it is reserved for people with a role in the network."),
        offer_login=True,
    ),
    "not_found": ErrorPage(
        404,
        _("Page not found"),
        _(
            "There is no page at this address: it may have been mistyped, moved or removed. "
            "Private pages also answer this way to visitors who may not see them."
        ),
        offer_login=True,
    ),
    "server_error": ErrorPage(
        500,
        _("Something went wrong on our side"),
        _(
            "The platform could not answer because of an error on the server, not because of "
            "anything you did. The error has been logged; try again in a few minutes."
        ),
    ),
    "csrf": ErrorPage(
        403,
        _("The form could not be sent"),
        _(
            "The form was refused because its security token was missing or out of date: the "
            "page may have been open for a long time, or your browser blocks cookies for this "
            "site. Reload the page, then send the form again."
        ),
    ),
}


def _context(name: str, reason: str = "") -> dict[str, Any]:
    page = PAGES[name]
    return {
        "status": page.status,
        "title": page.title,
        "explanation": page.explanation,
        "reason": reason,
        "offer_login": page.offer_login,
        "site_name": settings.ICC_SITE_NAME,
    }


#: get_object_or_404's message names a model in English ("No Place matches the given query."):
#: written for developers, not visitors, so the page keeps to its own explanation.
GENERIC_NOT_FOUND = re.compile(r"^No .+ matches the given query\.$")


def _reason(exception: Exception | None) -> str:
    """The message given with the exception, when it is a sentence written for the visitor."""
    message = exception.args[0] if exception is not None and exception.args else ""
    if not isinstance(message, str | Promise) or GENERIC_NOT_FOUND.match(str(message)):
        return ""  # Django's resolver passes a dict of the patterns it tried
    return str(message)


def _render(request: HttpRequest, name: str, exception: Exception | None) -> HttpResponse:
    context = _context(name, _reason(exception))
    return render(request, TEMPLATE, context, status=PAGES[name].status)


def _render_without_request(name: str) -> HttpResponse:
    """The page rendered from a plain context: no session, no database, no request data."""
    page = PAGES[name]
    try:
        body = loader.get_template(TEMPLATE).render(_context(name))
    except Exception:  # the last resort must answer even when the layout cannot be drawn
        logger.exception("The %s error page could not be rendered; a bare page was sent.", name)
        body = f"<!doctype html><title>{page.status}</title><h1>{page.title}</h1>"
    return HttpResponse(body, status=page.status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400: a malformed request (``handler400``)."""
    return _render_without_request("bad_request")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """403: the page exists but the visitor may not see it (``handler403``)."""
    return _render(request, "forbidden", exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: nothing at this address, or nothing this visitor may know of (``handler404``)."""
    return _render(request, "not_found", exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """500: an error of ours (``handler500``)."""
    return _render_without_request("server_error")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form whose CSRF token was refused (``CSRF_FAILURE_VIEW``)."""
    return _render(request, "csrf", None)
