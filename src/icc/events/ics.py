"""iCalendar (RFC 5545) for events: one calendar per event, one per session, a feed of all.

- Times carry ``TZID`` of the event's zone and the calendar holds that zone's ``VTIMEZONE``
  (generated from the tz database, limited to the years around the events to stay small).
- An event with a programme gives one ``VEVENT`` per session; without one, one for the event.
  Breaks are not calendar entries. An open-ended slot lasts until the next slot of its part, or
  has no ``DTEND`` (RFC 5545: it ends when it starts).
- Events known by their dates only are whole days (``VALUE=DATE``, ``DTEND`` exclusive).
- ``UID`` comes from the stored UUIDs (kept by programme export/import into the same event; a
  session's UID is never given to another event, see ``session_uid_claim``); ``DTSTAMP`` and
  ``LAST-MODIFIED`` from the event's last change, so the same data gives the same bytes;
  ``SEQUENCE`` from the event's calendar revision, which only rises, with every change of its
  times, place, status or programme (``event_upsert``, the admin, the programme's services, an
  import that changes what the programme shows): some applications (Outlook) replace an entry
  they hold only for a higher ``SEQUENCE``. Sessions take the event's revision, so a session's
  ``SEQUENCE`` never goes down either.
- The online link is never written: calendars are public; registrants get it by e-mail.
"""

import datetime as dt
import uuid
from collections.abc import Iterable

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from icc.events.models import Event, EventStatus
from icc.events.programme_tree import SessionEntry, SlotEntry
from icc.events.selectors import event_programme
from icc.language import labelled

PRODID = "-//Intercultural Cities Platform//Events//EN"
UID_DOMAIN = "icc-platform"
STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.DRAFT: "TENTATIVE",
}


def _uid(value: uuid.UUID, kind: str) -> str:
    return f"{kind}-{value}@{UID_DOMAIN}"


def event_location(event: Event) -> str:
    """Venue name, room and address; "Online" for online events (never the link)."""
    place = ", ".join(
        part for part in (event.venue_name, event.venue_room, event.venue_address) if part
    )
    if not event.is_in_person or not place:
        return _("Online") if event.is_online else place
    return f"{place} · {_('also online')}" if event.is_online else place


def _calendar(name: str, zone: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if zone:
        calendar.add("x-wr-timezone", zone)
    return calendar


def _common(vevent: VEvent, event: Event, base_url: str) -> None:
    stamp = event.updated_at.astimezone(dt.UTC)
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("sequence", event.calendar_sequence)
    vevent.add("url", base_url + event.get_absolute_url())
    vevent.add("status", STATUS[EventStatus(event.status)])
    vevent.add("categories", [str(event.get_kind_display())])


def _event_vevent(event: Event, base_url: str) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", _uid(event.uid, "event"))
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", event.local_start.date())
        vevent.add("dtend", event.local_end.date() + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    description = (
        "\n\n".join(text for text in (event.description, event.objective) if text) or event.title
    )
    vevent.add("description", description)
    location = event_location(event)
    if location:
        vevent.add("location", location)
    _common(vevent, event, base_url)
    return vevent


def session_description(session: SessionEntry, event: Event) -> str:
    """The session in plain text: the event, people by role, description, sub-items."""
    lines = [event.title]
    for label, people in (
        (_("Speakers"), session.speakers),
        (_("Moderated by"), session.moderators),
        (_("Presented by"), session.presenters),
        (_("With the support of"), session.support),
    ):
        if people:
            lines.append(labelled(label, "; ".join(p.byline for p in people)))
    if session.description:
        lines.append(session.description)
    lines.extend(f"- {item}" for item in session.items)
    return "\n".join(lines)


def _session_vevent(event: Event, slot: SlotEntry, session: SessionEntry, base_url: str) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", _uid(session.uid, "session"))
    vevent.add("summary", session.title)
    vevent.add("dtstart", slot.start)
    if slot.until is not None:
        vevent.add("dtend", slot.until)
    vevent.add("description", session_description(session, event))
    location = session.location or event_location(event)
    if location:
        vevent.add("location", location)
    _common(vevent, event, base_url)
    return vevent


def _finish(calendar: Calendar, events: Iterable[Event]) -> bytes:
    starts = [e.local_start.date() for e in events]
    if starts:
        first = min(starts) - dt.timedelta(days=366)
        last = max(starts) + dt.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = calendar.to_ical()
    return data


def _session_rows(event: Event) -> list[tuple[SlotEntry, SessionEntry]]:
    return [
        (slot, session)
        for part in event_programme(event=event)
        for slot in part.slots
        for session in slot.sessions
    ]


def event_calendar(*, event: Event, base_url: str) -> bytes:
    """The event's calendar: one VEVENT per session, or one for the event without programme."""
    calendar = _calendar(event.title, event.timezone)
    rows = _session_rows(event)
    if rows:
        for slot, session in rows:
            calendar.add_component(_session_vevent(event, slot, session, base_url))
    else:
        calendar.add_component(_event_vevent(event, base_url))
    return _finish(calendar, [event])


def session_calendar(*, event: Event, session_pk: int, base_url: str) -> bytes | None:
    """One session's calendar, or None when the event has no such session."""
    for slot, session in _session_rows(event):
        if session.pk == session_pk:
            calendar = _calendar(session.title, event.timezone)
            calendar.add_component(_session_vevent(event, slot, session, base_url))
            return _finish(calendar, [event])
    return None


def events_feed(*, events: Iterable[Event], base_url: str, name: str) -> bytes:
    """A subscribable feed: one VEVENT per public event, each in its own zone."""
    calendar = _calendar(name)
    chosen = list(events)
    for event in chosen:
        calendar.add_component(_event_vevent(event, base_url))
    return _finish(calendar, chosen)
