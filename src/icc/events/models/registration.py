"""Registration: the per-event form (extra fields) and the registrations themselves.

States and their rules live in ``icc.events.registration_states`` (plain Python); services in
``icc.events.services.registration`` apply them. A registrant needs no account: a personal link
signed with ``secret`` lets them see, change, export or erase their registration.
"""

import secrets
from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from icc.core.models import Timestamped
from icc.events.models.event import Event
from icc.events.registration_states import ACTIVE_STATES, State

STATE_LABELS = {
    State.PENDING: _("Pending approval"),
    State.CONFIRMED: _("Confirmed"),
    State.WAITING: _("On the waiting list"),
    State.WITHDRAWN: _("Withdrawn"),
    State.REJECTED: _("Rejected"),
}


class FieldKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes or no")


class RegistrationField(models.Model):
    """An extra question of an event's registration form."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registration_fields")
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_(
            "Names the answer in the registrant's own data download; pages and exports show "
            "the question."
        ),
    )
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=FieldKind.choices)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["event", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="registration_field_key_unique")
        ]

    def __str__(self) -> str:
        return self.label

    def answer_text(self, answers: Mapping[str, object]) -> str:
        """A registrant's answer to this question in words, as pages and exports show it: the
        option's label for a choice (never its stored value), "yes"/"no" translated, "" when
        unanswered (needs ``options`` prefetched for speed)."""
        value = answers.get(self.key)
        if value is None or value == "":
            return ""
        if value is True or value is False:
            return gettext("yes") if value else gettext("no")
        labels = {option.value: option.label for option in self.options.all()}
        return str(labels.get(str(value), value))


class RegistrationFieldOption(models.Model):
    """One answer a choice question offers."""

    field = models.ForeignKey(RegistrationField, on_delete=models.CASCADE, related_name="options")
    value = models.SlugField(
        _("value"),
        max_length=60,
        help_text=_(
            "Stored with the answer and in the registrant's own data download; pages and "
            "exports show the label."
        ),
    )
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["field", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["field", "value"], name="registration_option_unique")
        ]

    def __str__(self) -> str:
        return self.label


def new_secret() -> str:
    """The random part of a personal link; replaced when the registration is erased."""
    return secrets.token_urlsafe(18)


class Registration(Timestamped):
    """One person's registration for one event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation or city"), max_length=250, blank=True)
    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=[(s.value, label) for s, label in STATE_LABELS.items()],
        db_index=True,
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    secret = models.CharField(max_length=40, default=new_secret, editable=False)
    queued_at = models.DateTimeField(
        _("in the queue since"), help_text=_("Order of the waiting list.")
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(state__in=[s.value for s in ACTIVE_STATES])
                & ~models.Q(email=""),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or _('(erased)')} — {self.event}"

    @property
    def is_active(self) -> bool:
        """Pending, confirmed or waiting: the registrant may still change or withdraw."""
        return State(self.state) in ACTIVE_STATES

    @property
    def is_confirmed(self) -> bool:
        return self.state == State.CONFIRMED
