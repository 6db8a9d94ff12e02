"""Admin of the platform's own records: background jobs, read only."""

from django.contrib import admin
from django.http import HttpRequest

from icc.core.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ["kind", "key", "state", "done", "total", "created_at", "heartbeat_at"]
    list_filter = ["kind", "state"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs are queued by the platform's services
