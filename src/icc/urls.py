"""Root URLs: the API unprefixed, every page under a language prefix (/en/, /fr/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, register_converter
from django.views.i18n import JavaScriptCatalog

from icc.api import api
from icc.citizenship.views.group import join_short
from icc.core.tabular.converters import FormatConverter

# ``…/export.<tabular:fmt>`` in the modules' URLs: a table's download format (csv, xlsx).
register_converter(FormatConverter, "tabular")

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("j/<str:code>", join_short, name="citizenship_join_short"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("icc.core.account_urls")),
    path("network/", include("icc.network.urls")),
    path("index/", include("icc.reports.urls")),
    path("index/", include("icc.index.urls")),
    path("events/", include("icc.events.urls")),
    path("knowledge/", include("icc.knowledge.urls")),
    path("citizenship/", include("icc.citizenship.urls")),
    path("surveys/", include("icc.surveys.urls")),
    path("notifications/", include("icc.notifications.urls")),
    path("barometer/", include("icc.barometer.urls")),
    path("antirumours/", include("icc.antirumours.urls")),
    path("search/", include("icc.search.urls")),
    path("programme/", include("icc.programme.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("icc.core.urls")),
)

# Error pages in the site's layout and language (core/errors.py).
handler400 = "icc.core.errors.bad_request"
handler403 = "icc.core.errors.permission_denied"
handler404 = "icc.core.errors.page_not_found"
handler500 = "icc.core.errors.server_error"
