"""Pages of the reports module, under ``/<lang>/index/`` before the index app's own routes
(``…/report/`` and ``…/report.pdf`` do not clash with the index's ``<edition>/places/<slug>/…``)."""

from django.urls import URLPattern, URLResolver, path

from icc.reports import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("charts/", views.charts, name="charts"),
    path("charts/export.<tabular:fmt>", views.charts_export, name="charts_export"),
    path("<slug:edition>/places/<slug:slug>/report/", views.place_report, name="place_report"),
    path(
        "<slug:edition>/places/<slug:slug>/report.pdf",
        views.place_report_pdf,
        name="place_report_pdf",
    ),
    path("<slug:edition>/reports/", views.report_batches, name="batches"),
    path(
        "<slug:edition>/reports/runs/<int:pk>/",
        views.report_batch_progress,
        name="batch_progress",
    ),
    path(
        "<slug:edition>/reports/runs/<int:pk>/again/",
        views.report_batch_run_again,
        name="batch_run_again",
    ),
]
