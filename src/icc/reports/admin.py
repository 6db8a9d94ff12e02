"""Admin of stored reports: read-only records of what the platform made (bulk runs are
background jobs, in the platform's admin)."""

from django.contrib import admin

from icc.core.admin import ReadOnlyAdmin
from icc.reports.models import ReportFile


@admin.register(ReportFile)
class ReportFileAdmin(ReadOnlyAdmin[ReportFile]):
    """Reports are made by the platform, never uploaded."""

    list_display = ["place", "edition", "lang", "generated_at", "size", "is_synthetic"]
    list_filter = ["edition", "lang", "is_synthetic"]
    search_fields = ["place__name", "place__slug"]
    readonly_fields = [f.name for f in ReportFile._meta.fields]
