"""Calendars (.ics) tell calendar applications that an entry changed: a newer ``DTSTAMP`` and a
higher ``SEQUENCE`` (Outlook and others look at ``SEQUENCE`` only) under the same ``UID``."""

import dataclasses
import datetime as dt
from html.parser import HTMLParser
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.test import Client

from icc.conftest import client_for
from icc.events.models import (
    Event,
    EventKind,
    PersonRole,
    Session,
    SessionKind,
    Slot,
    SlotKind,
)
from icc.events.services import programme as programme_services
from icc.events.services.registration import registration_create
from icc.events.services.reminders import reminders_send
from icc.events.services.setup import EventSpec, event_upsert
from icc.events.tests.conftest import PARIS

pytestmark = pytest.mark.django_db
LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def _spec(**changes: Any) -> EventSpec:
    start = dt.datetime(2031, 3, 4, 10, tzinfo=PARIS)
    spec = EventSpec(
        slug="summit",
        kind=EventKind.SUMMIT,
        start=start,
        end=start + dt.timedelta(hours=3),
        timezone="Europe/Paris",
        title={"en": "Summit", "fr": "Sommet"},
        venue_name="Palais de l'Europe",
        registration_enabled=True,
    )
    return dataclasses.replace(spec, **changes)


def _entries(content: bytes) -> list[tuple[str, int, dt.datetime, dt.datetime]]:
    """(UID, SEQUENCE, DTSTAMP, DTSTART) of each entry; SEQUENCE 0 when absent (RFC 5545)."""
    return [
        (str(e["UID"]), int(e.get("SEQUENCE", 0)), e.decoded("DTSTAMP"), e.decoded("DTSTART"))
        for e in icalendar.Calendar.from_ical(content).walk("VEVENT")
    ]


def _calendars(event: Event) -> list[list[tuple[str, int, dt.datetime, dt.datetime]]]:
    """The event's calendar, the feed's entry for it and its session calendars, as a visitor
    downloads them."""
    client = Client()
    feed = [e for e in _entries(client.get("/en/events/calendar.ics").content) if "event-" in e[0]]
    return [_entries(client.get(f"/en/events/{event.slug}/calendar.ics").content), feed]


def _as_sent_long_ago(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(updated_at=LONG_AGO)


def test_a_new_time_gives_the_same_entries_a_higher_sequence_and_a_newer_stamp():
    event = event_upsert(spec=_spec())
    _as_sent_long_ago(event)
    [[(uid, sequence, stamp, start)], feed] = _calendars(event)
    assert feed == [(uid, sequence, stamp, start)] and stamp == LONG_AGO

    event_upsert(spec=_spec(start=start + dt.timedelta(hours=1)))

    for entries in _calendars(event):
        [(same_uid, higher, newer, moved)] = entries
        assert same_uid == uid and higher > sequence and newer > stamp
        assert moved == start + dt.timedelta(hours=1)
    event_upsert(spec=_spec(start=start + dt.timedelta(hours=1)))  # nothing changes
    assert _calendars(event)[0][0][1] == higher


@pytest.mark.parametrize(
    "change",
    [
        {"venue_name": "Agora"},
        {"status": "cancelled"},
        {"title": {"en": "Summit", "fr": "Sommet des villes"}},
        {"end": dt.datetime(2031, 3, 4, 18, tzinfo=PARIS)},
    ],
)
def test_a_new_place_status_title_or_end_raises_the_sequence(change):
    event = event_upsert(spec=_spec())
    before = _calendars(event)[0][0][1]
    event_upsert(spec=_spec(**change))
    assert _calendars(event)[0][0][1] > before


def test_a_change_calendars_do_not_show_keeps_the_sequence():
    event = event_upsert(spec=_spec())
    before = _calendars(event)[0][0][1]
    event_upsert(spec=_spec(capacity=40, languages=("en", "fr")))
    assert _calendars(event)[0][0][1] == before


def test_the_reminders_calendar_carries_the_raised_sequence():
    event = event_upsert(spec=_spec())
    registration_create(event=event, name="Ana", email="ana@example.org", answers={})
    event_upsert(spec=_spec(venue_name="Agora"))
    reminders_send(now=event.start - dt.timedelta(days=1))
    [reminder] = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    [(_uid, sequence, _stamp, _start)] = _entries(reminder.attachments[0][1])
    assert sequence == 1


def _one_session(event: Event) -> tuple[Slot, Session]:
    part = programme_services.part_create(
        event=event, title={"en": "Day"}, date=dt.date(2031, 3, 4)
    )
    slot = programme_services.slot_create(part=part, start=dt.time(10), end=dt.time(11))
    session = programme_services.session_create(
        slot=slot, kind=SessionKind.TALK, title={"en": "Welcome"}
    )
    return slot, session


def test_every_programme_edit_raises_the_sequence_of_each_session_entry():
    event = event_upsert(spec=_spec())
    slot, session = _one_session(event)
    [[(uid, sequence, _stamp, _start)], _feed] = _calendars(event)
    assert uid.startswith("session-")

    programme_services.slot_update(
        slot=slot, start=dt.time(10, 30), end=None, kind=SlotKind.SESSIONS
    )
    [[(same_uid, higher, _stamp, start)], _feed] = _calendars(event)
    assert same_uid == uid and higher > sequence and f"{start:%H:%M}" == "10:30"

    speaker = programme_services.person_create(name="Nadia Haddad", title={}, organisation={})
    programme_services.session_person_add(session=session, person=speaker, role=PersonRole.SPEAKER)
    programme_services.person_update(person=speaker, name="Nadia H.", title={}, organisation={})
    assert _calendars(event)[0][0][1] == higher + 2


class _FormValues(HTMLParser):
    """What a browser sends for the page's main form as it is (inputs, selects, textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio"):
                self.values[name] = a.get("value", "")
            elif "checked" in a:
                self.values[name] = a.get("value", "on")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n")


def test_a_time_changed_in_the_admin_raises_the_sequence(users):
    event = event_upsert(spec=_spec())
    _as_sent_long_ago(event)
    client = client_for(users["secretariat"])
    url = f"/en/admin/events/event/{event.pk}/change/"
    form = _FormValues()
    form.feed(client.get(url).content.decode())
    values = form.values
    assert values["start_1"] == "10:00:00"  # the platform's zone (Strasbourg's) in the admin

    response = client.post(url, {**values, "capacity": "30"})
    assert response.status_code == 302
    [[(_uid, sequence, stamp, _start)], _feed] = _calendars(event)
    assert sequence == 0  # a capacity is not in calendars

    response = client.post(url, {**values, "start_1": "11:00:00"})
    assert response.status_code == 302
    [[(_uid, sequence, stamp, start)], _feed] = _calendars(event)
    assert sequence == 1 and stamp > LONG_AGO and f"{start:%H:%M}" == "11:00"


def test_french_session_calendars_put_a_space_before_the_colon():
    event = event_upsert(spec=_spec())
    _slot, session = _one_session(event)
    speaker = programme_services.person_create(name="Nadia Haddad", title={}, organisation={})
    programme_services.session_person_add(session=session, person=speaker, role=PersonRole.SPEAKER)

    def description(lang: str) -> str:
        content = Client().get(f"/{lang}/events/{event.slug}/calendar.ics").content
        [entry] = icalendar.Calendar.from_ical(content).walk("VEVENT")
        return str(entry["DESCRIPTION"])

    assert "\nIntervenant·e·s\u00a0: Nadia Haddad" in description("fr")
    assert "\nSpeakers: Nadia Haddad" in description("en")
