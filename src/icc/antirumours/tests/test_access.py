"""Who sees a city's anti-rumours work: every role, on every private page and the API."""

from typing import Any

import pytest
from django.test import Client

from icc.accounts.models import User
from icc.accounts.selectors import PlaceRole, place_roles_for_user
from icc.antirumours.models import SurveyRoundKind
from icc.antirumours.services.perception import survey_round_create
from icc.conftest import client_for
from icc.surveys.selectors import survey_get
from icc.surveys.services import submission_create

PRIVATE_TEXTS = (
    "Los inmigrantes reciben todas las ayudas",  # the unshared rumour
    "ane@example.org",  # an agent's contact
    "focus note text",  # focus group notes
)


def _client(user: User | None) -> Client:
    return client_for(user)


def _people(users: dict[str, User], ar: dict[str, Any]) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "resident": users["resident"],
        "other_city_coordinator": users["other_city_coordinator"],
        "expert_of_bilbao": users["expert"],
        "expert_of_other_place": ar["other_expert"],
        "other_network_coordinator": ar["other_network"],
        "secretariat": users["secretariat"],
        "network_coordinator": users["network_coordinator"],
        "city_coordinator": users["city_coordinator"],
        "antirumours_team": ar["team"],
    }


EDITORS = {"city_coordinator", "antirumours_team"}
READERS = EDITORS | {"secretariat", "network_coordinator"}


def _private_urls(ar: dict[str, Any]) -> list[str]:
    return [
        "/en/antirumours/city/bilbao/register/",
        f"/en/antirumours/rumour/{ar['private'].pk}/",
        "/en/antirumours/city/bilbao/diagnosis/",
        "/en/antirumours/city/bilbao/agents/",
    ]


@pytest.mark.django_db
def test_unshared_register_and_private_records_are_seen_by_editors_only(
    users: dict[str, User], ar: dict[str, Any]
) -> None:
    for name, person in _people(users, ar).items():
        client = _client(person)
        for url in _private_urls(ar):
            response = client.get(url)
            body = response.content.decode()
            leaked = [text for text in PRIVATE_TEXTS if text in body]
            if name in EDITORS:
                assert response.status_code == 200, (name, url)
            else:
                assert not leaked, (name, url, leaked)
                assert response.status_code in (200, 302, 404), (name, url)
        # the network-wide page and the API never show the unshared rumour
        for url in (
            "/en/antirumours/",
            "/api/v1/antirumours/shared",
            "/en/antirumours/city/bilbao/",
        ):
            body = client.get(url).content.decode()
            assert "Los inmigrantes reciben" not in body, (name, url)


@pytest.mark.django_db
def test_strategy_is_read_by_secretariat_and_network_only(
    users: dict[str, User], ar: dict[str, Any]
) -> None:
    for name, person in _people(users, ar).items():
        response = _client(person).get("/en/antirumours/city/bilbao/strategy/")
        expected = 200 if name in READERS else (302 if person is None else 404)
        assert response.status_code == expected, name
        if name in READERS - EDITORS:
            assert b"Edit \xe2\x80\x9cDiagnosis\xe2\x80\x9d" not in response.content


@pytest.mark.django_db
def test_readers_see_only_what_the_city_shared(users: dict[str, User], ar: dict[str, Any]) -> None:
    body = _client(users["secretariat"]).get("/en/antirumours/city/bilbao/register/").content
    assert b"Newcomers take the jobs" in body
    assert b"Los inmigrantes" not in body
    assert (
        _client(users["secretariat"]).get("/en/antirumours/city/bilbao/agents/").status_code == 404
    )


@pytest.mark.django_db
def test_only_editors_write(users: dict[str, User], ar: dict[str, Any]) -> None:
    for name, person in _people(users, ar).items():
        client = _client(person)
        client.post(
            "/en/antirumours/city/bilbao/register/",
            {"text": f"Rumour by {name}", "language": "en", "target_group": "x"},
        )
        if name not in EDITORS:
            client.post(f"/en/antirumours/rumour/{ar['private'].pk}/share/", {"confirm": "yes"})
            client.post(f"/en/antirumours/agent/{ar['agent'].pk}/withdraw/")
    ar["agent"].refresh_from_db()
    assert ar["agent"].email == "ane@example.org"
    ar["private"].refresh_from_db()
    assert ar["private"].shared_at is None
    texts = set(ar["bilbao"].antirumours_rumours.values_list("text", flat=True))
    assert {t for t in texts if t.startswith("Rumour by")} == {
        "Rumour by city_coordinator",
        "Rumour by antirumours_team",
    }


@pytest.mark.django_db
def test_antirumours_team_opens_nothing_else_of_the_place(
    users: dict[str, User], ar: dict[str, Any]
) -> None:
    """The team role is asked for by the anti-rumours module only: private notes and the index
    stay closed."""
    bilbao = ar["bilbao"]
    assert place_roles_for_user(user=ar["team"], place_id=bilbao.pk) == frozenset()
    assert place_roles_for_user(user=ar["team"], place_id=bilbao.pk, module_roles=True) == {
        PlaceRole.ANTIRUMOURS_TEAM
    }
    response = _client(ar["team"]).get(f"/en/network/places/{bilbao.slug}/workspace/")
    assert b"Bilbao private note" not in response.content


@pytest.mark.django_db
def test_survey_responses_stay_with_the_city(users: dict[str, User], ar: dict[str, Any]) -> None:
    """A diagnosis with one answer: other cities, other networks, experts of other places and
    the public reach neither the round's results nor the surveys module's pages and export."""
    survey_round = survey_round_create(
        place_id=ar["bilbao"].pk, kind=SurveyRoundKind.DIAGNOSIS, title="Private diagnosis"
    )
    survey = survey_get(survey_id=survey_round.survey_id or 0)
    assert survey is not None
    submission_create(
        survey=survey,
        answers={"heard": ["none"], "age_group": "16_29", "gender": "man", "born_abroad": "no"},
    )
    urls = [
        f"/en/antirumours/round/{survey_round.pk}/",
        f"/en/surveys/{survey.pk}/",
        f"/en/surveys/{survey.pk}/export.csv",
    ]
    outsiders = ("anonymous", "resident", "other_city_coordinator", "expert_of_other_place",
                 "other_network_coordinator")  # fmt: skip
    people = _people(users, ar)
    for name in outsiders:
        client = _client(people[name])
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 404), (name, url)
            assert b"Private diagnosis" not in response.content, (name, url)
    for name in EDITORS:
        assert _client(people[name]).get(urls[0]).status_code == 200


@pytest.mark.django_db
def test_the_secretariat_does_not_open_a_diagnosis_through_the_surveys_pages(
    users: dict[str, User], ar: dict[str, Any]
) -> None:
    """The secretariat sees only what the city shared: the raw answers of a diagnosis stay
    out of its reach on the generic survey pages and export too."""
    survey_round = survey_round_create(
        place_id=ar["bilbao"].pk, kind=SurveyRoundKind.DIAGNOSIS, title="Private diagnosis"
    )
    secretariat = _client(users["secretariat"])
    for url in (
        f"/en/surveys/{survey_round.survey_id}/",
        f"/en/surveys/{survey_round.survey_id}/export.csv",
    ):
        response = secretariat.get(url)
        assert response.status_code in (403, 404), url
        assert b"Private diagnosis" not in response.content
