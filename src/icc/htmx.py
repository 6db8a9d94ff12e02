"""Pages that htmx swaps in part: when a request gets a fragment, and when the whole page.

``django_htmx``'s middleware sets ``request.htmx``. A list page that pushes its filters into the
address bar answers htmx with the results fragment, but a history restore (the visitor goes Back
and htmx finds no copy of the page in its cache) must get the whole page, or the fragment would
replace the page. The answers differ by these headers, so they are named in ``Vary``.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """The request type of views that read ``request.htmx`` (set by ``HtmxMiddleware``)."""

    htmx: HtmxDetails


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """An htmx request that swaps part of the page (not a history restore)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def page_or_fragment_render(
    request: HtmxHttpRequest,
    *,
    page: str,
    fragment: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """``fragment`` for htmx swaps, ``page`` for everyone else (history restores included)."""
    template = fragment if wants_fragment(request) else page
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    return response
