"""Events API (``/api/v1/events…``): public events, their programme and calendars.

Texts come in the language of ``?lang=`` (any content language; default: the request's),
falling back to English; another code answers 422. Times are ISO 8601 with the offset of the
event's own time zone.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view

from icc.api_contract import ContentLanguage, Error, PageIn, Text, page_slice, texts_in
from icc.caching.response_cache import response_cache
from icc.events import selectors
from icc.events.ics import event_calendar, events_feed
from icc.events.models import Event, OrganisationRole
from icc.events.programme_tree import PartEntry

router = Router(tags=["events"])
CALENDAR = {
    "description": "An iCalendar file",
    "content": {"text/calendar": {"schema": {"type": "string"}}},
}


class EventFilterIn(PageIn):
    kind: Text = ""
    upcoming: bool = False
    past: bool = False
    format: Text = ""
    language: Text = ""
    theme: Text = ""
    place: Text = ""
    lang: ContentLanguage = ""


class EventOut(Schema):
    slug: str
    title: str
    kind: str
    format: str
    status: str
    start: dt.datetime
    end: dt.datetime
    timezone: str
    all_day: bool
    place: str | None
    place_name: str | None
    languages: list[str]
    themes: list[str]
    url: str
    calendar_url: str
    programme_url: str


class VenueOut(Schema):
    name: str
    room: str
    address: str
    map_url: str
    url: str


class DocumentOut(Schema):
    kind: str
    title: str
    url: str
    language: str


class RegistrationInfoOut(Schema):
    enabled: bool
    open: bool
    capacity: int | None
    confirmed: int
    waiting: int
    deadline: dt.datetime | None


class EventDetailOut(EventOut):
    objective: str
    target_group: str
    description: str
    venue: VenueOut | None
    organisers: list[str]
    partners: list[str]
    programme_published_on: dt.date | None
    documents: list[DocumentOut]
    registration: RegistrationInfoOut


class PersonOut(Schema):
    name: str
    role: str
    title: str
    organisation: str


class SessionOut(Schema):
    uid: str
    kind: str
    title: str
    description: str
    location: str
    items: list[str]
    people: list[PersonOut]


class SlotOut(Schema):
    start: dt.datetime
    end: dt.datetime | None
    start_time: str
    end_time: str | None
    kind: str
    is_break: bool
    title: str
    sessions: list[SessionOut]


class PartOut(Schema):
    title: str
    date: dt.date
    slots: list[SlotOut]


class ProgrammeOut(Schema):
    event: str
    title: str
    timezone: str
    parts: list[PartOut]


def _event_out(request: HttpRequest, event: Event) -> dict[str, Any]:
    absolute = request.build_absolute_uri
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "format": event.format,
        "status": event.status,
        "start": event.local_start,
        "end": event.local_end,
        "timezone": event.timezone,
        "all_day": event.all_day,
        "place": event.place.slug if event.place else None,
        "place_name": event.place.name if event.place else None,
        "languages": event.language_codes(),
        "themes": [theme.slug for theme in event.themes.all()],
        "url": absolute(event.get_absolute_url()),
        "calendar_url": absolute(reverse("api:event_calendar", kwargs={"slug": event.slug})),
        "programme_url": absolute(reverse("api:event_programme", kwargs={"slug": event.slug})),
    }


def _programme_out(event: Event, parts: list[PartEntry]) -> dict[str, Any]:
    return {
        "event": event.slug,
        "title": event.title,
        "timezone": event.timezone,
        "parts": [
            {
                "title": part.title,
                "date": part.date,
                "slots": [
                    {
                        "start": slot.start,
                        "end": slot.end,
                        "start_time": f"{slot.start:%H:%M}",
                        "end_time": f"{slot.end:%H:%M}" if slot.end else None,
                        "kind": slot.kind,
                        "is_break": slot.is_break,
                        "title": slot.label if slot.is_break else "",
                        "sessions": [
                            {
                                "uid": str(session.uid),
                                "kind": session.kind,
                                "title": session.title,
                                "description": session.description,
                                "location": session.location,
                                "items": session.items,
                                "people": [
                                    {
                                        "name": p.name,
                                        "role": p.role,
                                        "title": p.title,
                                        "organisation": p.organisation,
                                    }
                                    for p in session.people
                                ],
                            }
                            for session in slot.sessions
                        ],
                    }
                    for slot in part.slots
                ],
            }
            for part in parts
        ],
    }


@router.get(
    "/events",
    response={200: list[EventOut], 422: Error},
    summary="List public events with filters",
)
def event_list(request: HttpRequest, filters: Query[EventFilterIn]) -> list[dict[str, Any]]:
    """Public events; ``upcoming`` (not ended yet, soonest first) or ``past`` (latest first)."""
    when = "upcoming" if filters.upcoming else "past" if filters.past else ""
    with texts_in(filters.lang):
        events = selectors.event_list(
            filters=selectors.EventFilters(
                kind=filters.kind,
                theme=filters.theme,
                language=filters.language,
                format=filters.format,
                place=filters.place,
                when=when,
            ),
            now=timezone.now(),
        )
        return [_event_out(request, event) for event in page_slice(events, filters)]


@router.get(
    "/events/calendar.ics",
    response={422: Error},
    openapi_extra={"responses": {200: CALENDAR}},
    summary="Calendar feed of every public event (iCalendar)",
)
def events_calendar_feed(request: HttpRequest, lang: ContentLanguage = "") -> HttpResponse:
    with texts_in(lang):
        content = events_feed(
            events=selectors.event_feed_events(),
            base_url=request.build_absolute_uri("/").rstrip("/"),
            name="Intercultural Cities events",
        )
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")


@router.get(
    "/events/{slug}",
    response={200: EventDetailOut, 404: Error, 422: Error},
    summary="One event",
)
def event_detail(request: HttpRequest, slug: Text, lang: ContentLanguage = "") -> dict[str, Any]:
    with texts_in(lang):
        event = selectors.event_get_for_user(user=request.user, slug=slug)
        seats = selectors.seat_counts(event=event)
        organisations = list(event.organisations.all())
        venue = (
            {
                "name": event.venue_name,
                "room": event.venue_room,
                "address": event.venue_address,
                "map_url": event.venue_map_url,
                "url": event.venue_url,
            }
            if event.is_in_person and (event.venue_name or event.venue_address)
            else None
        )
        return {
            **_event_out(request, event),
            "objective": event.objective,
            "target_group": event.target_group,
            "description": event.description,
            "venue": venue,
            "organisers": [o.name for o in organisations if o.role == OrganisationRole.ORGANISER],
            "partners": [o.name for o in organisations if o.role == OrganisationRole.PARTNER],
            "programme_published_on": event.programme_published_on,
            "documents": [
                {
                    "kind": d.kind,
                    "title": d.title,
                    "url": request.build_absolute_uri(d.href),
                    "language": d.language,
                }
                for d in event.documents.all()
            ],
            "registration": {
                "enabled": event.registration_enabled,
                "open": event.registration_is_open(timezone.now()),
                "capacity": seats.capacity,
                "confirmed": seats.confirmed,
                "waiting": seats.waiting,
                "deadline": event.registration_deadline,
            },
        }


@decorate_view(response_cache(["events", "network"]))
@router.get(
    "/events/{slug}/programme",
    response={200: ProgrammeOut, 404: Error, 422: Error},
    url_name="event_programme",
    summary="An event's programme: parts, slots, sessions and their people",
)
def event_programme(request: HttpRequest, slug: Text, lang: ContentLanguage = "") -> dict[str, Any]:
    with texts_in(lang):
        event = selectors.event_get_for_user(user=request.user, slug=slug)
        return _programme_out(event, selectors.event_programme(event=event))


@router.get(
    "/events/{slug}/calendar.ics",
    response={404: Error, 422: Error},
    openapi_extra={"responses": {200: CALENDAR}},
    url_name="event_calendar",
    summary="An event's calendar (iCalendar): one entry per session",
)
def event_calendar_ics(
    request: HttpRequest, slug: Text, lang: ContentLanguage = ""
) -> HttpResponse:
    with texts_in(lang):
        event = selectors.event_get_for_user(user=request.user, slug=slug)
        content = event_calendar(event=event, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response
