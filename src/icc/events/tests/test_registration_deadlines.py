"""The registration rules that depend on time, enforced by the services (pages only ask)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone, translation

from icc.events.models import Event, Registration
from icc.events.registration_states import State
from icc.events.services.registration import (
    RegistrationError,
    registration_create,
    registration_erase,
    registration_update,
    registration_withdraw,
)
from icc.events.tokens import registration_manage_path

pytestmark = pytest.mark.django_db


def _registered(event):
    return registration_create(
        event=event,
        name="Ana",
        email="ana@example.org",
        organisation="",
        language="en",
        answers={"topic": "rumours"},
    )


def _started_after_registering(event):
    ana = _registered(event)
    Event.objects.filter(pk=event.pk).update(start=timezone.now() - dt.timedelta(hours=1))
    return Registration.objects.get(pk=ana.pk)


def test_withdrawal_is_refused_once_the_event_has_started(make_event):
    event = make_event()
    ana = _registered(event)
    started = event.start + dt.timedelta(minutes=1)
    with pytest.raises(RegistrationError, match="can no longer be withdrawn"):
        registration_withdraw(registration=ana, now=started)
    ana.refresh_from_db()
    assert ana.state == State.CONFIRMED
    with pytest.raises(RegistrationError, match="has started"):
        registration_update(
            registration=ana, name="Ana B", organisation="", answers={}, now=started
        )


def test_withdrawal_before_the_start_frees_the_seat(make_event):
    event = make_event()
    ana = _registered(event)
    registration_withdraw(registration=ana, now=event.start - dt.timedelta(minutes=1))
    ana.refresh_from_db()
    assert ana.state == State.WITHDRAWN


def test_the_refusal_is_written_in_the_registrants_language(make_event):
    event = make_event()
    ana = _registered(event)
    with translation.override("fr"), pytest.raises(RegistrationError) as refused:
        registration_withdraw(registration=ana, now=event.start + dt.timedelta(hours=1))
    assert "ne peut plus être retirée" in str(refused.value)


def test_personal_data_can_be_erased_after_the_start(make_event):
    ana = _started_after_registering(make_event())
    registration_erase(registration=ana)
    ana.refresh_from_db()
    assert ana.state == State.WITHDRAWN and ana.name == "" and ana.anonymised_at is not None


def test_the_personal_page_says_why_after_the_start(make_event):
    ana = _started_after_registering(make_event())
    client = Client()
    withdraw = {"action": "withdraw", "confirm": "yes"}
    reply = client.post(registration_manage_path(ana), withdraw, follow=True)
    assert "can no longer be withdrawn" in reply.content.decode()
    ana.refresh_from_db()
    assert ana.state == State.CONFIRMED
