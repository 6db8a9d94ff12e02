"""The secretariat's records of a programme year: grants between cities, expert visits, specific
support, expenditure, the national networks' yearly reports, the editable texts of the annual
report, and the stored annual reports themselves.

Places, networks and events are referenced by foreign key (their tables belong to their apps);
every figure of the annual report is a query over these records and the other modules'
selectors (``icc.programme.report``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from icc.events.models import Event
from icc.knowledge.models import GoodPractice, Publication
from icc.network.models import Network, Place


class GrantStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Grant(models.Model):
    """An inter-city grant: a project led by one place with partners, often in other countries."""

    title = models.CharField(_("project title"), max_length=300)
    lead_place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="grants_led", verbose_name=_("lead place")
    )
    partner_places = models.ManyToManyField(
        Place, blank=True, related_name="grants_joined", verbose_name=_("partner places")
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=GrantStatus.choices, default=GrantStatus.RUNNING
    )
    is_demo = models.BooleanField(
        _("demo details"),
        default=False,
        help_text=_("Some details (amount, dates) were made up for the demonstration."),
    )

    class Meta:
        verbose_name = _("inter-city grant")
        verbose_name_plural = _("inter-city grants")
        ordering = ["start", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def partners(self) -> list[Place]:
        """The partner places, the lead left out: a lead recorded among its partners too (before
        the form refused it; migration 0002 took such rows out) shows once, as the lead. Every
        list of partners (the year's page, the annual report, the export) reads this; it uses
        ``partner_places`` as prefetched."""
        return [p for p in self.partner_places.all() if p.pk != self.lead_place_id]


def lead_among_partners_text(place: str) -> str:
    """Why a grant's lead place cannot be one of its partners too (the admin form and the
    grants import)."""
    return gettext("%(place)s leads this grant: it cannot also be one of its partners.") % {
        "place": place
    }


class OutputKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    PRACTICE = "practice", _("Good practice")
    TOOL = "tool", _("Tool or training material")
    OTHER = "other", _("Other")


class GrantOutput(models.Model):
    """What a grant produced: a publication, a good practice, a tool; with its link."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("kind"), max_length=12, choices=OutputKind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    publication = models.ForeignKey(
        Publication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publication"),
    )
    practice = models.ForeignKey(
        GoodPractice,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("good practice"),
    )

    class Meta:
        verbose_name = _("grant output")
        verbose_name_plural = _("grant outputs")
        ordering = ["grant", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def link(self) -> str:
        """The knowledge base's page of the publication or practice, else the typed link."""
        target = self.publication or self.practice
        return target.get_absolute_url() if target is not None else self.url


class VisitMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    VIRTUAL = "virtual", _("Virtual")


class VisitPurpose(models.TextChoices):
    CONFIRM_INDEX = "confirm_index", _("Confirm the index results")
    DIAGNOSIS = "diagnosis", _("In-depth diagnosis")


class ExpertVisit(models.Model):
    """An expert visit to a place; the intercultural profile written after it is a publication."""

    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="expert_visits", verbose_name=_("place")
    )
    date = models.DateField(_("date"))
    mode = models.CharField(_("format"), max_length=10, choices=VisitMode.choices)
    purpose = models.CharField(_("purpose"), max_length=16, choices=VisitPurpose.choices)
    experts = models.CharField(_("experts"), max_length=500, blank=True)
    secretariat = models.CharField(_("secretariat members"), max_length=500, blank=True)
    profile_title = models.CharField(_("intercultural profile"), max_length=300, blank=True)
    profile_url = models.URLField(_("link to the profile"), max_length=500, blank=True)
    profile = models.ForeignKey(
        Publication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("profile (publication)"),
    )
    is_demo_date = models.BooleanField(
        _("demo date"), default=False, help_text=_("Only the year has a source.")
    )

    class Meta:
        verbose_name = _("expert visit")
        verbose_name_plural = _("expert visits")
        ordering = ["date", "place"]

    def __str__(self) -> str:
        return f"{self.place} ({self.date})"

    @property
    def profile_link(self) -> str:
        """The profile's page in the knowledge base, else the typed link."""
        return self.profile.get_absolute_url() if self.profile is not None else self.profile_url


class SupportKind(models.TextChoices):
    EXPERTISE = "expertise", _("Expertise")
    ADVICE = "advice", _("Advice")
    EXCHANGE = "exchange", _("Exchange between cities")
    ACCESSION = "accession", _("Preparing accession")
    NATIONAL_POLICY = "national_policy", _("Support to national policy")


class CitySupport(models.Model):
    """Specific support the programme gave to one place or a few."""

    title = models.CharField(_("title"), max_length=300)
    places = models.ManyToManyField(
        Place, blank=True, related_name="programme_support", verbose_name=_("places")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SupportKind.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    is_demo_date = models.BooleanField(
        _("demo date"), default=False, help_text=_("Only the year has a source.")
    )

    class Meta:
        verbose_name = _("specific support")
        verbose_name_plural = _("specific support")
        ordering = ["start", "title"]

    def __str__(self) -> str:
        return self.title


class ExpenseCategory(models.TextChoices):
    OPERATIONAL = "operational", _("Operational expenditure (activities)")
    EVENTS = "events", _("Events and meetings")
    EXPERTISE = "expertise", _("Expertise and studies")
    GRANTS = "grants", _("Grants to cities")
    TRANSLATION = "translation", _("Translation and publications")
    COMMUNICATION = "communication", _("Communication")


class Certification(models.TextChoices):
    PROVISIONAL = "provisional", _("Provisional (before certification)")
    CERTIFIED = "certified", _("Certified")


class Expense(models.Model):
    """One line of operational expenditure (staff and office costs excluded), in euros."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    activity = models.CharField(_("activity"), max_length=300)
    category = models.CharField(_("category"), max_length=16, choices=ExpenseCategory.choices)
    amount_eur = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    certification = models.CharField(
        _("certification"),
        max_length=12,
        choices=Certification.choices,
        default=Certification.PROVISIONAL,
    )

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenditure")
        ordering = ["year", "category", "id"]

    def __str__(self) -> str:
        return f"{self.year} {self.activity}: {self.amount_eur} EUR"


class NetworkReport(models.Model):
    """A national or regional network's report of a year: its highlights and its document."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="programme_reports",
        verbose_name=_("network"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    highlights = models.TextField(_("highlights"))
    document = models.FileField(_("document"), upload_to="programme/networks/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("network report")
        verbose_name_plural = _("network reports")
        ordering = ["year", "network"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "year"], name="programme_network_report_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network} {self.year}"


class ToolHighlight(models.Model):
    """A new tool or methodology of the year, as the annual report presents it."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("new tool or methodology")
        verbose_name_plural = _("new tools and methodologies")
        ordering = ["year", "position", "id"]

    def __str__(self) -> str:
        return self.title


class EventSection(models.TextChoices):
    MAJOR = "major", _("Major events")
    REGIONAL = "regional", _("Regional and local events")


class ReportedEvent(models.Model):
    """Where an event goes in the annual report; an event not listed here counts as major."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="report_section", verbose_name=_("event")
    )
    section = models.CharField(_("section"), max_length=10, choices=EventSection.choices)

    class Meta:
        verbose_name = _("event in the annual report")
        verbose_name_plural = _("events in the annual report")

    def __str__(self) -> str:
        return f"{self.event}: {self.section}"


class YearText(models.Model):
    """The editable, translatable texts of one year's annual report."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    foreword = models.TextField(_("foreword"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("annual report texts")
        verbose_name_plural = _("annual report texts")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class AnnualReportFile(models.Model):
    """A generated annual report, stored; the page serves the latest of each year, language and
    format."""

    year = models.PositiveSmallIntegerField(_("year"))
    lang = models.CharField(_("language"), max_length=8)
    fmt = models.CharField(_("format"), max_length=4)
    file = models.FileField(_("file"), upload_to="programme/annual-reports/")
    made_at = models.DateTimeField(_("made at"), auto_now=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("annual report file")
        verbose_name_plural = _("annual report files")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "lang", "fmt"], name="programme_annual_report_file"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.lang} {self.fmt}"
