"""Registration through the pages: capacity and waiting list, approval, answers, the personal
link (change, withdraw, export, erase), e-mails in the registrant's language."""

import datetime as dt
import json
import re

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from icc.events.models import Registration
from icc.events.registration_states import State
from icc.events.services.registration import (
    RegistrationError,
    registration_approve,
    registration_create,
    registration_reject,
    waiting_list_promote,
)
from icc.events.tokens import registration_manage_path

pytestmark = pytest.mark.django_db


def register(client, event, name, email, **extra):
    data = {
        "name": name,
        "email": email,
        "organisation": "City of Testville",
        "language": extra.pop("language", "en"),
        "consent": "on",
        "q_topic": "rumours",
        **extra,
    }
    return client.post(f"/en/events/{event.slug}/register/", data)


def manage_url(registration):
    return registration_manage_path(registration)


def test_capacity_two_third_waits_moves_up_on_withdrawal_and_is_told(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Ana", "Ben", "Chloé"):
            email = f"{name.lower().replace('é', 'e')}@example.org"
            response = register(client, event, name, email)
            assert response.status_code == 302
    states = dict(Registration.objects.values_list("name", "state"))
    assert states == {"Ana": "confirmed", "Ben": "confirmed", "Chloé": "waiting"}
    assert [m.to for m in mail.outbox] == [
        ["ana@example.org"],
        ["ben@example.org"],
        ["chloe@example.org"],
    ]
    assert "waiting list" in mail.outbox[2].subject
    assert "number 1 on the waiting list" in mail.outbox[2].body

    chloe = Registration.objects.get(name="Chloé")
    page = client.get(manage_url(chloe)).content.decode()
    assert "On the waiting list" in page
    mail.outbox.clear()
    ana = Registration.objects.get(name="Ana")
    assert "Add to my calendar" in client.get(manage_url(ana)).content.decode()
    # one tap on a phone does not give the seat away: the box says it is meant
    reply = client.post(manage_url(ana), {"action": "withdraw"}, follow=True)
    assert "Tick the box to confirm that you withdraw your registration." in reply.content.decode()
    ana.refresh_from_db()
    assert ana.state == State.CONFIRMED and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url(ana), {"action": "withdraw", "confirm": "yes"})
    assert response.status_code == 302
    chloe.refresh_from_db()
    ana.refresh_from_db()
    assert ana.state == State.WITHDRAWN
    page = client.get(manage_url(ana)).content.decode()
    assert "Withdrawn" in page and "Add to my calendar" not in page  # nothing left to attend
    assert chloe.state == State.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == ["chloe@example.org"]]
    assert len(promoted) == 1
    assert "A seat is free for you" in promoted[0].subject
    assert manage_url(chloe) in promoted[0].body
    attachment = promoted[0].attachments[0]
    assert attachment[2].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(attachment[1]).walk("VEVENT")
    assert any(m.to == ["ana@example.org"] and "withdrawn" in m.subject for m in mail.outbox)


def test_waiting_list_order_is_first_come_first_served(make_event):
    event = make_event(capacity=1, questions=False)
    first = registration_create(event=event, name="A", email="a@example.org", answers={})
    waiting = [
        registration_create(event=event, name=n, email=f"{n}@example.org", answers={})
        for n in ("b", "c")
    ]
    assert [r.state for r in waiting] == ["waiting", "waiting"]
    registration_reject(registration=first)  # a confirmed person turned down frees the seat
    assert Registration.objects.get(pk=waiting[0].pk).state == State.CONFIRMED
    assert Registration.objects.get(pk=waiting[1].pk).state == State.WAITING
    event.capacity = 3
    event.save()
    promoted = waiting_list_promote(event=event)
    assert [r.pk for r in promoted] == [waiting[1].pk]


def test_approval_sends_pending_then_decision(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=1, approval=True, questions=False)
    with django_capture_on_commit_callbacks(execute=True):
        one = registration_create(event=event, name="One", email="one@example.org", answers={})
        two = registration_create(event=event, name="Two", email="two@example.org", answers={})
    assert (one.state, two.state) == ("pending", "pending")
    with django_capture_on_commit_callbacks(execute=True):
        registration_approve(registration=one)
        registration_approve(registration=two)
    assert Registration.objects.get(pk=one.pk).state == State.CONFIRMED
    assert Registration.objects.get(pk=two.pk).state == State.WAITING  # no seat left
    subjects = [m.subject for m in mail.outbox]
    assert subjects[0].startswith("Registration received")
    assert any(s.startswith("Registration confirmed") for s in subjects)


def test_french_registrant_gets_french_links_and_local_times(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(online=True, questions=False)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            event=event, name="Zoé", email="zoe@example.org", answers={}, language="fr"
        )
    body = mail.outbox[0].body
    assert "/fr/events/webinar/registration/" in body
    assert "10h – 12h (Europe/Paris)" in body
    assert "https://meet.example.org/secret-room" in body  # confirmed: the link comes by e-mail


def test_closed_duplicate_and_invalid_registrations_are_refused(make_event):
    event = make_event()
    registration_create(event=event, name="A", email="a@example.org", answers={"topic": "rumours"})
    with pytest.raises(RegistrationError, match="already registered"):
        registration_create(
            event=event, name="A", email="A@example.org", answers={"topic": "rumours"}
        )
    with pytest.raises(RegistrationError, match="Choose an answer"):
        registration_create(event=event, name="B", email="b@example.org", answers={})
    with pytest.raises(RegistrationError, match="offered answers"):
        registration_create(
            event=event, name="B", email="b@example.org", answers={"topic": "other"}
        )
    past = make_event("past-event", days=-3)
    with pytest.raises(RegistrationError, match="closed"):
        registration_create(
            event=past, name="C", email="c@example.org", answers={"topic": "rumours"}
        )
    response = register(Client(), past, "C", "c@example.org")
    assert "Registration for this event is closed." in response.content.decode()
    assert not Registration.objects.filter(event=past).exists()


def test_form_errors_are_shown_and_nothing_is_saved(make_event):
    event = make_event()
    response = register(Client(), event, "", "not-an-address", q_topic="")
    assert response.status_code == 200
    assert response.content.decode().count('class="errorlist') >= 3
    assert not Registration.objects.exists()


def test_logged_in_people_find_their_details_filled_in(make_event, users):
    users["resident"].email = "resident@example.org"
    users["resident"].first_name = "Rosa"
    users["resident"].last_name = "Resident"
    users["resident"].save()
    event = make_event()
    client = Client()
    client.force_login(users["resident"])
    html = client.get(f"/en/events/{event.slug}/register/").content.decode()
    assert 'value="Rosa Resident"' in html and 'value="resident@example.org"' in html
    register(client, event, "Rosa Resident", "resident@example.org")
    registration = Registration.objects.get()
    assert registration.user_id == users["resident"].pk
    detail = client.get("/en/events/webinar/").content.decode()
    assert "Confirmed" in detail and "See, change or withdraw my registration" in detail


def test_registrant_changes_answers_then_exports_and_erases_data(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, "Ana", "ana@example.org", q_lunch="yes")
        register(client, event, "Ben", "ben@example.org")
    ana = Registration.objects.get(name="Ana")
    assert ana.answers == {"topic": "rumours", "lunch": True}
    url = manage_url(ana)
    client.post(
        url,
        {
            "action": "update",
            "name": "Ana María",
            "organisation": "Bilbao",
            "q_topic": "welcome",
            "q_lunch": "no",
        },
    )
    ana.refresh_from_db()
    assert (ana.name, ana.organisation, ana.answers) == (
        "Ana María", "Bilbao", {"topic": "welcome", "lunch": False}
    )  # fmt: skip
    data = json.loads(client.get(url + "data.json").content)
    assert data["email"] == "ana@example.org" and data["answers"]["topic"] == "welcome"
    assert data["event"]["slug"] == event.slug
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "erase"})  # not confirmed: nothing happens
        assert Registration.objects.get(pk=ana.pk).name == "Ana María"
        client.post(url, {"action": "erase", "confirm": "yes"})
    ana.refresh_from_db()
    assert (ana.name, ana.email, ana.organisation, ana.answers) == ("", "", "", {})
    assert ana.state == State.WITHDRAWN and ana.anonymised_at is not None
    assert Registration.objects.filter(event=event).count() == 2  # counts are kept
    assert Registration.objects.get(name="Ben").state == State.CONFIRMED  # seat passed on
    assert [m.to for m in mail.outbox] == [["ben@example.org"]]  # no mail to the erased
    assert client.get(url).status_code == 404  # the old link is revoked


def test_check_in_toggle_through_htmx(make_event, users):
    event = make_event(questions=False)
    registration = registration_create(event=event, name="Ana", email="ana@example.org", answers={})
    client = Client()
    client.force_login(users["secretariat"])
    url = f"/en/events/{event.slug}/check-in/"
    assert "Ana" in client.get(url).content.decode()
    row = client.post(
        url, {"registration": registration.pk, "checked_in": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert row.lstrip().startswith("<tr") and "Undo check-in" in row
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    client.post(url, {"registration": registration.pk, "checked_in": "0"})
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_secretariat_decides_on_the_registrations_page(make_event, users):
    event = make_event(approval=True, questions=False)
    pending = registration_create(event=event, name="Pat", email="pat@example.org", answers={})
    client = Client()
    client.force_login(users["secretariat"])
    url = f"/en/events/{event.slug}/registrations/"
    assert "Pending approval" in client.get(url).content.decode()
    client.post(url, {"registration": pending.pk, "action": "approve"})
    assert Registration.objects.get(pk=pending.pk).state == State.CONFIRMED
    response = client.post(url, {"registration": pending.pk, "action": "approve"}, follow=True)
    assert "cannot take that decision" in response.content.decode()


def test_withdrawn_people_may_register_again(make_event):
    event = make_event(questions=False)
    first = registration_create(event=event, name="A", email="a@example.org", answers={})
    client = Client()
    client.post(manage_url(first), {"action": "withdraw", "confirm": "yes"})
    again = registration_create(event=event, name="A", email="a@example.org", answers={})
    assert again.state == State.CONFIRMED and again.pk != first.pk
    assert re.match(r"^/en/events/webinar/registration/[^/]+/$", manage_url(again))


def test_the_registrations_page_shows_option_labels_not_stored_values(make_event, users):
    event = make_event()
    registration_create(
        event=event,
        name="Pat",
        email="pat@example.org",
        answers={"topic": "rumours", "lunch": True},
    )
    client = Client()
    client.force_login(users["secretariat"])
    page = client.get(f"/en/events/{event.slug}/registrations/").content.decode()
    assert ">Rumours<" in page and ">rumours<" not in page and ">yes<" in page


def test_a_seat_freed_after_the_start_moves_nobody_up(
    make_event, users, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, questions=False)
    seated = registration_create(event=event, name="Ana", email="ana@example.org", answers={})
    waiting = registration_create(event=event, name="Ben", email="ben@example.org", answers={})
    late = registration_create(event=event, name="Cy", email="cy@example.org", answers={})
    event.start = timezone.now() - dt.timedelta(hours=1)  # the event is under way
    event.save()
    client = Client()
    client.force_login(users["secretariat"])
    url = f"/en/events/{event.slug}/registrations/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"registration": seated.pk, "action": "erase"})
    assert Registration.objects.get(pk=seated.pk).anonymised_at is not None
    assert Registration.objects.get(pk=waiting.pk).state == State.WAITING
    assert [m.subject for m in mail.outbox] == []  # nobody is told a seat is free
    Registration.objects.filter(pk=waiting.pk).update(state=State.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"registration": waiting.pk, "action": "reject"})
    assert Registration.objects.get(pk=late.pk).state == State.WAITING
    assert not any("seat is free" in m.subject for m in mail.outbox)


def test_an_address_longer_than_the_database_holds_is_refused_with_the_form_kept(make_event):
    event = make_event()
    client = Client()
    address = "a" * 250 + "@example.org"  # valid for the form's checker, 262 characters
    response = register(client, event, "Ana", address)
    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 254 characters (it has 262)" in page and 'value="Ana"' in page
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("language", "page_says", "message", "subject"),
    [
        ("en", "Leave the waiting list", "You have left the waiting list.",
         "You have left the waiting list: "),
        ("fr", "Quitter la liste d’attente", "Vous avez quitté la liste d’attente.",
         "Vous avez quitté la liste d’attente\u00a0: "),
    ],
)  # fmt: skip
def test_someone_waiting_who_withdraws_is_told_they_left_the_waiting_list(
    make_event, django_capture_on_commit_callbacks, language, page_says, message, subject
):
    event = make_event(capacity=1, questions=False)
    registration_create(event=event, name="Ana", email="ana@example.org", answers={})
    chloe = registration_create(event=event, name="Chloé", email="chloe@example.org", answers={})
    assert chloe.state == State.WAITING
    Registration.objects.filter(pk=chloe.pk).update(language=language)
    client = Client()
    url = manage_url(chloe).replace("/en/", f"/{language}/")
    page = client.get(url).content.decode()
    assert page_says in page and "my place goes to someone else" not in page
    with django_capture_on_commit_callbacks(execute=True):
        reply = client.post(url, {"action": "withdraw", "confirm": "yes"}, follow=True)
    # the e-mail says the same in the registrant's language, not "registration withdrawn"
    (sent,) = mail.outbox
    assert sent.to == ["chloe@example.org"] and sent.subject.startswith(subject)
    assert "registration is withdrawn" not in sent.body
    assert "inscription est annulée" not in sent.body
    body = reply.content.decode()
    assert message in body
    assert "seat goes to the next person" not in body and "votre place" not in body
    chloe.refresh_from_db()
    assert chloe.state == State.WITHDRAWN
    assert Registration.objects.get(name="Ana").state == State.CONFIRMED
