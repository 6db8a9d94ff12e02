"""The social trust barometer's records: posts (classified, pseudonymised), field observations,
social-sensing values, and the computed cells (place x neighbourhood x period)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Post(models.Model):
    """One social-media post, as kept after ingestion: the text only until it is processed
    (or until ``text_until`` when a retention period is configured); the author as a keyed
    hash."""

    class Sentiment(models.IntegerChoices):
        NEGATIVE = 0, _("negative")
        NEUTRAL = 1, _("neutral")
        POSITIVE = 2, _("positive")

    place = models.ForeignKey("network.Place", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.CharField(_("neighbourhood"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=50)
    external_id = models.CharField(_("identifier in the source"), max_length=200)
    created_at = models.DateTimeField(_("posted at"))
    author = models.CharField(_("author (pseudonym)"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    language_given = models.BooleanField(default=False)
    text = models.TextField(_("text"), blank=True)
    text_until = models.DateTimeField(null=True, blank=True)
    processed = models.BooleanField(default=False)
    sentiment = models.SmallIntegerField(choices=Sentiment.choices, null=True, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    affiliative = models.PositiveSmallIntegerField(default=0)
    othering = models.PositiveSmallIntegerField(default=0)
    mentions_groups = models.BooleanField(default=False)
    synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="barometer_post_unique")
        ]
        indexes = [models.Index(fields=["place", "created_at"], name="barometer_post_place")]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"


class Observation(models.Model):
    """One observed interaction in a public space (the observation form)."""

    class Interaction(models.TextChoices):
        POSITIVE = "positive", _("positive")
        NEUTRAL = "neutral", _("neutral")
        CONFLICT = "conflict", _("conflict")

    place = models.ForeignKey("network.Place", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.CharField(_("neighbourhood"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=50)
    external_id = models.CharField(_("identifier in the source"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)
    observed_at = models.DateTimeField(_("observed at"))
    people = models.PositiveSmallIntegerField(_("number of people"))
    mixed = models.BooleanField(_("mixed group"))
    interaction = models.CharField(_("interaction"), max_length=10, choices=Interaction.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=0)
    synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="barometer_observation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"


class SensingValue(models.Model):
    """One value of a social-sensing series (e.g. volunteers per 1,000 residents in a month)."""

    place = models.ForeignKey("network.Place", on_delete=models.CASCADE, related_name="+")
    indicator = models.CharField(_("indicator"), max_length=100)
    period = models.DateField(_("period (first day)"))
    value = models.FloatField(_("value"))
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.SmallIntegerField(_("direction"), default=1)  # +1 higher is better, -1
    synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["place", "indicator", "period"], name="barometer_sensing_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}"


class Cell(models.Model):
    """The barometer of one place (or one neighbourhood) over one week or month, from the last
    run. ``hidden`` cells (fewer posts than the threshold) keep only their post count."""

    class Period(models.TextChoices):
        WEEK = "week", _("week")
        MONTH = "month", _("month")

    place = models.ForeignKey("network.Place", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.CharField(max_length=100, blank=True)
    period = models.CharField(max_length=5, choices=Period.choices)
    start = models.DateField()
    n_posts = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(default=False)
    score = models.FloatField(null=True)
    low = models.FloatField(null=True)
    high = models.FloatField(null=True)
    values = models.JSONField(default=dict)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["place", "neighbourhood", "period", "start"], name="barometer_cell_unique"
            )
        ]
        ordering = ["place", "neighbourhood", "period", "start"]

    def __str__(self) -> str:
        return f"{self.place_id} {self.neighbourhood} {self.period} {self.start}"
