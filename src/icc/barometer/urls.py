from django.urls import path

from icc.barometer import views

app_name = "barometer"
urlpatterns = [
    path("", views.barometer_home, name="home"),
    path("run/", views.barometer_run, name="run"),
    path("run/progress/", views.barometer_run_progress, name="run_progress"),
    path("compare.svg", views.barometer_compare_chart, name="compare_chart"),
    path("<slug:slug>/", views.barometer_place, name="place"),
    path("<slug:slug>/chart/<str:kind>.svg", views.barometer_chart, name="chart"),
    path("<slug:slug>/export.csv", views.barometer_export, name="export"),
]
