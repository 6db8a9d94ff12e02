"""Stored city reports (PDF files) and the bulk runs that make them.

A ``ReportFile`` remembers the results it was made from (``results_version``, the edition
results' version) and the place profile and layout it shows (``profile_key``); it is made again
when either no longer matches. Bulk runs are background jobs (``core.Job``, kind
``reports.batch``).
"""

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
    results_version = models.PositiveIntegerField(
        _("results version"),
        default=0,
        help_text=_("Version of the edition's results the report was made from."),
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
