"""Admin of stored reports: read-only records of what the platform made (bulk runs are
background jobs, in the platform's admin)."""

from django.contrib import admin
from django.http import HttpRequest

from icc.reports.models import ReportFile


@admin.register(ReportFile)
class ReportFileAdmin(admin.ModelAdmin[ReportFile]):
    list_display = ["place", "edition", "lang", "generated_at", "size", "is_synthetic"]
    list_filter = ["edition", "lang", "is_synthetic"]
    search_fields = ["place__name", "place__slug"]
    readonly_fields = [f.name for f in ReportFile._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports are made by the platform, never uploaded
