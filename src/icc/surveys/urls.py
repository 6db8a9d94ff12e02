"""Pages of the surveys module, under ``/<lang>/surveys/``."""

from django.urls import URLPattern, URLResolver, path

from icc.surveys import views

app_name = "surveys"
urlpatterns: list[URLPattern | URLResolver] = [
    path("s/<str:token>/", views.public_form, name="public"),
    path("s/<str:token>/fields/", views.public_fields, name="public_fields"),
    path("s/<str:token>/thanks/", views.public_thanks, name="thanks"),
    path("place/<slug:slug>/", views.place_surveys, name="place"),
    path("<int:survey_id>/", views.survey_detail, name="detail"),
    path("<int:survey_id>/state/", views.survey_state, name="state"),
    path("<int:survey_id>/import/", views.survey_import, name="import"),
    path("<int:survey_id>/export.<tabular:fmt>", views.survey_export, name="export"),
]
