"""The review queue: every response of an edition for the secretariat and the experts, with
counts, filters, what changed since the last review, bulk steps, and the same list in the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icc.accounts.selectors import Role
from icc.accounts.services import role_assign
from icc.conftest import client_for, make_place
from icc.index.models import Response
from icc.index.services import answer_save, response_start, response_transition
from icc.index.tests.conftest import answers_save
from icc.index.tests.test_index_review import BASE, submitted
from icc.index.workflow import Action, Actor

QUEUE = "/en/index/test/queue/"
API = "/api/v1/index/editions/test/responses"


def answered(edition, place, users, value="yes", state=None):
    """A draft of ``place`` with its two required questions answered (optionally moved on)."""
    response = response_start(place=place, edition=edition)
    answers_save(
        response,
        dict.fromkeys(("commitment_strategy", "education_mixing"), value),
        user=users["city_coordinator"],
    )
    if state:
        Response.objects.filter(pk=response.pk).update(state=state)
    return response


@pytest.fixture
def four(small_edition, directory, users):
    """Bilbao submitted; Getxo in review; Reggio Emilia a draft; Braga published."""
    submitted(small_edition, directory, users)
    answered(small_edition, directory["getxo"], users, state="in_review")
    answered(small_edition, directory["reggio"], users)
    answered(small_edition, directory["braga"], users, state="published")
    return small_edition


def rows(html):
    return html.split("<tr data-place=")[1:]


def test_the_secretariat_sees_every_response_with_counts_and_filters(four, users):
    client = client_for(users["secretariat"])
    page = client.get(QUEUE).content.decode()
    assert len(rows(page)) == 4
    for state, count in (("submitted", 1), ("in_review", 1), ("draft", 1), ("published", 1)):
        assert f'data-state="{state}">' in page
        assert (
            f'data-state="{state}">'
            + {
                "submitted": "Submitted",
                "in_review": "In review",
                "draft": "Draft",
                "published": "Published",
            }[state]
            + f' <span class="count">{count}</span>'
            in page
        )
    submitted_only = client.get(QUEUE + "?state=submitted").content.decode()
    assert [r[:8] for r in rows(submitted_only)] == ['"bilbao"']
    assert 'aria-current="true"' in submitted_only
    spain = client.get(QUEUE + "?country=es").content.decode()
    assert {r.split('"')[1] for r in rows(spain)} == {"bilbao", "getxo"}
    reci = client.get(QUEUE + "?network=reci&state=in_review").content.decode()
    assert {r.split('"')[1] for r in rows(reci)} == {"getxo"}
    # the state counts follow the other filters
    assert 'data-state="draft">Draft <span class="count">0</span>' in reci
    search = client.get(QUEUE + "?q=regg").content.decode()
    assert {r.split('"')[1] for r in rows(search)} == {"reggio-emilia"}
    expert = users["expert"]
    assigned = client.get(QUEUE + f"?assignee={expert.pk}").content.decode()
    assert {r.split('"')[1] for r in rows(assigned)} == {"bilbao"}
    by_name = client.get(QUEUE + "?sort=place").content.decode()
    assert [r.split('"')[1] for r in rows(by_name)] == ["bilbao", "braga", "getxo", "reggio-emilia"]
    wrong = client.get(QUEUE + "?state=lost").content.decode()
    assert "“lost” is not one of the choices" in wrong and len(rows(wrong)) == 4
    assert "/en/index/test/reports/" in page  # the bulk reports of the edition


def test_experts_see_their_places_and_others_are_refused(four, users):
    page = client_for(users["expert"]).get(QUEUE).content.decode()
    assert {r.split('"')[1] for r in rows(page)} == {"bilbao"}
    assert "Assign this expert" not in page
    for name in ("city_coordinator", "network_coordinator", "resident"):
        assert client_for(users[name]).get(QUEUE).status_code == 403
    assert client_for(None).get(QUEUE).status_code == 302  # to the login page


def test_the_queue_answers_htmx_with_the_list_and_a_history_restore_with_the_page(four, users):
    client = client_for(users["secretariat"])
    fragment = client.get(QUEUE + "?state=draft", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'id="queue-table"' in fragment
    restore = client.get(
        QUEUE + "?state=draft", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    ).content.decode()
    assert "<html" in restore and 'id="queue-filters"' in restore


def test_the_home_page_links_reviewers_to_the_queue(four, users):
    assert QUEUE in client_for(users["secretariat"]).get("/en/index/").content.decode()
    assert QUEUE in client_for(users["expert"]).get("/en/index/").content.decode()
    assert QUEUE not in client_for(users["city_coordinator"]).get("/en/index/").content.decode()


def _queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE + "?country=ES&changed=&sort=").status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_responses(four, users):
    client = client_for(users["secretariat"])
    few = _queue_queries(client)
    for i in range(6):
        place = make_place(f"town-{i}", f"Town {i}", "ES", population=50_000 + i)
        role_assign(user=users["expert"], role=Role.EXPERT, place_id=place.pk)
        answered(four, place, users)
    many = _queue_queries(client)
    assert few == many == 18


def test_what_changed_since_the_last_review(small_edition, directory, users):
    response = submitted(small_edition, directory, users)
    secretariat = client_for(users["secretariat"])
    page = secretariat.get(QUEUE).content.decode()
    assert "not reviewed yet" in page
    secretariat.post(BASE + "action/", {"action": "request_changes", "note": "Check education."})
    mixing = response.answers.get(question__code="education_mixing")
    answer_save(
        response=response,
        question=mixing.question,
        value="yes",
        evidence="Schools report 2023",
        links=[],
        expected_version=mixing.version,
        user=users["city_coordinator"],
    )
    api = client_for(users["secretariat"]).get(API).json()
    assert api[0]["updated_at"] == response.answers.get(pk=mixing.pk).updated_at.isoformat()
    response_transition(
        response=response, action=Action.SUBMIT, actors=frozenset({Actor.CITY}), user=None
    )
    page = secretariat.get(QUEUE + "?changed=yes").content.decode()
    assert "1 answer changed" in page
    assert (
        'history/?since=review">Changes since the last review'
        in secretariat.get(BASE).content.decode()
    )
    history = secretariat.get(BASE + "history/?since=review").content.decode()
    assert "Changes since the last review" in history
    assert history.count("<tr><td>") == 1  # only the education answer, not the first answers
    assert "Question education_mixing?" in history and "Partly" in history and "Yes" in history
    assert secretariat.get(BASE + "history/").content.decode().count("<tr><td>") == 3


def test_bulk_steps_start_reviews_validate_and_assign(four, directory, users):
    secretariat = client_for(users["secretariat"])
    ids = {r.place.slug: r.pk for r in Response.objects.select_related("place")}
    reply = secretariat.post(
        QUEUE + "bulk/",
        {"response": [ids["bilbao"], ids["reggio-emilia"]], "step": "start_review"},
        follow=True,
    ).content.decode()
    assert Response.objects.get(pk=ids["bilbao"]).state == "in_review"
    assert Response.objects.get(pk=ids["reggio-emilia"]).state == "draft"  # refused, said why
    assert "Done for: Bilbao." in reply and "Reggio Emilia: " in reply
    secretariat.post(
        QUEUE + "bulk/", {"response": [ids["bilbao"], ids["getxo"]], "step": "validate"}
    )
    assert set(
        Response.objects.filter(state="validated").values_list("place__slug", flat=True)
    ) == {
        "bilbao",
        "getxo",
    }
    reply = secretariat.post(
        QUEUE + "bulk/", {"response": [ids["getxo"]], "step": "publish"}, follow=True
    ).content.decode()
    assert "one questionnaire at a time" in reply
    for data, said in (
        ({"response": [ids["getxo"]], "step": "archive"}, "Choose what to do"),
        ({"response": [ids["getxo"]], "step": "assign", "expert": ""}, "Choose the expert"),
        ({"step": "validate"}, "Choose at least one questionnaire first."),
    ):
        reply = secretariat.post(QUEUE + "bulk/", data, follow=True).content.decode()
        assert said in reply
    expert = users["expert"]
    secretariat.post(
        QUEUE + "bulk/", {"response": [ids["getxo"]], "step": "assign", "expert": expert.pk}
    )
    page = client_for(expert).get(QUEUE).content.decode()
    assert {r.split('"')[1] for r in rows(page)} == {"bilbao", "getxo"}
    # an expert neither validates nor assigns
    assert (
        client_for(expert)
        .post(QUEUE + "bulk/", {"response": [ids["getxo"]], "step": "assign", "expert": expert.pk})
        .status_code
        == 403
    )
    # responses outside the person's queue are ignored
    reply = (
        client_for(expert)
        .post(QUEUE + "bulk/", {"response": [ids["braga"]], "step": "start_review"}, follow=True)
        .content.decode()
    )
    assert "Choose at least one questionnaire first." in reply


def test_the_api_lists_the_queue_for_reviewers_only(four, users):
    anonymous = client_for(None).get(API + "?state=submitted")
    assert anonymous.status_code == 401
    for name in ("city_coordinator", "resident", "network_coordinator"):
        assert client_for(users[name]).get(API).status_code == 403
    body = client_for(users["secretariat"]).get(API + "?state=submitted").json()
    assert [(r["place"], r["state"]) for r in body] == [("bilbao", "submitted")]
    assert body[0]["updated_at"] and body[0]["submitted_at"]
    every = client_for(users["secretariat"]).get(API + "?limit=2&offset=1").json()
    assert len(every) == 2
    mine = client_for(users["expert"]).get(API).json()
    assert [r["place"] for r in mine] == ["bilbao"]
    assert client_for(users["secretariat"]).get(API + "?state=lost").status_code == 422
    assert client_for(users["secretariat"]).get(API.replace("test", "nope")).status_code == 404
