"""Times shown and exported in the event's own zone, whatever the server's; admin pages open."""

import datetime as dt
import zoneinfo
from typing import Any

import icalendar
import pytest
from django.test import Client

from icc.conftest import client_for
from icc.events.models import EventKind
from icc.events.services.setup import EventSpec, event_upsert

pytestmark = pytest.mark.django_db
MONTREAL = zoneinfo.ZoneInfo("America/Montreal")


@pytest.fixture
def montreal(db):
    start = dt.datetime(2030, 7, 1, 9, 30, tzinfo=MONTREAL)
    return event_upsert(
        spec=EventSpec(
            slug="montreal-summit",
            kind=EventKind.SUMMIT,
            start=start,
            end=start + dt.timedelta(hours=8),
            timezone="America/Montreal",
            title={"en": "Montreal summit", "fr": "Sommet de Montréal"},
            venue_name="Palais des congrès",
        )
    )


def test_pages_api_and_calendar_use_the_event_zone(montreal):
    client = Client()
    page = client.get("/en/events/montreal-summit/").content.decode()
    assert "9:30 – 17:30" in page and "(America/Montreal, UTC-04:00)" in page
    french = client.get("/fr/events/montreal-summit/").content.decode()
    assert "9h30 – 17h30" in french
    row = client.get("/api/v1/events/montreal-summit").json()
    assert row["start"] == "2030-07-01T09:30:00-04:00"
    calendar = icalendar.Calendar.from_ical(
        client.get("/en/events/montreal-summit/calendar.ics").content
    )
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "America/Montreal"
    assert vevent["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2030, 7, 1, 13, 30, tzinfo=dt.UTC)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Montreal"]


def test_naive_or_reversed_dates_are_refused(db):
    spec: dict[str, Any] = {
        "slug": "x",
        "kind": EventKind.MEETING,
        "timezone": "Europe/Paris",
        "title": {"en": "X"},
    }
    with pytest.raises(ValueError, match="aware"):
        event_upsert(
            spec=EventSpec(start=dt.datetime(2030, 1, 1), end=dt.datetime(2030, 1, 2), **spec)
        )
    aware = dt.datetime(2030, 1, 2, tzinfo=dt.UTC)
    with pytest.raises(ValueError, match="end after"):
        event_upsert(spec=EventSpec(start=aware, end=aware - dt.timedelta(days=1), **spec))


def test_admin_pages_open_for_the_secretariat(bilbao, users):
    client = client_for(users["secretariat"])
    for url in (
        "/en/admin/events/event/",
        f"/en/admin/events/event/{bilbao.pk}/change/",
        "/en/admin/events/event/add/",
        "/en/admin/events/person/",
        "/en/admin/events/theme/",
        "/en/admin/events/registration/",
        "/en/admin/events/registrationfield/add/",
    ):
        assert client.get(url).status_code == 200, url
