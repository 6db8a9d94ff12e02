"""Surveys in the admin, for the secretariat to look: read-only (forms are created, opened and
closed through the services, which check the XLSForm and the rules)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from icc.surveys.models import Submission, Survey


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ["title", "place", "purpose", "state", "created_at"]
    list_filter = ["state", "purpose"]
    search_fields = ["title", "place__name"]
    exclude = ["xlsform_content", "token"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["id", "survey", "source", "submitted_at"]
    list_filter = ["source"]
    list_select_related = ["survey"]
