"""The events API contract: list with filters, one event, programme, calendar."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_list_contract_and_filters(bilbao, make_event):
    make_event("next-webinar", online=True)
    client = Client()
    rows = client.get("/api/v1/events").json()
    assert len(rows) == 18
    bilbao_row = next(r for r in rows if r["slug"] == "coordinators-meeting-bilbao-2023")
    assert {"slug", "title", "start", "end"} <= set(bilbao_row)
    assert bilbao_row["start"] == "2023-11-14T09:00:00+01:00"
    assert bilbao_row["end"] == "2023-11-15T16:35:00+01:00"
    assert bilbao_row["place"] == "bilbao" and bilbao_row["languages"] == ["en", "fr"]
    assert bilbao_row["calendar_url"].endswith(
        "/api/v1/events/coordinators-meeting-bilbao-2023/calendar.ics"
    )
    upcoming = [r["slug"] for r in client.get("/api/v1/events?upcoming=true").json()]
    assert upcoming == ["next-webinar", "demo-online-reflection-meeting"]  # soonest first
    past = client.get("/api/v1/events?past=true").json()
    assert len(past) == 16 and past[0]["slug"] == "coordinators-meeting-bilbao-2023"
    webinars = client.get("/api/v1/events?kind=webinar&past=true").json()
    assert {r["kind"] for r in webinars} == {"webinar"} and len(webinars) == 6
    assert client.get("/api/v1/events?kind=nonsense").json() == []
    assert client.get("/api/v1/events?format=teleport&past=true").json() == []
    hybrid = client.get("/api/v1/events?format=online&past=true").json()
    assert hybrid and {r["format"] for r in hybrid} <= {"online", "hybrid"}
    french = client.get("/api/v1/events?lang=fr&place=bilbao").json()
    assert french[0]["title"].startswith("Réunion annuelle")


def test_detail(bilbao):
    data = Client().get("/api/v1/events/coordinators-meeting-bilbao-2023?lang=fr").json()
    assert data["venue"] == {
        "name": "Bizkaia Aretoa-UPV/EHU",
        "room": "Salle Oteiza, Université du Pays basque, Bilbao, Espagne",
        "address": "Abandoibarra Etorb., 3, 48009 Bilbao, Bizkaia",
        "map_url": data["venue"]["map_url"],
        "url": "",
    }
    assert data["target_group"].startswith("coordinateur-trice-s des villes membres")
    assert data["programme_published_on"] == "2023-11-08"
    assert data["registration"]["open"] is False
    assert Client().get("/api/v1/events/nope").status_code == 404


def test_openapi_lists_the_routes(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/events",
        "/api/v1/events/{slug}",
        "/api/v1/events/{slug}/programme",
        "/api/v1/events/{slug}/calendar.ics",
        "/api/v1/events/calendar.ics",
    } <= set(paths)
