"""Administration of the index for the secretariat (editions are imported, not typed)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from icc.index.models import Answer, Edition, Response, ResponseEvent, ReviewComment
from icc.index.services import edition_results_invalidate


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin[Edition]):
    list_display = ("name", "year", "status", "deadline", "form_version", "imported_at")
    list_filter = ("status",)
    readonly_fields = ("form_id", "form_version", "languages", "method", "warnings", "imported_at")
    exclude = ("xlsform",)

    def save_model(self, request: HttpRequest, obj: Edition, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and {"year", "previous"} & set(form.changed_data):
            edition_results_invalidate(edition_ids=[obj.pk])  # facts' year, progress baseline


class AnswerInline(admin.TabularInline[Answer, Response]):
    model = Answer
    extra = 0
    fields = ("question", "value", "evidence", "version", "updated_by", "updated_at")
    readonly_fields = fields
    can_delete = False


class EventInline(admin.TabularInline[ResponseEvent, Response]):
    model = ResponseEvent
    extra = 0
    readonly_fields = ("action", "from_state", "to_state", "user", "note", "at")
    can_delete = False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin[Response]):
    list_display = ("place", "edition", "state", "is_synthetic", "updated_at")
    list_filter = ("edition", "state", "is_synthetic")
    search_fields = ("place__name",)
    readonly_fields = ("state", "submitted_at", "published_at")
    inlines = (AnswerInline, EventInline)


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin[ReviewComment]):
    list_display = ("response", "question", "author", "created_at", "resolved")
    list_filter = ("resolved",)
