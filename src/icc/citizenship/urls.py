"""Pages of the citizenship test, under ``/<lang>/citizenship/``."""

from django.urls import URLPattern, URLResolver, path

from icc.citizenship.views import group, secretariat, taking

app_name = "citizenship"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", taking.start, name="start"),
    path("question/<int:number>/", taking.question, name="question"),
    path("language/", taking.language, name="language"),
    path("alone/", taking.alone, name="alone"),
    path("result/<str:public_id>/", taking.result, name="result"),
    path("print/", taking.printable, name="print"),
    path("guide/", taking.guide, name="guide"),
    path("group/new/", group.group_new, name="group_new"),
    path("group/facilitate/<str:secret>/", group.facilitate, name="facilitate"),
    path("group/facilitate/<str:secret>/live/", group.facilitate_live, name="facilitate_live"),
    path("group/facilitate/<str:secret>/close/", group.facilitate_close, name="facilitate_close"),
    path(
        "group/facilitate/<str:secret>/export.<tabular:fmt>",
        group.facilitate_export,
        name="facilitate_export",
    ),
    path("group/<str:code>/qr.svg", group.group_qr, name="group_qr"),
    path("join/", group.join, name="join"),
    path("join/<str:code>/", group.join_code, name="join_code"),
    path("statistics/", secretariat.stats, name="stats"),
    path("statistics/export.<tabular:fmt>", secretariat.stats_export, name="stats_export"),
]
