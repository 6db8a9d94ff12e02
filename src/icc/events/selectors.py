"""Reads of events, programmes and registrations.

Access control lives here: drafts are for the secretariat (``event_get_for_user``); the online
link only for confirmed registrants (``online_access_for_user``).
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, user_scope
from icc.events.filters import EventFilterSet
from icc.events.models import (
    PUBLIC_STATUSES,
    Event,
    Part,
    Person,
    Registration,
    RegistrationField,
)
from icc.events.programme_tree import PartEntry, programme_tree
from icc.events.registration_states import State, seats_free
from icc.events.tokens import registration_manage_path
from icc.filtering import FilterValues


@dataclass(frozen=True)
class EventFilters(FilterValues):
    """Filters of the event list, from the query string or the API. Empty means "any"."""

    kind: str = ""
    theme: str = ""
    language: str = ""
    format: str = ""
    when: str = ""  # "", "upcoming" or "past"
    place: str = ""


def public_events() -> QuerySet[Event]:
    """Every public event, with what the event list shows."""
    return (
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("place", "place__country")
        .prefetch_related("languages", "themes")
    )


def event_list(*, filters: EventFilters, now: dt.datetime | None = None) -> QuerySet[Event]:
    """Public events matching ``filters`` (``EventFilterSet``'s rules): upcoming ones soonest
    first, past ones latest first when ``when`` is set, else by start. A value outside the
    choices matches nothing."""
    data = {name: value for name, value in vars(filters).items() if value}
    filterset = EventFilterSet(data, public_events(), now=now)
    if not filterset.is_valid():
        return Event.objects.none()
    return filterset.qs


def event_get_for_user(*, user: AnyUser, slug: str) -> Event:
    """An event page's event: public ones for everyone, drafts for the secretariat (404 else)."""
    event = (
        Event.objects.select_related("place", "place__country")
        .prefetch_related("languages", "themes", "organisations", "documents")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404(_("There is no event at this address."))
    if not event.is_public and not user_scope(user=user).is_secretariat:
        raise Http404(_("There is no event at this address."))
    return event


def event_get_any(*, slug: str) -> Event:
    """Any event, drafts included (the secretariat's pages are guarded by their decorator)."""
    event = Event.objects.select_related("place").filter(slug=slug).first()
    if event is None:
        raise Http404(_("There is no event at this address."))
    return event


def event_programme_parts(*, event: Event) -> QuerySet[Part]:
    """The programme's parts with everything below them prefetched, in programme order."""
    return Part.objects.filter(event=event).prefetch_related(
        "slots__sessions__items", "slots__sessions__people__person"
    )


def event_programme(*, event: Event) -> list[PartEntry]:
    """The programme as plain display data (times in the event's zone)."""
    return programme_tree(event=event, parts=list(event_programme_parts(event=event)))


@dataclass(frozen=True)
class SeatCounts:
    capacity: int | None
    confirmed: int
    waiting: int
    pending: int
    free: int | None


def seat_counts(*, event: Event) -> SeatCounts:
    """How many people hold a seat, wait or await approval."""
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("id", filter=Q(state=State.CONFIRMED)),
        waiting=Count("id", filter=Q(state=State.WAITING)),
        pending=Count("id", filter=Q(state=State.PENDING)),
    )
    return SeatCounts(
        capacity=event.capacity,
        confirmed=counts["confirmed"],
        waiting=counts["waiting"],
        pending=counts["pending"],
        free=seats_free(capacity=event.capacity, confirmed=counts["confirmed"]),
    )


def registration_for_user(*, event: Event, user: AnyUser) -> Registration | None:
    """The logged-in user's current registration (an active one first, else the latest)."""
    if isinstance(user, AnonymousUser):
        return None
    mine = Registration.objects.filter(event=event).filter(
        Q(user=user) | (Q(email__iexact=user.email) & ~Q(email=""))
    )
    active = mine.filter(state__in=[State.PENDING, State.CONFIRMED, State.WAITING]).first()
    return active or mine.order_by("-created_at").first()


@dataclass(frozen=True)
class MyRegistration:
    """One of a person's registrations, as their account page lists it."""

    event_title: str
    event_url: str
    start: dt.datetime
    state: str
    state_label: str
    manage_url: str
    upcoming: bool


def registrations_of_user(*, user: AnyUser) -> list[MyRegistration]:
    """The logged-in person's registrations (by account or by e-mail), upcoming events first,
    soonest first, then past events, latest first."""
    if isinstance(user, AnonymousUser):
        return []
    mine = (
        Registration.objects.filter(Q(user=user) | (Q(email__iexact=user.email) & ~Q(email="")))
        .select_related("event")
        .order_by("-event__start")
    )
    now = timezone.now()
    rows = [
        MyRegistration(
            event_title=r.event.title,
            event_url=r.event.get_absolute_url(),
            start=r.event.start,
            state=r.state,
            state_label=str(r.get_state_display()),
            manage_url=registration_manage_path(r) if r.email else "",
            upcoming=r.event.end >= now,
        )
        for r in mine
    ]
    upcoming = sorted((r for r in rows if r.upcoming), key=lambda r: r.start)
    return upcoming + [r for r in rows if not r.upcoming]


def online_access_for_user(*, event: Event, user: AnyUser) -> bool:
    """Whether ``user`` may see the online link: their registration is confirmed."""
    registration = registration_for_user(event=event, user=user)
    return registration is not None and registration.is_confirmed


def registration_can_change(*, registration: Registration, now: dt.datetime) -> bool:
    """The registrant may still change or withdraw: the registration is active and the event
    has not started. The services enforce it; pages use it to offer the buttons."""
    return registration.is_active and now < registration.event.start


def registration_fields(*, event: Event) -> list[RegistrationField]:
    """The event's extra questions with their options."""
    return list(RegistrationField.objects.filter(event=event).prefetch_related("options"))


def registrations_for_event(*, event: Event) -> QuerySet[Registration]:
    """Every registration of ``event``: active ones by state, then queue order."""
    return Registration.objects.filter(event=event).order_by("state", "queued_at", "id")


def registration_get_for_event(*, event: Event, registration_id: str | None) -> Registration:
    """The registration of ``event`` that a secretariat form names by its id; 404 alike for
    another event's, a missing one and an id that is not a number."""
    text = registration_id or ""
    registration = (
        Registration.objects.filter(event=event, pk=int(text)).first()
        if text.isascii() and text.isdigit()
        else None
    )
    if registration is None:
        raise Http404(_("This event has no such registration."))
    return registration


def registrations_confirmed(*, event: Event) -> QuerySet[Registration]:
    """The check-in list: confirmed people by name."""
    return Registration.objects.filter(event=event, state=State.CONFIRMED).order_by("name", "id")


def events_at_place(*, place_id: int, now: dt.datetime | None = None) -> dict[str, list[Event]]:
    """Public events held at a place, split into upcoming and past."""
    now = now or timezone.now()
    events = list(public_events().filter(place_id=place_id).order_by("start"))
    return {
        "upcoming": [e for e in events if e.end >= now],
        "past": [e for e in reversed(events) if e.end < now],
    }


def event_feed_events() -> QuerySet[Event]:
    """Events in the public calendar feed: everything public, cancellations included."""
    return public_events().order_by("start")


def people_list() -> QuerySet[Person]:
    """Everyone who has spoken, presented or moderated, for the editor's choices."""
    return Person.objects.order_by("name")
