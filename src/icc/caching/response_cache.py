"""Public GET answers kept in the process while the data they were made from is unchanged.

Rules held here:

- An answer is kept under its path with its query string, the active language and the versions
  of the apps it reads (``core.data_version``): any committed write to those apps makes a new
  key, so a kept answer is never stale. Keys of old versions simply age out of the LRU.
- Only GETs of anonymous visitors without a session or messages cookie that answer 200 without
  setting a cookie and without a CSRF token are kept (nothing in them is anyone's own);
  anything else goes to the view every time. An app without a version yet keeps nothing.
- htmx asks the same address for a fragment: its request headers are part of the key.
- Every kept answer carries an ``ETag`` (the key's digest); a request whose ``If-None-Match``
  names it gets ``304 Not Modified`` with no body.
- Each process keeps at most ``MAX_BYTES`` of bodies, least recently used out first. Reading
  the versions is one small query; nothing is written.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified

from icc.caching.data_version import data_versions
from icc.language import content_language, current_language

MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class _Kept:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str


class _Store:
    """A byte-bounded LRU of kept answers, shared by the threads of one process."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.items: OrderedDict[str, _Kept] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> _Kept | None:
        with self.lock:
            kept = self.items.get(key)
            if kept is not None:
                self.items.move_to_end(key)
            return kept

    def put(self, key: str, kept: _Kept) -> None:
        if len(kept.body) > self.max_bytes:
            return
        with self.lock:
            old = self.items.pop(key, None)
            self.size += len(kept.body) - (len(old.body) if old else 0)
            self.items[key] = kept
            while self.size > self.max_bytes:
                _, dropped = self.items.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


STORE = _Store(MAX_BYTES)


def _answer(kept: _Kept, request: HttpRequest) -> HttpResponse:
    if kept.etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(kept.body, status=kept.status)
    for name, value in kept.headers:
        response[name] = value
    response["ETag"] = kept.etag
    return response


HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


def _keepable(request: HttpRequest) -> bool:
    private = (settings.SESSION_COOKIE_NAME, "messages")
    if request.method != "GET" or any(name in request.COOKIES for name in private):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _kept_answer(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a CSRF token is in the page
    )


def response_cache(apps: Iterable[str]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a view whose public answer depends only on the data of ``apps`` (app labels),
    the path with its query string, and the language."""
    names = tuple(sorted(apps))

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def cached(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            versions = data_versions(names) if _keepable(request) else None
            if versions is None:
                return view(request, *args, **kwargs)
            htmx = (request.headers.get(name, "") for name in HTMX_HEADERS)
            languages = (current_language(), content_language())
            key = "\n".join((request.get_full_path(), *languages, *htmx, *versions))
            kept = STORE.get(key)
            if kept is not None:
                return _answer(kept, request)
            response = view(request, *args, **kwargs)
            if not _kept_answer(request, response):
                return response
            # The outer lane (``KeptAnswerMiddleware``) keeps the finished answer too, headers
            # of every middleware included, and learns which apps this address reads.
            request.icc_kept_apps = names  # type: ignore[attr-defined]
            etag = '"' + hashlib.blake2b(key.encode(), digest_size=16).hexdigest() + '"'
            headers = tuple((k, v) for k, v in response.items() if k.lower() != "etag")
            kept = _Kept(response.status_code, response.content, headers, etag)
            STORE.put(key, kept)
            return _answer(kept, request)

        return cached

    return decorate


# ---------------------------------------------------------------------------------------------
# The outer lane: a kept answer served before the session, locale, CSRF, authentication and
# message middlewares run. The security headers (CSP, Permissions-Policy, HSTS…) are still
# added by the middlewares outside it; the headers of the middlewares inside it (language,
# X-Frame-Options, Vary) are kept with the body, as they were when the answer was made.

LANE = _Store(MAX_BYTES)
LANE_APPS: dict[str, tuple[str, ...]] = {}  # path -> the apps its view's answer depends on
_LANE_COOKIES = ("django_language",)


def _lane_eligible(request: HttpRequest) -> bool:
    private = (settings.SESSION_COOKIE_NAME, "messages")
    return request.method == "GET" and not any(name in request.COOKIES for name in private)


def _lane_key(request: HttpRequest, versions: tuple[str, ...]) -> str:
    """What the answer can depend on before the locale middleware has chosen a language: the
    address, the language cookie and header, the htmx headers, and the data versions."""
    return "\n".join(
        (
            request.get_full_path(),
            request.headers.get("Accept-Language", ""),
            *(request.COOKIES.get(name, "") for name in _LANE_COOKIES),
            *(request.headers.get(name, "") for name in HTMX_HEADERS),
            *versions,
        )
    )


class KeptAnswerMiddleware:
    """Serves a kept public answer at once; place it right after WhiteNoise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _lane_eligible(request):
            return self.get_response(request)
        apps = LANE_APPS.get(request.path)
        versions = data_versions(apps) if apps else None
        if versions is not None:
            kept = LANE.get(_lane_key(request, versions))
            if kept is not None:
                return _answer(kept, request)
        response = self.get_response(request)
        names = getattr(request, "icc_kept_apps", None)
        if names is None or response.status_code != 200 or response.cookies:
            return response
        LANE_APPS[request.path] = names
        versions = data_versions(names)
        if versions is None or "ETag" not in response:
            return response
        headers = tuple((k, v) for k, v in response.items() if k.lower() != "etag")
        key = _lane_key(request, versions)
        LANE.put(key, _Kept(response.status_code, response.content, headers, response["ETag"]))
        return response
