"""Secretariat pages of the programme module, under ``/<lang>/programme/``."""

from django.urls import URLPattern, URLResolver, path

from icc.programme import views

app_name = "programme"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.programme_home, name="home"),
    path("<int:year>/", views.programme_year, name="year"),
    path("<int:year>/annual-report/", views.annual_report_make, name="report_make"),
    path("annual-reports/<int:pk>/", views.annual_report_download, name="report_file"),
    path("<int:year>/expenditure.<tabular:fmt>", views.expenses_export, name="expenses_export"),
    path(
        "expenditure/import/",
        views.records_upload,
        {"kind": "expenditure"},
        name="expenses_import",
    ),
    path("records/import/<slug:kind>/", views.records_upload, name="records_import"),
]
