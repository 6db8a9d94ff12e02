"""Stored city reports (PDF files) and the bulk runs that make them.

A ``ReportFile`` remembers the results it was made from (``inputs_key``, the edition result's
key) and the place profile and layout it shows (``profile_key``); it is made again when either
no longer matches. A ``ReportBatch`` is one bulk run over an edition, with its progress.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def report_upload_to(instance: "ReportFile", filename: str) -> str:
    """``reports/<edition>/<lang>/<file name>`` under MEDIA_ROOT."""
    return f"reports/{instance.edition.name}/{instance.lang}/{filename}"


class ReportFile(models.Model):
    """The PDF city report of one place, edition and language."""

    place = models.ForeignKey(
        "network.Place", on_delete=models.CASCADE, related_name="index_reports"
    )
    edition = models.ForeignKey(
        "index.Edition", on_delete=models.CASCADE, related_name="report_files"
    )
    lang = models.CharField(_("language"), max_length=10)
    inputs_key = models.CharField(
        max_length=64, help_text=_("Key of the edition's results the report was made from.")
    )
    profile_key = models.CharField(
        max_length=64, help_text=_("Key of the place profile and report layout it shows.")
    )
    file = models.FileField(_("file"), upload_to=report_upload_to, max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    generated_at = models.DateTimeField(_("generated at"))

    class Meta:
        verbose_name = _("city report file")
        verbose_name_plural = _("city report files")
        ordering = ["edition", "place__name", "lang"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "edition", "lang"], name="one_report_file_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.edition} ({self.lang})"


class ReportBatch(models.Model):
    """One bulk run: every place with a result in an edition, in the given languages."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for the background worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    edition = models.ForeignKey(
        "index.Edition", on_delete=models.CASCADE, related_name="report_batches"
    )
    languages = models.JSONField(_("languages"), default=list)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(_("reports to check"), default=0)
    done = models.PositiveIntegerField(_("reports checked"), default=0)
    generated = models.PositiveIntegerField(_("reports made"), default=0)
    skipped = models.PositiveIntegerField(_("reports unchanged"), default=0)
    failed = models.PositiveIntegerField(_("reports failed"), default=0)
    current = models.CharField(_("working on"), max_length=200, blank=True)
    error = models.TextField(_("errors"), blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bulk report run")
        verbose_name_plural = _("bulk report runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.edition} reports ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        """How far the run is, 0–100."""
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in {self.State.DONE, self.State.FAILED}
