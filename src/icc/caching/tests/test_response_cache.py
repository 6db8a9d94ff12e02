"""Public answers kept while their data is unchanged: fresh after every committed write."""

import pytest
from django.db import transaction
from django.test import Client

from icc.caching.data_version import data_versions
from icc.conftest import client_for, make_place
from icc.network.models import Place

PLACES = "/api/v1/places"

# Versions rise when a write commits: these tests commit (and the database is emptied after).
pytestmark = pytest.mark.django_db(transaction=True)


def names(response):
    return sorted(p["name"] for p in response.json())


def test_a_kept_answer_costs_one_query_and_follows_every_write(
    directory, django_assert_num_queries
):
    make_place("porto", "Porto", "PT")
    client = Client()
    first = client.get(PLACES)
    with django_assert_num_queries(1):  # the versions, nothing else
        again = client.get(PLACES)
    assert again.content == first.content and "Porto" in names(again)
    Place.objects.filter(slug="porto").update(name="Oporto")  # a bulk write counts too
    assert "Oporto" in names(client.get(PLACES))
    Place.objects.filter(slug="porto").delete()
    assert "Oporto" not in names(client.get(PLACES))


def test_a_rolled_back_write_keeps_the_version(directory):
    make_place("porto", "Porto", "PT")
    before = data_versions(["network"])
    try:
        with transaction.atomic():
            Place.objects.filter(slug="porto").update(name="Oporto")
            raise RuntimeError
    except RuntimeError:
        pass
    assert data_versions(["network"]) == before is not None


def test_the_same_answer_is_not_sent_twice(directory):
    make_place("porto", "Porto", "PT")
    client = Client()
    first = client.get(PLACES)
    etag = first["ETag"]
    unchanged = client.get(PLACES, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    make_place("faro", "Faro", "PT")
    changed = client.get(PLACES, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Faro" in names(changed)
    assert changed["ETag"] != etag


def test_answers_differ_by_query_and_language(directory):
    make_place("porto", "Porto", "PT")
    client = Client()
    assert names(client.get(PLACES, {"country": "PT"})) == ["Braga", "Porto"]
    assert "Bilbao" in names(client.get(PLACES))
    french = client.get(PLACES, headers={"Accept-Language": "fr"})
    countries = {p["country_name"] for p in french.json()}
    assert "Espagne" in countries


def test_signed_in_people_get_the_view_itself(directory, users):
    make_place("porto", "Porto", "PT")
    client = client_for(users["secretariat"])
    client.get(PLACES)
    response = client.get(PLACES)
    assert "ETag" not in response and "Porto" in names(response)


def test_reading_writes_nothing(directory):
    make_place("porto", "Porto", "PT")
    before = data_versions(["network"])
    for _ in range(2):
        Client().get(PLACES)
    assert data_versions(["network"]) == before is not None


def test_a_page_and_its_htmx_fragment_are_kept_apart(directory):
    client = Client()
    page = client.get("/en/network/places/")
    fragment = client.get("/en/network/places/", headers={"HX-Request": "true"})
    again = client.get("/en/network/places/")
    assert b"<html" in page.content and b"<html" not in fragment.content
    assert again.content == page.content and "ETag" in again
    assert fragment["ETag"] != page["ETag"]


def test_visitors_with_a_session_get_the_view_itself(directory):
    client = Client()
    client.cookies["sessionid"] = "someone-s-session"
    client.get("/en/network/places/")
    assert "ETag" not in client.get("/en/network/places/")


def test_a_connection_opened_again_is_watched_once(directory):
    from django.db import connection

    for _ in range(3):  # as without persistent connections: one connection per request
        connection.close()
        connection.ensure_connection()
    watchers = [w for w in connection.execute_wrappers if w.__qualname__.startswith("_watch")]
    assert len(watchers) == 1
    make_place("porto", "Porto", "PT")
    assert "Porto" in names(Client().get(PLACES))


def test_the_outer_lane_serves_a_kept_answer_before_the_other_middlewares(directory):
    """The second anonymous GET is answered by the lane: the same bytes and headers, the
    security headers still added, and no middleware inside it runs (no session is read, the
    language is not negotiated again)."""
    from icc.caching.response_cache import LANE, LANE_APPS

    make_place("porto", "Porto", "PT")
    client = Client()
    first = client.get(PLACES)
    assert LANE_APPS[PLACES] == ("network",)
    served = len(LANE.items)
    again = client.get(PLACES)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert len(LANE.items) == served  # answered from the lane, nothing new kept
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert again[header] == first[header]
    Place.objects.filter(slug="porto").update(name="Oporto")
    assert "Oporto" in names(client.get(PLACES))  # a write makes a new key in the lane too


def test_the_lane_never_serves_a_logged_in_person(directory, users):
    make_place("porto", "Porto", "PT")
    Client().get("/en/network/places/")  # kept for anonymous visitors
    page = client_for(users["city_coordinator"]).get("/en/network/places/").content.decode()
    assert "Log out" in page or "log out" in page.lower()
