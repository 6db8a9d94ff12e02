"""Reminder e-mails before an event (``icc events send-reminders``, run e.g. hourly by cron).

Idempotent: a registration is reminded once (``reminder_sent_at``); running the command again
sends nothing new. Each event says how many days before its start the reminder goes.
"""

import datetime as dt

from django.utils import timezone

from icc.events.emails import registration_email_send
from icc.events.models import Event, EventStatus, Registration
from icc.events.registration_states import State

HORIZON = dt.timedelta(days=60)  # no event sends reminders earlier than this


def reminders_due(*, now: dt.datetime) -> list[Registration]:
    """Confirmed registrations of published events within their reminder window, not yet
    reminded."""
    events = Event.objects.filter(
        status=EventStatus.PUBLISHED, start__gt=now, start__lte=now + HORIZON, reminder_days__gt=0
    )
    due = [e for e in events if e.start - dt.timedelta(days=e.reminder_days) <= now]
    return list(
        Registration.objects.filter(
            event__in=due, state=State.CONFIRMED, reminder_sent_at__isnull=True
        )
        .exclude(email="")
        .select_related("event")
        .order_by("event__start", "id")
    )


def reminders_send(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[Registration]:
    """Send the reminders that are due; each is marked sent as it is claimed."""
    now = now or timezone.now()
    due = reminders_due(now=now)
    if dry_run:
        return due
    sent = []
    for registration in due:
        # claim first: two runs at once never remind the same person twice
        rows = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True)
        if not rows.update(reminder_sent_at=now):
            continue
        try:
            registration_email_send(registration_id=registration.pk, kind="reminder")
        except Exception:
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            raise
        sent.append(registration)
    return sent
