"""The API's contract on every endpoint: bounded paging, one error body, languages checked alike."""

from typing import Any

import pytest
from django.test import Client

from icc.api_contract import LIMIT_MAX, OFFSET_MAX
from icc.conftest import client_for

LISTS = [
    "/api/v1/places",
    "/api/v1/countries",
    "/api/v1/networks",
    "/api/v1/index/editions",
    "/api/v1/index/editions/2023/results",
    "/api/v1/events",
]
EVENT = "/api/v1/events/coordinators-meeting-bilbao-2023"
LANGUAGE_ENDPOINTS = [
    "/api/v1/events",
    "/api/v1/events/calendar.ics",
    EVENT,
    f"{EVENT}/programme",
    f"{EVENT}/calendar.ics",
    "/api/v1/index/charts",
]
BAD_PAGES = [
    ("offset", "-1", "greater than or equal to 0"),
    ("limit", "100000000000000000000", f"less than or equal to {LIMIT_MAX}"),
    ("offset", "99999999999999999999", f"less than or equal to {OFFSET_MAX}"),
    ("limit", "0", "greater than or equal to 1"),
    ("limit", "ten", "valid integer"),
]


def assert_error_body(body: dict[str, Any], *, param: str | None) -> None:
    assert set(body) == {"detail", "param", "errors"}
    assert body["detail"].endswith(".") and body["param"] == param
    for error in body["errors"]:
        assert set(error) == {"loc", "msg"}


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(("param", "value", "words"), BAD_PAGES)
def test_paging_out_of_bounds_is_a_422_naming_the_parameter(db, url, param, value, words):
    response = Client().get(url, {param: value})
    assert response.status_code == 422, response.content
    body = response.json()
    assert_error_body(body, param=param)
    assert f"query parameter '{param}'" in body["detail"] and words in body["detail"]
    assert body["errors"][0]["loc"] == ["query", param]


def test_paging_cuts_every_list_alike(api_data):
    client = Client()
    for url in LISTS:
        everything = client.get(url).json()
        assert len(everything) >= 2, url
        assert client.get(url, {"limit": 1, "offset": 1}).json() == everything[1:2], url
        assert client.get(url, {"offset": OFFSET_MAX}).json() == [], url
        assert client.get(url, {"limit": LIMIT_MAX}).json() == everything, url


def test_an_unknown_language_is_a_422_listing_the_codes_everywhere(api_data):
    client = Client()
    for url in LANGUAGE_ENDPOINTS:
        response = client.get(url, {"lang": "garbage"})
        assert response.status_code == 422, url
        body = response.json()
        assert_error_body(body, param="lang")
        assert "Unknown language code 'garbage'" in body["detail"], url
        assert "en, fr" in body["detail"], url
        assert client.get(url, {"lang": "fr"}).status_code == 200, url
        assert client.get(url, {"lang": ""}).status_code == 200, url
    # Content texts come in every content language, interface labels in the working languages.
    assert client.get(EVENT, {"lang": "uk"}).status_code == 200
    assert (
        "use one of en, fr, or"
        in client.get(LANGUAGE_ENDPOINTS[-1], {"lang": "uk"}).json()["detail"]
    )


def test_every_error_has_the_same_body(api_data):
    users = api_data["users"]
    answers = {
        401: Client().get("/api/v1/places/bilbao/private"),
        403: client_for(users["other_city_coordinator"]).get("/api/v1/places/bilbao/private"),
        404: Client().get("/api/v1/events/nowhere/programme"),
        422: Client().get("/api/v1/index/charts", {"country": "ZZ"}),
    }
    for status, response in answers.items():
        assert response.status_code == status
        assert response["Content-Type"] == "application/json; charset=utf-8"
    assert_error_body(answers[401].json(), param=None)
    assert "Log in first" in answers[401].json()["detail"]
    assert answers[403].json()["detail"] == (
        "Only the people responsible for Bilbao can see this: its city coordinators, its "
        "experts, the coordinators of its networks and the secretariat."
    )
    assert answers[404].json()["detail"] == "There is no event at this address."
    charts = answers[422].json()
    assert_error_body(charts, param="country")
    assert charts["errors"] == [{"loc": ["query", "country"], "msg": charts["detail"]}]


def test_a_nul_character_is_refused_not_sent_to_the_database(db):
    for url in (
        "/api/v1/places/bil%00bao",
        "/api/v1/places?q=a%00b",
        "/api/v1/index/charts?area=%00",
    ):
        response = Client().get(url)
        assert response.status_code == 422, url
        assert "NUL character" in response.json()["detail"]


def test_the_openapi_document_lists_every_status_and_the_error_schema(db):
    document = Client().get("/api/v1/openapi.json").json()
    assert "as modules land" not in document["info"]["description"]
    assert set(document["components"]["schemas"]["Error"]["properties"]) == {
        "detail",
        "param",
        "errors",
    }
    for path, operations in document["paths"].items():
        for operation in operations.values():
            responses = operation["responses"]
            names = {p["in"] for p in operation.get("parameters", [])}
            expected = (
                {"200"} | ({"422"} if names else set()) | ({"404"} if "path" in names else set())
            )
            assert expected <= set(responses), path
            for status, answer in responses.items():
                if status != "200":
                    schema = answer["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, status)
    private = document["paths"]["/api/v1/places/{slug}/private"]["get"]["responses"]
    assert {"401", "403"} <= set(private)
    calendar = document["paths"]["/api/v1/events/calendar.ics"]["get"]["responses"]["200"]
    assert set(calendar["content"]) == {"text/calendar"}
