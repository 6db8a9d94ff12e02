"""The registration lifecycle: register, change, withdraw, approve, reject, promote from the
waiting list, check in, erase. The state rules are in ``icc.events.registration_states``.

Seats are counted under a lock on the event row, so two last-minute registrants cannot both take
the last seat (PostgreSQL; SQLite serialises writers anyway).
"""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.events.emails import LEFT_WAITING_LIST, registration_email_queue
from icc.events.models import Event, FieldKind, Registration, RegistrationField
from icc.events.models.registration import new_secret
from icc.events.registration_states import (
    ACTIVE_STATES,
    Action,
    State,
    initial_state,
    seats_free,
    target,
)
from icc.events.selectors import registration_can_change


class RegistrationError(ValueError):
    """A registration request that cannot be met; the message says why, for the registrant."""


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, state=State.CONFIRMED).count()


def _seat_free(event: Event) -> bool:
    free = seats_free(capacity=event.capacity, confirmed=_confirmed_count(event))
    return free is None or free > 0


def answers_clean(
    *, fields: list[RegistrationField], answers: Mapping[str, object]
) -> dict[str, object]:
    """Check answers against the event's questions; returns them normalised (text stripped,
    yes/no as booleans). Raises ``RegistrationError`` naming every problem."""
    clean: dict[str, object] = {}
    problems = []
    for field in fields:
        value = answers.get(field.key)
        if field.kind == FieldKind.YES_NO:
            if value in (None, ""):
                if field.required:
                    problems.append(_("Answer “%(q)s” with yes or no.") % {"q": field.label})
                continue
            clean[field.key] = value in (True, "yes", "true", "True", "1", "on")
        elif field.kind == FieldKind.CHOICE:
            allowed = {option.value for option in field.options.all()}
            if value in (None, ""):
                if field.required:
                    problems.append(_("Choose an answer to “%(q)s”.") % {"q": field.label})
                continue
            if value not in allowed:
                problems.append(
                    _("Choose one of the offered answers to “%(q)s”.") % {"q": field.label}
                )
                continue
            clean[field.key] = value
        else:
            text = str(value or "").strip()
            if not text and field.required:
                problems.append(_("Answer “%(q)s”; it is required.") % {"q": field.label})
            if text:
                clean[field.key] = text[:2000]
    if problems:
        raise RegistrationError(" ".join(problems))
    return clean


def _fields(event: Event) -> list[RegistrationField]:
    return list(RegistrationField.objects.filter(event=event).prefetch_related("options"))


@transaction.atomic
def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    answers: Mapping[str, object],
    organisation: str = "",
    language: str = "en",
    user_id: int | None = None,
    now: dt.datetime | None = None,
) -> Registration:
    """Register someone for ``event``: confirmed, waiting or pending approval (rules 1–2).

    Raises ``RegistrationError`` when registration is closed, the e-mail address is already
    registered, or an answer is missing or invalid. The registrant gets an e-mail on commit.
    """
    now = now or timezone.now()
    event = _locked(event)
    if not event.registration_is_open(now):
        raise RegistrationError(_("Registration for this event is closed."))
    name, email = name.strip(), email.strip().lower()
    if not name:
        raise RegistrationError(_("Give your name to register."))
    try:
        validate_email(email)
    except ValidationError as error:
        raise RegistrationError(_("Give a valid e-mail address to register.")) from error
    active = Registration.objects.filter(
        event=event, email__iexact=email, state__in=[s.value for s in ACTIVE_STATES]
    )
    if active.exists():
        raise RegistrationError(
            _(
                "This e-mail address is already registered for this event. Use the personal "
                "link in your e-mail to change or withdraw your registration."
            )
        )
    clean = answers_clean(fields=_fields(event), answers=answers)
    state = initial_state(requires_approval=event.requires_approval, seat_free=_seat_free(event))
    registration = Registration.objects.create(
        event=event,
        user_id=user_id,
        name=name,
        email=email,
        organisation=organisation.strip(),
        language=language,
        state=state.value,
        answers=clean,
        queued_at=now,
    )
    registration_email_queue(registration=registration, kind=state.value)
    return registration


@transaction.atomic
def registration_update(
    *,
    registration: Registration,
    name: str,
    organisation: str,
    answers: Mapping[str, object],
    now: dt.datetime | None = None,
) -> Registration:
    """Change a registrant's name, organisation and answers (their state does not change)."""
    now = now or timezone.now()
    if not registration.is_active:
        raise RegistrationError(_("This registration is closed; register again instead."))
    if not registration_can_change(registration=registration, now=now):
        raise RegistrationError(_("The event has started; registrations can no longer change."))
    if not name.strip():
        raise RegistrationError(_("Give your name to register."))
    registration.name = name.strip()
    registration.organisation = organisation.strip()
    registration.answers = answers_clean(fields=_fields(registration.event), answers=answers)
    registration.save(update_fields=["name", "organisation", "answers", "updated_at"])
    return registration


def _apply(registration: Registration, action: Action, *, seat_free: bool = True) -> State:
    before = State(registration.state)
    after = target(before, action, seat_free=seat_free)
    registration.state = after.value
    registration.save(update_fields=["state", "updated_at"])
    return before


@transaction.atomic
def registration_withdraw(
    *, registration: Registration, notify: bool = True, now: dt.datetime | None = None
) -> Registration:
    """The registrant withdraws (rule 5) before the event starts; a freed seat goes to the
    waiting list (rule 4). Raises ``RegistrationError`` once the event has started."""
    if registration.is_active and not registration_can_change(
        registration=registration, now=now or timezone.now()
    ):
        raise RegistrationError(
            _(
                "The event has started, so this registration can no longer be withdrawn. "
                "If you cannot attend, write to the organisers."
            )
        )
    return _withdraw(registration, notify=notify, now=now)


def _withdraw(
    registration: Registration, *, notify: bool, now: dt.datetime | None = None
) -> Registration:
    event = _locked(registration.event)
    registration.refresh_from_db()
    before = _apply(registration, Action.WITHDRAW)
    if notify:
        kind = LEFT_WAITING_LIST if before is State.WAITING else State.WITHDRAWN.value
        registration_email_queue(registration=registration, kind=kind)
    if before is State.CONFIRMED:
        waiting_list_promote(event=event, now=now)
    return registration


@transaction.atomic
def registration_approve(*, registration: Registration) -> Registration:
    """The secretariat approves (rule 3): confirmed when a seat is free, else waiting."""
    event = _locked(registration.event)
    registration.refresh_from_db()
    _apply(registration, Action.APPROVE, seat_free=_seat_free(event))
    registration.queued_at = timezone.now()
    registration.save(update_fields=["queued_at"])
    registration_email_queue(registration=registration, kind=registration.state)
    return registration


@transaction.atomic
def registration_reject(
    *, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """The secretariat turns a registration down (rule 6); a freed seat is passed on."""
    event = _locked(registration.event)
    registration.refresh_from_db()
    before = _apply(registration, Action.REJECT)
    registration_email_queue(registration=registration, kind=State.REJECTED.value)
    if before is State.CONFIRMED:
        waiting_list_promote(event=event, now=now)
    return registration


@transaction.atomic
def waiting_list_promote(*, event: Event, now: dt.datetime | None = None) -> list[Registration]:
    """Confirm people from the waiting list, first come first served, while seats are free
    (rule 4). Each promoted person gets an e-mail. Once the event has started nobody moves up:
    a seat freed then (an erasure, a late rejection, a raised capacity) would only send "a seat
    is free for you" to someone who can no longer come."""
    event = _locked(event)
    if (now or timezone.now()) >= event.start:
        return []
    waiting = Registration.objects.filter(event=event, state=State.WAITING).order_by(
        "queued_at", "id"
    )
    free = seats_free(capacity=event.capacity, confirmed=_confirmed_count(event))
    chosen = list(waiting if free is None else waiting[:free])
    for registration in chosen:
        _apply(registration, Action.PROMOTE)
        registration_email_queue(registration=registration, kind="promoted")
    return chosen


@transaction.atomic
def registration_check_in_set(
    *, registration: Registration, checked_in: bool, now: dt.datetime | None = None
) -> Registration:
    """Mark a confirmed participant as arrived (or undo it)."""
    if checked_in and not registration.is_confirmed:
        raise RegistrationError(_("Only confirmed participants can be checked in."))
    registration.checked_in_at = (now or timezone.now()) if checked_in else None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


@transaction.atomic
def registration_erase(
    *, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """Erase a registrant's personal data on request: an active registration is withdrawn
    first (its seat passed on); the row stays, anonymous, so that counts still add up. The
    personal link stops working."""
    if registration.is_active:  # erasure is a right at any time, even after the start
        _withdraw(registration, notify=False, now=now)
        registration.refresh_from_db()
    registration.name = ""
    registration.email = ""
    registration.organisation = ""
    registration.answers = {}
    registration.user = None
    registration.secret = new_secret()
    registration.anonymised_at = now or timezone.now()
    registration.save()
    return registration


def registration_personal_data(*, registration: Registration) -> dict[str, object]:
    """Everything the platform holds about a registrant, for a data-access request (JSON)."""
    event = registration.event
    return {
        "event": {"slug": event.slug, "title": event.title, "start": event.local_start.isoformat()},
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "language": registration.language,
        "state": registration.state,
        "answers": registration.answers,
        "registered_at": registration.created_at.isoformat(),
        "queued_at": registration.queued_at.isoformat(),
        "checked_in_at": registration.checked_in_at.isoformat()
        if registration.checked_in_at
        else None,
        "reminder_sent_at": registration.reminder_sent_at.isoformat()
        if registration.reminder_sent_at
        else None,
        "has_account": registration.user_id is not None,
    }
