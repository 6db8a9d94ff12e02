"""The programme of an event: parts (« 14 novembre — Partie 1 ») → time slots → sessions.

A slot is either a break (coffee, lunch) or holds one or more sessions that share its times
(the Bilbao programme runs three sessions between 9:30 and 11:00). A session has people —
moderators, presenters, speakers, people who support it — a description and sub-items.

Times are local to the event: a part has a date, a slot a start (and maybe an end) time of day,
read in the event's time zone. ``Slot.starts_at`` gives the aware datetime.
"""

import datetime as dt
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from icc.events.models.event import Event


class Person(models.Model):
    """Someone who speaks, presents or moderates; reusable across events."""

    slug = models.SlugField(_("key"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title or function"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def byline(self) -> str:
        """« Georges Belinga, Directeur de KOOPS SF34 »: the organisation is added unless the
        title already names it."""
        parts = [self.name]
        if self.title:
            parts.append(self.title)
        if self.organisation and self.organisation not in self.title:
            parts.append(self.organisation)
        return ", ".join(parts)

    @property
    def affiliation(self) -> str:
        """The byline without the name."""
        return self.byline[len(self.name) + 2 :] if self.byline != self.name else ""


class Part(models.Model):
    """A part of the programme, usually one half-day."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="parts")
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("part")
        verbose_name_plural = _("parts")
        ordering = ["event", "position", "id"]

    def __str__(self) -> str:
        return self.title


class SlotKind(models.TextChoices):
    SESSIONS = "sessions", _("Sessions")
    COFFEE_BREAK = "coffee_break", _("Coffee break")
    LUNCH_BREAK = "lunch_break", _("Lunch break")
    BREAK = "break", _("Break")


BREAK_KINDS = frozenset({SlotKind.COFFEE_BREAK, SlotKind.LUNCH_BREAK, SlotKind.BREAK})


class Slot(models.Model):
    """A time slot of a part: a break, or sessions that share its times."""

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="slots")
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"), null=True, blank=True, help_text=_("Empty: open-ended."))
    kind = models.CharField(
        _("kind"), max_length=14, choices=SlotKind.choices, default=SlotKind.SESSIONS
    )
    title = models.CharField(
        _("title of the break"),
        max_length=200,
        blank=True,
        help_text=_("Breaks only; empty shows the kind of break."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["part", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="slot_ends_after_start",
                condition=models.Q(end__isnull=True) | models.Q(end__gt=models.F("start")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.part} {self.start:%H:%M}"

    @property
    def is_break(self) -> bool:
        return self.kind in BREAK_KINDS

    @property
    def label(self) -> str:
        """A break's title, else the name of its kind."""
        return self.title or str(self.get_kind_display())

    def starts_at(self, event: Event) -> dt.datetime:
        """The aware start, read in the event's zone (``event`` saves a query)."""
        return dt.datetime.combine(self.part.date, self.start, tzinfo=event.tzinfo)

    def ends_at(self, event: Event) -> dt.datetime | None:
        """The aware end, or None when the slot is open-ended."""
        if self.end is None:
            return None
        return dt.datetime.combine(self.part.date, self.end, tzinfo=event.tzinfo)


class SessionKind(models.TextChoices):
    TALK = "talk", _("Talk or presentation")
    PANEL = "panel", _("Panel")
    DISCUSSION = "discussion", _("Discussion")
    TRAINING = "training", _("Training")
    VISIT = "visit", _("Visit")
    SOCIAL = "social", _("Social moment")
    CEREMONY = "ceremony", _("Opening or closing")
    LOGISTICS = "logistics", _("Practical (arrival, registration, end)")


class Session(models.Model):
    """A session in a slot. ``uid`` keeps its calendar entry stable across imports."""

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=SessionKind.choices, default=SessionKind.TALK
    )
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(
        _("location"), max_length=300, blank=True, help_text=_("Empty: the event's venue.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["slot", "position", "id"]

    def __str__(self) -> str:
        return self.title


class CalendarUid(models.Model):
    """Every calendar identifier ever given to a session, with the event it was given for.

    The row outlives the session and the event: calendar applications keep an entry (and the
    highest ``SEQUENCE`` they saw) under its UID long after a programme changed, so a UID is
    never handed to another event's session (``session_uid_claim``)."""

    uid = models.UUIDField(_("calendar identifier"), primary_key=True)
    event_uid = models.UUIDField(_("calendar identifier of the event"), db_index=True)

    class Meta:
        verbose_name = _("session calendar identifier")
        verbose_name_plural = _("session calendar identifiers")

    def __str__(self) -> str:
        return str(self.uid)


class SessionItem(models.Model):
    """A bullet point of a session (« Témoignages de villes… »)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(_("text"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("sub-item")
        verbose_name_plural = _("sub-items")
        ordering = ["session", "position", "id"]

    def __str__(self) -> str:
        return self.text


class PersonRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PRESENTER = "presenter", _("Presenter")
    SUPPORT = "support", _("Support")


class SessionPerson(models.Model):
    """A person's role in one session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="session_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=10, choices=PersonRole.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("person in a session")
        verbose_name_plural = _("people in sessions")
        ordering = ["session", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "role"], name="session_person_role_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"
