"""The event and what describes it: kind, format, status, dates in a time zone, venue or online
link, working languages, organisers and partners, themes, documents after the event.

Dates are stored as aware datetimes (UTC in the database) together with the IANA name of the
event's time zone; pages and calendars show them in that zone, whatever the visitor's.
"""

import datetime as dt
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from icc.core.models import Timestamped


def validate_timezone_name(value: str) -> None:
    """Accept IANA time zone names only (``Europe/Madrid``, ``Africa/Casablanca``)."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name; use an IANA name such as Europe/Madrid."),
            params={"value": value},
        )


def default_timezone() -> str:
    """The platform's own zone, for events created without one."""
    return str(settings.TIME_ZONE)


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WEBINAR = "webinar", _("Webinar")
    ONLINE_MEETING = "online_meeting", _("Online meeting")
    ACADEMY = "academy", _("Academy")
    WORKSHOP = "workshop", _("Workshop")
    SUMMIT = "summit", _("Summit")
    STUDY_VISIT = "study_visit", _("Study visit")
    INSPIRING_SESSION = "inspiring_session", _("Inspiring session")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


#: Statuses everyone may see; a draft is for the secretariat only.
PUBLIC_STATUSES: tuple[str, ...] = (
    EventStatus.PUBLISHED.value,
    EventStatus.CANCELLED.value,
    EventStatus.POSTPONED.value,
)

#: Languages an event can be held in (ISO 639-1); names come from Django's language table.
WORKING_LANGUAGES = (
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("ca", _("Catalan")),
    ("el", _("Greek")),
    ("eu", _("Basque")),
    ("ja", _("Japanese")),
    ("nl", _("Dutch")),
    ("no", _("Norwegian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("sv", _("Swedish")),
    ("tr", _("Turkish")),
)


class Theme(models.Model):
    """A theme events are filed under (anti-rumours, anti-discrimination, …)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Event(Timestamped):
    """One event of the programme: a meeting, webinar, academy, summit, study visit…"""

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=300)
    objective = models.TextField(_("objective"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    format = models.CharField(
        _("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.DRAFT,
        db_index=True,
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_timezone,
        validators=[validate_timezone_name],
        help_text=_("The time zone where the event happens, e.g. Europe/Madrid."),
    )
    all_day = models.BooleanField(
        _("dates only"),
        default=False,
        help_text=_("Only the dates are known: pages and calendars show whole days."),
    )
    place = models.ForeignKey(
        "network.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("host city or region"),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_room = models.CharField(_("room"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    venue_map_url = models.URLField(_("map link"), max_length=500, blank=True)
    venue_url = models.URLField(_("venue website"), max_length=500, blank=True)
    online_url = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to people whose registration is confirmed."),
    )
    online_instructions = models.TextField(
        _("joining instructions"),
        blank=True,
        help_text=_("Passcode, dial-in numbers…; shown with the online link only."),
    )
    programme_published_on = models.DateField(_("programme published on"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="events")
    registration_enabled = models.BooleanField(_("registration on the platform"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("The secretariat approves each registration before it is confirmed."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        default=2,
        help_text=_("Confirmed participants get a reminder this many days before the start."),
    )
    is_fictional = models.BooleanField(
        _("fictional event"), default=False, help_text=_("Invented for demonstration.")
    )
    calendar_sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_(
            "Raised by every change that calendars show (times, place, status, programme), so "
            "that calendar applications replace the entries they hold."
        ),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start", condition=models.Q(end__gte=models.F("start"))
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        """The event's time zone."""
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self) -> dt.datetime:
        """The start in the event's own time zone."""
        return self.start.astimezone(self.tzinfo)

    @property
    def local_end(self) -> dt.datetime:
        """The end in the event's own time zone."""
        return self.end.astimezone(self.tzinfo)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_online(self) -> bool:
        """Held (at least partly) online."""
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    def has_ended(self, now: dt.datetime) -> bool:
        return self.end < now

    def registration_is_open(self, now: dt.datetime) -> bool:
        """New registrations are accepted: published, enabled, not started, before the deadline."""
        return (
            self.status == EventStatus.PUBLISHED
            and self.registration_enabled
            and now < self.start
            and (self.registration_deadline is None or now <= self.registration_deadline)
        )

    def language_codes(self) -> list[str]:
        """Working languages in their order (needs ``languages`` prefetched for speed)."""
        return [language.code for language in self.languages.all()]


class EventLanguage(models.Model):
    """One working language of an event (interpretation is provided into each)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=WORKING_LANGUAGES)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")
        ordering = ["event", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="event_language_unique")
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class OrganisationRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")


class EventOrganisation(models.Model):
    """An organiser or a partner of an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("name"), max_length=250)
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=OrganisationRole.choices,
        default=OrganisationRole.ORGANISER,
    )
    url = models.URLField(_("website"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")
        ordering = ["event", "role", "position", "id"]

    def __str__(self) -> str:
        return self.name


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report")
    RECORDING = "recording", _("Recording")
    PRESENTATION = "presentation", _("Presentation")
    DOCUMENT = "document", _("Document")


class EventDocument(models.Model):
    """What remains after (or goes with) an event: its report, recording, documents.

    Either an uploaded file or a link.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="events/documents/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=WORKING_LANGUAGES, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["event", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="event_document_file_or_link",
                condition=~models.Q(file="") | ~models.Q(url=""),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def href(self) -> str:
        """Where the document is: the uploaded file's URL, else the link."""
        return self.file.url if self.file else self.url
