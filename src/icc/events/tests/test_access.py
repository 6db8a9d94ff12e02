"""Who may open what: the secretariat's pages, drafts, the online link, personal links."""

import pytest

from icc.conftest import client_for
from icc.events.models import EventStatus
from icc.events.services.registration import registration_create, registration_erase
from icc.events.tokens import registration_manage_path, registration_token

pytestmark = pytest.mark.django_db
ROLES = ["city_coordinator", "network_coordinator", "expert", "other_city_coordinator", "resident"]
SECRETARIAT_PAGES = [
    ("get", "/en/events/{slug}/programme/edit/"),
    ("post", "/en/events/{slug}/programme/edit/"),
    ("get", "/en/events/{slug}/check-in/"),
    ("post", "/en/events/{slug}/check-in/"),
    ("get", "/en/events/{slug}/registrations/"),
    ("post", "/en/events/{slug}/registrations/"),
    ("get", "/en/events/{slug}/registrations/export.csv"),
    ("get", "/en/events/{slug}/registrations/export.xlsx"),
]


@pytest.mark.parametrize(("method", "url"), SECRETARIAT_PAGES)
@pytest.mark.parametrize("role", [None, *ROLES, "secretariat"])
def test_secretariat_pages(users, make_event, role, method, url):
    event = make_event()
    registration = registration_create(
        event=event, name="Ana Secret", email="ana@example.org", answers={"topic": "rumours"}
    )
    client = client_for(users[role] if role else None)
    data: dict[str, object] | None = None
    if method == "post":
        data = {"op": "part-add", "title_en": "Day 1", "date": "2030-01-01"}
        data |= {"registration": registration.pk, "action": "reject", "checked_in": "1"}
    response = getattr(client, method)(url.format(slug=event.slug), data)
    if role is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif role == "secretariat":
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 403
        assert b"ana@example.org" not in response.content
    if method == "post" and "programme" in url:
        assert event.parts.exists() is (role == "secretariat")
    if method == "post" and "registrations" in url:
        registration.refresh_from_db()
        assert (registration.state == "rejected") is (role == "secretariat")
    if method == "post" and "check-in" in url:
        registration.refresh_from_db()
        assert (registration.checked_in_at is not None) is (role == "secretariat")


def test_drafts_are_for_the_secretariat_only(users, make_event):
    event = make_event(status=EventStatus.DRAFT)
    for path in (
        "/en/events/webinar/",
        "/en/events/webinar/calendar.ics",
        "/api/v1/events/webinar",
    ):
        assert client_for(None).get(path).status_code == 404
        assert client_for(users["city_coordinator"]).get(path).status_code == 404
        assert client_for(users["secretariat"]).get(path).status_code == 200
    assert client_for(None).get("/api/v1/events").json() == []
    assert b"Test event webinar" not in client_for(None).get("/en/events/").content
    assert event.slug == "webinar"


def test_online_link_only_for_confirmed_registrants(users, make_event):
    event = make_event(online=True, capacity=1, questions=False)
    secret = "https://meet.example.org/secret-room"
    holder, waiting = users["resident"], users["city_coordinator"]
    holder.email, waiting.email = "holder@example.org", "waiting@example.org"
    holder.save()
    waiting.save()
    confirmed = registration_create(
        event=event, name="Holder", email=holder.email, answers={}, user_id=holder.pk
    )
    queued = registration_create(
        event=event, name="Waiting", email=waiting.email, answers={}, user_id=waiting.pk
    )
    assert (confirmed.state, queued.state) == ("confirmed", "waiting")
    page = f"/en/events/{event.slug}/"
    assert secret not in client_for(None).get(page).content.decode()
    assert secret not in client_for(waiting).get(page).content.decode()
    assert secret not in client_for(users["expert"]).get(page).content.decode()
    assert secret in client_for(holder).get(page).content.decode()
    anonymous = client_for(None)
    assert secret in anonymous.get(registration_manage_path(confirmed)).content.decode()
    assert secret not in anonymous.get(registration_manage_path(queued)).content.decode()
    for public in (
        f"/api/v1/events/{event.slug}",
        f"/api/v1/events/{event.slug}/calendar.ics",
        f"/en/events/{event.slug}/calendar.ics",
        "/en/events/calendar.ics",
        f"/en/events/{event.slug}/agenda/",
    ):
        assert secret not in anonymous.get(public).content.decode(), public


def test_personal_link_needs_a_valid_token(make_event):
    event = make_event(questions=False)
    other = make_event("other-event", questions=False)
    registration = registration_create(event=event, name="A", email="a@example.org", answers={})
    token = registration_token(registration)
    client = client_for(None)
    base = f"/en/events/{event.slug}/registration/"
    assert client.get(f"{base}{token}/").status_code == 200
    assert client.get(f"{base}{token}/data.json").status_code == 200
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (tampered, "nonsense", token.split(":")[0]):
        assert client.get(f"{base}{bad}/").status_code == 404
        assert client.get(f"{base}{bad}/data.json").status_code == 404
        assert client.post(f"{base}{bad}/", {"action": "withdraw"}).status_code == 404
    assert client.get(f"/en/events/{other.slug}/registration/{token}/").status_code == 404
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    registration_erase(registration=registration)
    assert client.get(f"{base}{token}/").status_code == 404


@pytest.mark.parametrize("posted", ["abc", "", "1e5", "-1", "٣", "99999999999999999999"])
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/en/events/{slug}/registrations/", {"action": "approve"}),
        ("/en/events/{slug}/check-in/", {"checked_in": "1"}),
        ("/en/events/{slug}/programme/edit/", {"op": "part-delete"}),
    ],
)
def test_a_posted_id_that_is_not_a_number_is_not_found(users, make_event, posted, url, data):
    event = make_event()
    client = client_for(users["secretariat"])
    name = "id" if "programme" in url else "registration"
    response = client.post(url.format(slug=event.slug), {**data, name: posted})
    assert response.status_code == 404
