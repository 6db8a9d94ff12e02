"""What a visitor reads around registration: a full event says that registering joins the
waiting list, the language filter names each language once, and "My account" lists one's
registrations."""

import pytest
from django.test import Client

from icc.conftest import client_for
from icc.events.demo import events_demo_load
from icc.events.filters import languages_in_use
from icc.events.services.registration import registration_create

pytestmark = pytest.mark.django_db


def test_a_full_event_offers_the_waiting_list_not_a_plain_register(make_event):
    event = make_event("full", capacity=1, questions=False)
    registration_create(event=event, name="A", email="a@example.org", answers={})
    page = Client().get(f"/en/events/{event.slug}/").content.decode()
    assert "Join the waiting list" in page
    assert "registering puts you on the waiting list" in page
    assert "0 seats left" not in page
    french = Client().get(f"/fr/events/{event.slug}/").content.decode()
    assert "liste d’attente" in french


def test_an_event_with_seats_left_counts_them(make_event):
    event = make_event("roomy", capacity=3, questions=False)
    page = Client().get(f"/en/events/{event.slug}/").content.decode()
    assert "3 seats left" in page
    assert "Join the waiting list" not in page


def test_the_language_filter_names_each_language_once(directory):
    events_demo_load()
    codes = languages_in_use()
    assert len(codes) == len(set(codes)) > 1
    page = Client().get("/en/events/").content.decode()
    start = page.index('name="language"')
    options = page[start : page.index("</select>", start)]
    assert options.count(">English<") == 1 and options.count(">French<") == 1


def test_my_account_lists_my_registrations(make_event, users):
    event = make_event("mine", questions=False)
    person = users["city_coordinator"]
    person.email = "city@example.org"
    person.save(update_fields=["email"])
    registration_create(event=event, name="Me", email="City@Example.org", answers={})
    page = client_for(person).get("/en/me/").content.decode()
    assert "My event registrations" in page
    assert event.title in page and "Confirmed" in page
    assert "See, change or withdraw" in page
    other = client_for(users["secretariat"]).get("/en/me/").content.decode()
    assert event.title not in other
    assert "You have not registered for any event." in other
