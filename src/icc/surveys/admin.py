"""Surveys in the admin, for the secretariat to look: read-only (forms are created, opened and
closed through the services, which check the XLSForm and the rules)."""

from django.contrib import admin

from icc.core.admin import ReadOnlyAdmin
from icc.surveys.models import Submission, Survey


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin[Survey]):
    list_display = ["title", "place", "purpose", "state", "created_at"]
    list_filter = ["state", "purpose"]
    search_fields = ["title", "place__name"]
    exclude = ["xlsform_content", "token"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin[Submission]):
    list_display = ["id", "survey", "source", "submitted_at"]
    list_filter = ["source"]
    list_select_related = ["survey"]
