"""The secretariat edits the test here. A published (or retired) version is frozen: it shows
read-only, and the action "New draft from this version" copies it for editing; "Publish" makes a
draft the test people take. Responses record the version they answered."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from icc.citizenship.models import (
    ContentVersion,
    Dimension,
    GroupSession,
    GuideSection,
    Option,
    Question,
    Resource,
    Response,
)
from icc.citizenship.services import CitizenshipError, version_draft_create, version_publish
from icc.core.admin import HTTPS_LINKS, ReadOnlyAdmin


def _frozen(obj: Any) -> bool:
    version = getattr(obj, "version", obj)
    return isinstance(version, ContentVersion) and version.is_frozen


class FrozenWhenPublished:
    """Read-only once the version (the object itself or its ``version``) is published.

    Mixed into modeltranslation's inlines, whose stubs disagree with Django's on
    ``get_readonly_fields``; the ``type: ignore[misc]`` on those classes is for that clash."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class FrozenInline(FrozenWhenPublished):
    """An inline of a frozen version (or question) takes no new rows either."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and bool(super().has_add_permission(request, obj))  # type: ignore[misc]


class DimensionInline(FrozenInline, TranslationStackedInline[Dimension, ContentVersion]):  # type: ignore[misc]
    model = Dimension
    extra = 0


class ResourceInline(FrozenInline, TranslationTabularInline[Resource, ContentVersion]):  # type: ignore[misc]
    model = Resource
    extra = 0
    formfield_overrides = HTTPS_LINKS


class GuideInline(FrozenInline, TranslationStackedInline[GuideSection, ContentVersion]):  # type: ignore[misc]
    model = GuideSection
    extra = 0


@admin.register(ContentVersion)
class ContentVersionAdmin(FrozenWhenPublished, TabbedTranslationAdmin[ContentVersion]):
    list_display = ["number", "title", "status", "published_at"]
    inlines = [DimensionInline, ResourceInline, GuideInline]
    actions = ["draft_from", "publish"]
    readonly_fields = ["status", "published_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # new versions come from "New draft from this version"

    @admin.action(description=_("New draft from this version"))
    def draft_from(self, request: HttpRequest, queryset: QuerySet[ContentVersion]) -> None:
        for version in queryset:
            draft = version_draft_create(source=version)
            self.message_user(request, _("Draft version %(n)s created.") % {"n": draft.number})

    @admin.action(description=_("Publish (the test people take)"))
    def publish(self, request: HttpRequest, queryset: QuerySet[ContentVersion]) -> None:
        for version in queryset:
            try:
                version_publish(version=version)
            except CitizenshipError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, _("Version %(n)s published.") % {"n": version.number})


class OptionInline(FrozenInline, TranslationTabularInline[Option, Question]):  # type: ignore[misc]
    model = Option
    extra = 0


@admin.register(Question)
class QuestionAdmin(FrozenWhenPublished, TabbedTranslationAdmin[Question]):
    list_display = ["position", "text", "version"]
    list_filter = ["version"]
    inlines = [OptionInline]


@admin.register(GroupSession)
class GroupSessionAdmin(admin.ModelAdmin[GroupSession]):
    list_display = ["code", "title", "created_at", "closed_at"]
    readonly_fields = ["code", "version", "created_by", "created_at", "closed_at"]
    exclude = ["secret"]


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin[Response]):
    """Responses are the test's anonymous answers, recorded as people take it."""

    list_display = ["started_at", "completed_at", "language", "city", "leading", "version"]
    list_filter = ["version", "language", "completed_at"]
    readonly_fields = [f.name for f in Response._meta.fields]
