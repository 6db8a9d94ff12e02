"""Pages of the knowledge base, under ``/<lang>/knowledge/``."""

from django.urls import URLPattern, URLResolver, path

from icc.knowledge import feeds
from icc.knowledge.views import city, newsletter, public, secretariat

app_name = "knowledge"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.home, name="home"),
    path("practices/", public.practice_list, name="practice_list"),
    path("practices/feed.rss", feeds.PracticesRss(), name="practices_rss"),
    path("practices/feed.atom", feeds.PracticesAtom(), name="practices_atom"),
    path("practices/new/", city.practice_new, name="practice_new"),
    path("practices/mine/", city.my_practices, name="my_practices"),
    path("practices/moderation/", secretariat.moderation, name="moderation"),
    path("practices/export.<tabular:fmt>", secretariat.practices_export, name="practices_export"),
    path("practices/import/", secretariat.practices_import, name="practices_import"),
    path("practices/<slug:slug>/", public.practice_detail, name="practice_detail"),
    path("practices/<slug:slug>/edit/", city.practice_edit, name="practice_edit"),
    path("practices/<slug:slug>/files/", city.practice_file_add, name="practice_file_add"),
    path("practices/<slug:slug>/step/<str:action>/", city.practice_step, name="practice_step"),
    path("calls/", city.call_list, name="call_list"),
    path("calls/new/", secretariat.call_new, name="call_new"),
    path("calls/<int:pk>/answer/", city.call_answer, name="call_answer"),
    path("publications/", public.publication_list, name="publication_list"),
    path(
        "publications/export.<tabular:fmt>",
        secretariat.publications_export,
        name="publications_export",
    ),
    path("publications/import/", secretariat.publications_import, name="publications_import"),
    path("publications/<slug:slug>/", public.publication_detail, name="publication_detail"),
    path("news/", public.news_list, name="news_list"),
    path("news/feed.rss", feeds.NewsRss(), name="news_rss"),
    path("news/feed.atom", feeds.NewsAtom(), name="news_atom"),
    path("news/<slug:slug>/", public.news_detail, name="news_detail"),
    path("themes/", public.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", public.theme_detail, name="theme_detail"),
    path("newsletter/", newsletter.archive, name="newsletter"),
    path("newsletter/subscribe/", newsletter.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="subscribe_confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("newsletter/issues/", newsletter.issue_admin_list, name="issue_admin_list"),
    path("newsletter/issues/new/", newsletter.issue_compose, name="issue_compose"),
    path("newsletter/issues/<int:number>/edit/", newsletter.issue_edit, name="issue_edit"),
    path("newsletter/issues/<int:number>/preview/", newsletter.issue_preview, name="issue_preview"),
    path("newsletter/issues/<int:number>/send/", newsletter.issue_send, name="issue_send"),
    path("newsletter/<int:number>/", newsletter.issue_detail, name="issue_detail"),
]
