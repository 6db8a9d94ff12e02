from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

app_name = "events"


def _placeholder(request: HttpRequest) -> HttpResponse:  # replaced by the events module
    return HttpResponse("")


urlpatterns: list[URLPattern | URLResolver] = [path("", _placeholder, name="list")]
