"""The surveys' records: a survey (its XLSForm and the form read from it) and its submissions.

A survey belongs to one place; the module that creates it names its ``purpose`` (e.g.
``antirumours-diagnosis``, ``barometer-observation``). Answers are JSON keyed by question name
(see ``icc.surveys.form``). A submission's ``external_id`` makes imports idempotent: the
instance id of a KoboToolbox/ODK export row, or the one-time key of a web form, unique per survey.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_new() -> str:
    """An unguessable public link token (about 190 bits)."""
    return secrets.token_urlsafe(24)


def min_cell_default() -> int:
    return int(settings.ICC_SURVEYS_MIN_CELL)


class Survey(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    place = models.ForeignKey(
        "network.Place", on_delete=models.CASCADE, related_name="surveys", verbose_name=_("place")
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=60, blank=True, db_index=True)
    xlsform_name = models.CharField(_("XLSForm file name"), max_length=200)
    xlsform_content = models.BinaryField(_("XLSForm workbook"))
    form = models.JSONField(_("form read from the XLSForm"), default=dict)
    languages = models.JSONField(_("languages"), default=list)
    default_language = models.CharField(_("default language"), max_length=20, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.DRAFT)
    token = models.CharField(_("public link token"), max_length=64, unique=True, default=token_new)
    # True: only the place's city coordinators see it through the surveys' own pages and
    # selectors (the calling module shares what it decides, e.g. the anti-rumours diagnosis).
    private_to_place = models.BooleanField(_("private to the place's coordinators"), default=False)
    min_cell = models.PositiveSmallIntegerField(_("smallest group shown"), default=min_cell_default)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title


class Submission(models.Model):
    class Source(models.TextChoices):
        WEB = "web", _("web form")
        IMPORT = "import", _("import")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="submissions")
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.WEB)
    external_id = models.CharField(_("external id"), max_length=200, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "external_id"],
                condition=~Q(external_id=""),
                name="surveys_submission_external_id_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}#{self.pk}"
