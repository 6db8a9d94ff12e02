"""The rumour register: rumours as people tell them, and the counter-arguments that answer them.

A register is private to its city. Sharing a rumour (``shared_at``) makes it and its
counter-arguments readable by the whole network and searchable across languages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from icc.core.models import Timestamped


class RumourTheme(models.TextChoices):
    WELFARE = "welfare", _("Welfare benefits")
    JOBS = "jobs", _("Jobs and wages")
    HOUSING = "housing", _("Housing")
    SAFETY = "safety", _("Safety and crime")
    HEALTH = "health", _("Health services")
    SCHOOLS = "schools", _("Schools")
    RELIGION = "religion", _("Religion")
    TAXES = "taxes", _("Taxes")
    CULTURE = "culture", _("Culture and language")
    PUBLIC_SPACE = "public_space", _("Public space")


class Format(models.TextChoices):
    """Formats a counter-argument suits."""

    STORY = "story", _("Story")
    FIGURE = "figure", _("Figure")
    GAME = "game", _("Game")
    STREET_ACTION = "street_action", _("Street action")


class Rumour(Timestamped):
    """One rumour of a city's register, in the language it circulates in."""

    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        related_name="antirumours_rumours",
        verbose_name=_("place"),
    )
    text = models.TextField(_("rumour"), max_length=2000)
    language = models.CharField(_("language"), max_length=8)
    target_group = models.CharField(_("target group"), max_length=200)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    where_circulates = models.CharField(_("where it circulates"), max_length=300, blank=True)
    first_seen = models.DateField(_("first seen"), null=True, blank=True)
    shared_at = models.DateTimeField(_("shared with the network on"), null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("invented for the demo"), default=False)

    class Meta:
        verbose_name = _("rumour")
        verbose_name_plural = _("rumours")
        ordering = ["id"]
        indexes = [models.Index(fields=["shared_at"], name="antirumours_rumour_shared")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    @property
    def choice_name(self) -> str:
        """Its name as a choice of the perception survey."""
        return f"r{self.pk}"


class CounterArgumentKind(models.TextChoices):
    FACT = "fact", _("Fact")
    NARRATIVE = "narrative", _("Counter-narrative")


class CounterArgument(models.Model):
    """A fact (with its source and date) or a counter-narrative answering one rumour."""

    rumour = models.ForeignKey(
        Rumour,
        on_delete=models.CASCADE,
        related_name="counter_arguments",
        verbose_name=_("rumour"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=CounterArgumentKind.choices)
    text = models.TextField(_("text"), max_length=4000)
    language = models.CharField(_("language"), max_length=8)
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    formats = models.JSONField(_("formats"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("counter-argument")
        verbose_name_plural = _("counter-arguments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]


class RadarCount(models.Model):
    """How many of the city's imported posts of one month matched one rumour (the rumour radar),
    with a few short examples of them, masked (no author, no link, no mention)."""

    rumour = models.ForeignKey(
        Rumour, on_delete=models.CASCADE, related_name="radar_counts", verbose_name=_("rumour")
    )
    month = models.DateField(_("month"))
    posts = models.PositiveIntegerField(_("matching posts"))
    posts_read = models.PositiveIntegerField(_("posts read"))
    threshold = models.FloatField(_("similarity threshold"))
    examples = models.JSONField(_("examples"), default=list, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("radar count")
        verbose_name_plural = _("radar counts")
        ordering = ["month", "rumour_id"]
        constraints = [
            models.UniqueConstraint(fields=["rumour", "month"], name="antirumours_radar_unique")
        ]

    def __str__(self) -> str:
        return f"{self.rumour} — {self.month:%Y-%m}: {self.posts}"
