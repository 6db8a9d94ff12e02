from django.urls import path

from icc.network import views

app_name = "network"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("places/", views.place_list, name="place_list"),
    path("places/export.<tabular:fmt>", views.place_list_export, name="place_list_export"),
    path("places/import/", views.place_import, name="place_import"),
    path("places/<slug:slug>/", views.place_detail, name="place_detail"),
    path("places/<slug:slug>/workspace/", views.place_workspace, name="place_workspace"),
    path("networks/<slug:slug>/", views.network_detail, name="network_detail"),
]
