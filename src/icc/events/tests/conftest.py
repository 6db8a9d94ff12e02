"""Events fixtures: the Bilbao demo meeting and a factory of upcoming events with registration."""

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from django.utils import timezone

from icc.events.demo import BILBAO_SLUG, events_demo_load
from icc.events.models import Event, EventFormat, EventKind, FieldKind
from icc.events.services.setup import EventSpec, event_upsert, registration_field_add

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def bilbao(directory: dict[str, Any]) -> Event:
    """The demo events loaded over the test directory; returns the Bilbao 2023 meeting."""
    events_demo_load()
    return Event.objects.get(slug=BILBAO_SLUG)


@pytest.fixture
def make_event(db: Any):
    """``make_event(slug, capacity=…, online=…, approval=…)``: an upcoming event open for
    registration, with one required choice question and an optional yes/no one."""

    def make(
        slug: str = "webinar",
        *,
        capacity: int | None = None,
        online: bool = False,
        approval: bool = False,
        days: int = 20,
        questions: bool = True,
        **extra: Any,
    ) -> Event:
        day = (timezone.now() + dt.timedelta(days=days)).astimezone(PARIS).date()
        start = dt.datetime.combine(day, dt.time(10, 0), tzinfo=PARIS)
        event = event_upsert(
            spec=EventSpec(
                slug=slug,
                kind=EventKind.WEBINAR if online else EventKind.WORKSHOP,
                format=EventFormat.ONLINE if online else EventFormat.IN_PERSON,
                start=start,
                end=start + dt.timedelta(hours=2),
                timezone="Europe/Paris",
                title={"en": f"Test event {slug}", "fr": f"Événement de test {slug}"},
                online_url="https://meet.example.org/secret-room" if online else "",
                venue_name="" if online else "Palais de l'Europe",
                languages=("en", "fr"),
                registration_enabled=True,
                capacity=capacity,
                requires_approval=approval,
                **extra,
            )
        )
        if questions:
            registration_field_add(
                event=event,
                key="topic",
                label={"en": "Topic", "fr": "Thème"},
                kind=FieldKind.CHOICE,
                required=True,
                options=[("rumours", {"en": "Rumours"}), ("welcome", {"en": "Welcome"})],
            )
            registration_field_add(
                event=event,
                key="lunch",
                label={"en": "Lunch?", "fr": "Déjeuner ?"},
                kind=FieldKind.YES_NO,
            )
        return event

    return make
