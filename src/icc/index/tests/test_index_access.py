"""Who may open, edit and review a city's index response: every protected URL, every role."""

import pytest

from icc.conftest import PLACE_EDITORS, client_for
from icc.index.services import response_start
from icc.index.tests.conftest import answers_save

OVERVIEW = "/en/index/test/places/{slug}/"
AREA = "/en/index/test/places/{slug}/area/commitment/"
HISTORY = "/en/index/test/places/{slug}/history/"
ANSWER = "/en/index/test/places/{slug}/answer/commitment_strategy/"

# role → place → may read
READ = {
    "secretariat": {"bilbao": True, "reggio-emilia": True},
    "city_coordinator": {"bilbao": True, "reggio-emilia": False},
    "network_coordinator": {"bilbao": True, "reggio-emilia": False},
    "expert": {"bilbao": True, "reggio-emilia": False},
    "other_city_coordinator": {"bilbao": False, "reggio-emilia": True},
    "resident": {"bilbao": False, "reggio-emilia": False},
    None: {"bilbao": False, "reggio-emilia": False},
}


@pytest.fixture
def responses(small_edition, directory):
    made = {}
    for key, slug in (("bilbao", "bilbao"), ("reggio", "reggio-emilia")):
        response = response_start(place=directory[key], edition=small_edition)
        answers_save(response, {"commitment_strategy": "partly"}, evidence=f"evidence of {slug}")
        made[slug] = response
    return made


@pytest.mark.parametrize(
    ("role", "slug", "allowed"),
    [(role, slug, ok) for role, row in READ.items() for slug, ok in row.items()],
)
@pytest.mark.parametrize("url", [OVERVIEW, AREA, HISTORY])
def test_reading_a_response(users, responses, role, slug, allowed, url):
    response = client_for(users.get(role) if role else None).get(url.format(slug=slug))
    if role is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert f"evidence of {slug}" not in response.content.decode()


@pytest.mark.parametrize(("role", "may_edit"), PLACE_EDITORS)
def test_editing_an_answer(users, responses, role, may_edit):
    client = client_for(users[role])
    reply = client.post(ANSWER.format(slug="bilbao"), {"value": "yes", "version": "1"})
    value = responses["bilbao"].answers.get(question__code="commitment_strategy").value
    assert (value == "yes") is may_edit
    assert reply.status_code == (302 if may_edit else 403)


def test_evidence_is_shown_only_to_those_responsible(users, responses):
    body = client_for(users["city_coordinator"]).get(AREA.format(slug="bilbao")).content.decode()
    assert "evidence of bilbao" in body
    assert "evidence of reggio-emilia" not in body


def test_drafts_never_appear_in_public_results(users, responses):
    body = client_for(None).get("/api/v1/index/editions/test/results").content.decode()
    assert body == "[]"


def test_export_is_for_the_secretariat(users, responses):
    assert client_for(users["city_coordinator"]).get("/en/index/test/export.csv").status_code == 403
    reply = client_for(users["secretariat"]).get("/en/index/test/export.csv")
    lines = reply.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0].startswith(
        "edition,form_version,place,country,state,synthetic,commitment_strategy"
    )
    assert lines[1].startswith("test,1,bilbao,ES,draft,no,partly")
