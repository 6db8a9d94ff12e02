"""Platform-wide records that belong to no module: rate-limit counters, background jobs,
data versions; and ``Timestamped``, the creation and last-change times the modules' records
share."""

import datetime as dt
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """When a record was created and when it was last saved (both set by Django on save)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class RateLimitCount(models.Model):
    """How many times ``key`` did ``scope`` in the window that starts at ``window_start``."""

    scope = models.CharField(_("action"), max_length=60)
    key = models.CharField(_("who"), max_length=200)
    window_start = models.DateTimeField(_("window start"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate-limit count")
        verbose_name_plural = _("rate-limit counts")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="core_ratelimit_unique_window"
            )
        ]
        indexes = [models.Index(fields=["window_start"], name="core_ratelimit_window")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class Job(models.Model):
    """One run of a background task, with its progress and a heartbeat (API: ``core/jobs.py``).

    ``kind`` names the work ("index.results", "reports.batch"), ``key`` what it works on (an
    edition's id); ``params`` are the arguments a "run again" needs; ``counts`` the task's own
    tallies (made, unchanged, failed…).
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for the background worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=60)
    key = models.CharField(_("works on"), max_length=200, blank=True)
    task_path = models.CharField(_("task"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("steps"), default=0)
    done = models.PositiveIntegerField(_("steps done"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    current = models.CharField(_("working on"), max_length=200, blank=True)
    error = models.TextField(_("errors"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "key", "state"], name="core_job_kind_key_state")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        """How far the run is, 0–100."""
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}

    @property
    def error_text(self) -> str:
        """``error`` in the active language: each line is stored untranslated with its values
        (``core.jobs.job_error_line``) and translated here, for whoever reads it; a line stored
        as plain text (before) is shown as it was, translated when it is a known message."""
        lines = []
        for line in self.error.splitlines():
            try:
                stored = json.loads(line)
                text = gettext(stored["message"]) % stored["params"]
            except (ValueError, KeyError, TypeError):
                text = gettext(line) if line else line
            lines.append(text)
        return "\n".join(lines)

    @property
    def stopped(self) -> bool:
        """Running, but its worker gave no sign of life for longer than the lease
        (``ICC_JOB_LEASE_S``): it died. Computed when read; nothing is written."""
        if self.state != self.State.RUNNING or self.heartbeat_at is None:
            return False
        lease = dt.timedelta(seconds=settings.ICC_JOB_LEASE_S)
        return self.heartbeat_at < timezone.now() - lease


class DataVersion(models.Model):
    """The version of one app's data: ``number`` rises after every committed write to the app's
    tables; ``token`` is drawn at random when the row is made, so that two databases (or a
    database emptied and filled again) never share a version. Read and written, in SQL, by
    ``icc.caching.data_version``."""

    name = models.CharField(_("data"), max_length=40, primary_key=True)
    token = models.CharField(_("token"), max_length=32)
    number = models.PositiveBigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.name} {self.token[:8]}.{self.number}"
