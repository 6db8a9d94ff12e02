"""The network directory: countries, places (cities and regions), facts, membership, networks.

Translated fields (``name``, ``description``, ``role``) are registered in ``translation.py``;
django-modeltranslation adds one column per language with fallback to English.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from icc.core.models import Timestamped
from icc.network.labels import STATUS_LABELS, STEP_LABELS
from icc.network.lifecycle import Status, Step


class Country(models.Model):
    """A country, keyed by its ISO 3166-1 alpha-2 code."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlaceKind(models.TextChoices):
    CITY = "city", _("City")
    REGION = "region", _("Region")


class Place(Timestamped):
    """A city or a region in the network (or on its way in)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(
        _("kind"), max_length=10, choices=PlaceKind.choices, default=PlaceKind.CITY
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="places", verbose_name=_("country")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("membership status"),
        max_length=12,
        choices=[(s.value, STATUS_LABELS[s]) for s in Status],
        default=Status.CANDIDATE.value,
        db_index=True,
        help_text=_("Kept in step with the latest membership step."),
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("Private: seen only by the secretariat, the place's coordinators and experts."),
    )
    is_demo = models.BooleanField(_("demonstration record"), default=False)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:place_detail", kwargs={"slug": self.slug})


class PlaceFact(models.Model):
    """Facts about a place in one year, each figure with its source."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="facts")
    year = models.PositiveSmallIntegerField(_("year"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_source = models.CharField(_("source of population"), max_length=255, blank=True)
    foreign_born_pct = models.DecimalField(
        _("foreign-born residents (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    foreign_born_source = models.CharField(
        _("source of foreign-born share"), max_length=255, blank=True
    )
    non_nationals_pct = models.DecimalField(
        _("non-nationals (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    non_nationals_source = models.CharField(
        _("source of non-nationals share"), max_length=255, blank=True
    )
    approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_("Figures estimated for demonstration.")
    )

    class Meta:
        verbose_name = _("place fact")
        verbose_name_plural = _("place facts")
        ordering = ["place", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["place", "year"], name="one_fact_row_per_place_year"),
            models.CheckConstraint(
                name="foreign_born_pct_0_100",
                condition=models.Q(foreign_born_pct__isnull=True)
                | models.Q(foreign_born_pct__gte=0, foreign_born_pct__lte=100),
            ),
            models.CheckConstraint(
                name="non_nationals_pct_0_100",
                condition=models.Q(non_nationals_pct__isnull=True)
                | models.Q(non_nationals_pct__gte=0, non_nationals_pct__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.year}"


class MembershipStep(models.Model):
    """One dated step of a place's membership lifecycle (rules in ``lifecycle.py``).

    Expert visits are recorded by the programme module and shown on the same timeline.
    """

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="membership_steps")
    step = models.CharField(
        _("step"), max_length=32, choices=[(s.value, STEP_LABELS[s]) for s in Step]
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("private note"), blank=True)
    is_demo_date = models.BooleanField(
        _("demo date"),
        default=False,
        help_text=_("The day was made up for the demonstration; only the year has a source."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership step")
        verbose_name_plural = _("membership steps")
        ordering = ["place", "date", "id"]

    def __str__(self) -> str:
        return f"{self.place}: {self.step} ({self.date})"


class NetworkKind(models.TextChoices):
    NATIONAL = "national", _("National network")
    REGIONAL = "regional", _("Regional network")


class Network(models.Model):
    """A national or regional network of intercultural places (RECI, Città del Dialogo…)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=NetworkKind.choices)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks",
        verbose_name=_("country"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    members = models.ManyToManyField(
        Place, through="NetworkMembership", related_name="networks", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:network_detail", kwargs={"slug": self.slug})


class NetworkMembership(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="network_memberships")
    joined = models.PositiveSmallIntegerField(_("joined in"), null=True, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "place"], name="network_place_unique")
        ]

    def __str__(self) -> str:
        return f"{self.place} in {self.network}"


class Coordinator(models.Model):
    """The public contact card of a coordinator: one per role assignment that is shown publicly.

    Who coordinates what is the role assignment (``accounts.RoleAssignment``, which also grants
    access); the card adds only what the directory shows: a title, an organisation and contact
    details (members only). Revoking the role removes the card, so the two cannot disagree.
    """

    assignment = models.OneToOneField(
        "accounts.RoleAssignment",
        on_delete=models.CASCADE,
        related_name="contact",
        verbose_name=_("role assignment"),
    )
    role = models.CharField(_("role"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_fictional = models.BooleanField(
        _("fictional person"), default=False, help_text=_("Invented for demonstration.")
    )

    class Meta:
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")
        ordering = ["assignment__user__first_name", "assignment__user__last_name"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The coordinator's name, from their account."""
        user = self.assignment.user
        return user.get_full_name() or user.get_username()
