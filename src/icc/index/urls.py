from django.urls import path

from icc.index import views

app_name = "index"
urlpatterns = [
    path("", views.index_home, name="home"),
    path("<slug:edition>/results/", views.results, name="results"),
    path("<slug:edition>/queue/", views.review_queue, name="queue"),
    path("<slug:edition>/queue/bulk/", views.review_queue_bulk, name="queue_bulk"),
    path("<slug:edition>/export.<tabular:fmt>", views.edition_export, name="export"),
    path("<slug:edition>/places/<slug:slug>/", views.response_overview, name="response_overview"),
    path(
        "<slug:edition>/places/<slug:slug>/action/", views.response_action, name="response_action"
    ),
    path("<slug:edition>/places/<slug:slug>/comment/", views.comment_add, name="comment_add"),
    path("<slug:edition>/places/<slug:slug>/history/", views.answer_history, name="answer_history"),
    path(
        "<slug:edition>/places/<slug:slug>/answer/<str:code>/",
        views.answer_save,
        name="answer_save",
    ),
    path(
        "<slug:edition>/places/<slug:slug>/area/<str:area>/",
        views.response_area,
        name="response_area",
    ),
]
