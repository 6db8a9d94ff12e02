"""Admin of the platform's own records (background jobs, read only), and what every module's
admin shares: the read-only admin of records the platform makes, and the links' scheme."""

from typing import Any, TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from icc.core.models import Job

_ModelT = TypeVar("_ModelT", bound=models.Model)

#: ``formfield_overrides`` of an admin with links: a link typed without a scheme is read as
#: https (Django 6's default, chosen now).
HTTPS_LINKS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class ReadOnlyAdmin(admin.ModelAdmin[_ModelT]):
    """Records the platform's services make (and whose rules they apply): the admin lists and
    shows them, and neither adds nor changes any."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _ModelT | None = None) -> bool:
        return False


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin[Job]):
    """Jobs are queued by the platform's services."""

    list_display = ["kind", "key", "state", "done", "total", "created_at", "heartbeat_at"]
    list_filter = ["kind", "state"]
    # the errors as the pages show them, in the reader's language (not their stored form)
    exclude = ["error"]
    readonly_fields = [*(f.name for f in Job._meta.fields if f.name != "error"), "errors"]

    @admin.display(description=_("errors"))
    def errors(self, job: Job) -> str:
        return job.error_text
