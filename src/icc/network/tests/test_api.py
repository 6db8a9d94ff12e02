"""The directory API: same filters as the pages, OpenAPI document published."""

from django.test import Client


def test_places_filtered_by_country(directory):
    response = Client().get("/api/v1/places?country=ES")
    assert response.status_code == 200
    rows = response.json()
    assert [r["name"] for r in rows] == ["Bilbao", "Getxo"]
    bilbao = rows[0]
    assert bilbao["country"] == "ES"
    assert bilbao["status"] == "member"
    assert bilbao["population"] == 346_000
    assert bilbao["networks"] == ["reci"]
    assert "internal_notes" not in bilbao


def test_places_filters_and_paging(directory):
    client = Client()
    assert [r["slug"] for r in client.get("/api/v1/places?status=candidate").json()] == ["braga"]
    assert [
        r["slug"] for r in client.get("/api/v1/places?population_band=200000-500000").json()
    ] == ["bilbao"]
    assert [r["slug"] for r in client.get("/api/v1/places?country=es&q=GET").json()] == ["getxo"]
    # a value outside the choices matches nothing, as the page's filters would refuse it
    for wrong in ("country=ZZ", "population_band=1-2", "status=retired", "kind=planet"):
        assert client.get(f"/api/v1/places?{wrong}").json() == []
    assert [r["slug"] for r in client.get("/api/v1/places?limit=2&offset=1").json()] == [
        "braga",
        "getxo",
    ]


def test_place_detail_has_facts_and_steps(directory):
    data = Client().get("/api/v1/places/bilbao").json()
    assert data["facts"][0]["population_source"] == "Test statistics office"
    assert [s["step"] for s in data["membership"]][-1] == "member"
    assert Client().get("/api/v1/places/nowhere").status_code == 404


def test_place_names_follow_the_language(directory):
    response = Client().get("/api/v1/countries", HTTP_ACCEPT_LANGUAGE="fr")
    assert {c["name"] for c in response.json()} >= {"Espagne", "Italie"}


def test_countries_and_networks(directory):
    client = Client()
    countries = {c["code"]: c for c in client.get("/api/v1/countries").json()}
    assert countries["ES"]["member_count"] == 2
    assert countries["PT"]["member_count"] == 0
    networks = client.get("/api/v1/networks").json()
    assert networks == [
        {
            "slug": "reci",
            "name": "Spanish network (RECI)",
            "kind": "national",
            "country": "ES",
            "founded": None,
            "website": "",
            "member_count": 2,
        }
    ]
    assert client.get("/api/v1/networks?country=IT").json() == []
    detail = client.get("/api/v1/networks/reci").json()
    assert detail["places"] == ["bilbao", "getxo"]
    assert client.get("/api/v1/networks/none").status_code == 404


def test_openapi_document(db):
    document = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/places" in document["paths"]
    assert "/api/v1/networks/{slug}" in document["paths"]
