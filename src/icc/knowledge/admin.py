"""Administration of the knowledge base for the secretariat: themes, publications with their
language versions, news and special editions, subscribers. Practices are moderated on their own
pages (the workflow's rules); here the secretariat can correct their texts. Saving a published
item (or deleting one) updates the search on commit; rich text is sanitised on save."""

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin

from icc.core.admin import HTTPS_LINKS
from icc.knowledge import search_bridge
from icc.knowledge.models import (
    CallForPractices,
    GoodPractice,
    NewsItem,
    NewsletterIssue,
    NewsSeries,
    PracticeArea,
    PracticeFile,
    PracticeLink,
    Publication,
    PublicationVersion,
    Subscriber,
    Theme,
)
from icc.knowledge.sanitise import html_clean


def _clean_rich(obj: Any, field: str) -> None:
    from django.conf import settings

    for lang in settings.MODELTRANSLATION_LANGUAGES:
        name = f"{field}_{lang}"
        setattr(obj, name, html_clean(getattr(obj, name, "") or ""))


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin[Theme]):
    list_display = ("name", "slug", "position")


class PracticeAreaInline(admin.TabularInline[PracticeArea, GoodPractice]):
    model = PracticeArea
    extra = 0


class PracticeLinkInline(admin.TabularInline[PracticeLink, GoodPractice]):
    model = PracticeLink
    extra = 0
    formfield_overrides = HTTPS_LINKS


class PracticeFileInline(admin.TabularInline[PracticeFile, GoodPractice]):
    model = PracticeFile
    extra = 0


@admin.register(GoodPractice)
class GoodPracticeAdmin(TabbedTranslationAdmin[GoodPractice]):
    list_display = ("title", "status", "published_at", "is_demo")
    list_filter = ("status", "is_demo", "themes")
    search_fields = ("title", "slug")
    filter_horizontal = ("places", "themes")
    readonly_fields = ("status", "published_at", "submitted_at")
    inlines = [PracticeAreaInline, PracticeLinkInline, PracticeFileInline]

    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool
    ) -> None:
        _clean_rich(obj, "description")
        super().save_model(request, obj, form, change)
        search_bridge.practice_index(practice_id=obj.pk)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        search_bridge.practice_remove(practice_id=obj.pk)
        super().delete_model(request, obj)


@admin.register(CallForPractices)
class CallAdmin(TabbedTranslationAdmin[CallForPractices]):
    list_display = ("title", "theme", "deadline")


class PublicationVersionInline(admin.TabularInline[PublicationVersion, Publication]):
    model = PublicationVersion
    extra = 1
    formfield_overrides = HTTPS_LINKS


@admin.register(Publication)
class PublicationAdmin(TabbedTranslationAdmin[Publication]):
    list_display = ("title", "kind", "published_on", "is_published", "is_demo")
    list_filter = ("kind", "is_published", "themes")
    search_fields = ("title", "slug")
    filter_horizontal = ("themes", "practices")
    inlines = [PublicationVersionInline]

    def save_related(
        self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        search_bridge.publication_index(publication_id=form.instance.pk)


@admin.register(NewsSeries)
class NewsSeriesAdmin(TabbedTranslationAdmin[NewsSeries]):
    list_display = ("title", "slug")


@admin.register(NewsItem)
class NewsItemAdmin(TabbedTranslationAdmin[NewsItem]):
    list_display = ("title", "published_at", "series", "is_demo")
    list_filter = ("series", "is_demo", "themes")
    search_fields = ("title", "slug")
    filter_horizontal = ("themes", "places")

    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool
    ) -> None:
        _clean_rich(obj, "body")
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        search_bridge.news_index(news_id=form.instance.pk)


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(TabbedTranslationAdmin[NewsletterIssue]):
    list_display = ("number", "subject", "status", "sent_at")
    readonly_fields = ("status", "sent_at")


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin[Subscriber]):
    list_display = ("email", "language", "confirmed_at", "unsubscribed_at")
    list_filter = ("language",)
    search_fields = ("email",)
