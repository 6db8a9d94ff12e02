"""The site's URLs plus one view that fails, to see the 500 page through a real request."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from icc.urls import handler400, handler403, handler404, handler500, urlpatterns


def fail(request: HttpRequest) -> HttpResponse:
    raise OperationalError("the database went away")


urlpatterns: list[URLPattern | URLResolver] = [path("boom/", fail), *urlpatterns]  # type: ignore[no-redef]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
