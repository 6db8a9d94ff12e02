"""A city's anti-rumours strategy: the five stages of the method, their documents, the
diagnosis and follow-up survey rounds and the focus groups' notes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

#: The longest public summary, in characters (a page of text).
PUBLIC_SUMMARY_MAX = 5000


class StageKind(models.TextChoices):
    """The stages of the method, in their order."""

    DIAGNOSIS = "diagnosis", _("Diagnosis")
    DESIGN = "design", _("Design of the strategy")
    AGENTS = "agents", _("Network of anti-rumours agents")
    CAMPAIGNS = "campaigns", _("Campaigns and actions")
    EVALUATION = "evaluation", _("Evaluation")


class StageStatus(models.TextChoices):
    """A stage's status; the context lets languages agree it with "stage" (French: étape,
    feminine: "Terminée")."""

    NOT_STARTED = "not_started", pgettext_lazy("stage status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("stage status", "In progress")
    DONE = "done", pgettext_lazy("stage status", "Done")


class Strategy(models.Model):
    """One city's anti-rumours strategy (at most one per place)."""

    place = models.OneToOneField(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_strategy",
        verbose_name=_("place"),
    )
    public_summary = models.TextField(
        _("what the city does (public)"),
        blank=True,
        max_length=PUBLIC_SUMMARY_MAX,
        help_text=_("Shown on the city's public anti-rumours page."),
    )
    is_public = models.BooleanField(_("public page shown"), default=False)
    is_demo = models.BooleanField(_("invented for the demo"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("anti-rumours strategy")
        verbose_name_plural = _("anti-rumours strategies")

    def __str__(self) -> str:
        return str(self.place)


class Stage(models.Model):
    """One stage of a strategy, with its status, dates and the people working on it."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="stages", verbose_name=_("strategy")
    )
    kind = models.CharField(_("stage"), max_length=16, choices=StageKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=StageStatus.choices, default=StageStatus.NOT_STARTED
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    people = models.TextField(_("people"), blank=True, help_text=_("Who works on this stage."))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "kind"], name="antirumours_stage_unique")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class StageDocument(models.Model):
    """A document of a stage: a file or a link."""

    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="documents", verbose_name=_("stage")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="antirumours/documents/", blank=True)
    url = models.URLField(_("link"), blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stage document")
        verbose_name_plural = _("stage documents")
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title


class SurveyRoundKind(models.TextChoices):
    DIAGNOSIS = "diagnosis", _("Diagnosis")
    FOLLOW_UP = "follow_up", _("Follow-up")


class SurveyRound(models.Model):
    """One perception survey of a city: the diagnosis, or a follow-up compared with it.

    The questionnaire and its answers live in the surveys module (``survey_id``); this row says
    which rumour each choice of the questionnaire stands for (``rumour_choices``: choice name →
    rumour id), so that results can be read per rumour."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_rounds",
        verbose_name=_("place"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SurveyRoundKind.choices)
    title = models.CharField(_("title"), max_length=200)
    baseline = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("compared with"),
    )
    survey_id = models.PositiveIntegerField(_("survey"), null=True, blank=True)
    rumour_choices = models.JSONField(_("rumour of each choice"), default=dict, blank=True)
    is_synthetic = models.BooleanField(_("synthetic responses (demo)"), default=False)
    headline_public = models.BooleanField(
        _("headline figures on the public page"),
        default=False,
        help_text=_(
            "Show the shares who heard and believed at least one rumour on the city's public "
            "page; answers and per-rumour results stay private."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


class FocusGroupNote(models.Model):
    """Notes of one focus group of the diagnosis."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_focus_groups",
        verbose_name=_("place"),
    )
    held_on = models.DateField(_("held on"))
    participants = models.CharField(
        _("who took part"), max_length=300, help_text=_("A description, never names.")
    )
    location = models.CharField(_("where"), max_length=200, blank=True)
    notes = models.TextField(_("notes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("focus group note")
        verbose_name_plural = _("focus group notes")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} — {self.participants}"
