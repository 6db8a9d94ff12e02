"""E-mails to registrants, in their language, with the event's times in the event's zone.

Services queue them with ``registration_email_queue`` (sent on commit); the message is composed
when it leaves, from the registration as it then is: an erased registration gets nothing.
Confirmations carry the event's calendar (.ics) as an attachment.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from icc.events.ics import event_calendar
from icc.events.models import Registration
from icc.events.registration_states import State
from icc.events.tokens import registration_manage_path

#: The kind of message for someone who withdraws while on the waiting list (no seat is freed).
LEFT_WAITING_LIST = "left_waiting_list"

SUBJECTS = {
    State.PENDING.value: _("Registration received: %(event)s"),
    State.CONFIRMED.value: _("Registration confirmed: %(event)s"),
    State.WAITING.value: _("You are on the waiting list: %(event)s"),
    "promoted": _("A seat is free for you: %(event)s"),
    State.REJECTED.value: _("Registration not accepted: %(event)s"),
    State.WITHDRAWN.value: _("Registration withdrawn: %(event)s"),
    LEFT_WAITING_LIST: _("You have left the waiting list: %(event)s"),
    "reminder": _("Reminder: %(event)s"),
}
#: Kinds of message that confirm a seat: they carry the online link and the calendar.
SEAT_KINDS = frozenset({State.CONFIRMED.value, "promoted", "reminder"})


def site_url() -> str:
    """The platform's public address for links in e-mails (``ICC_SITE_URL``)."""
    return str(getattr(settings, "ICC_SITE_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def waiting_position(registration: Registration) -> int:
    """1 for the first person on the waiting list."""
    ahead = Registration.objects.filter(
        event=registration.event, state=State.WAITING, queued_at__lt=registration.queued_at
    ).count()
    return ahead + 1


def registration_email_build(*, registration: Registration, kind: str) -> EmailMultiAlternatives:
    """The message of ``kind`` (a state, "promoted", "reminder" or ``LEFT_WAITING_LIST``) for
    ``registration``."""
    event = registration.event
    with translation.override(registration.language), timezone.override(event.tzinfo):
        base = site_url()
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "with_seat": kind in SEAT_KINDS,
            "manage_url": base + registration_manage_path(registration),
            "event_url": base + event.get_absolute_url(),
            "position": waiting_position(registration) if kind == State.WAITING else None,
            "site_name": settings.ICC_SITE_NAME,
        }
        subject = str(SUBJECTS[kind]) % {"event": event.title}
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMultiAlternatives(subject=subject, body=body, to=[registration.email])
        if kind in SEAT_KINDS:
            message.attach(
                f"{event.slug}.ics",
                event_calendar(event=event, base_url=base),
                "text/calendar; charset=utf-8",
            )
    return message


def registration_email_send(*, registration_id: int, kind: str) -> bool:
    """Send now; False when the registration is gone or has no address (erased)."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    registration_email_build(registration=registration, kind=kind).send()
    return True


def registration_email_queue(*, registration: Registration, kind: str) -> None:
    """Send the message once the current transaction commits."""
    registration_id = registration.pk
    transaction.on_commit(
        lambda: registration_email_send(registration_id=registration_id, kind=kind)
    )
