"""Review in the pages: comments per answer, request changes, the history of every change."""

import pytest

from icc.conftest import client_for
from icc.index.models import ResponseEvent
from icc.index.services import (
    answer_save,
    response_start,
    response_transition,
    review_comment_add,
)
from icc.index.tests.conftest import answers_save
from icc.index.workflow import Action, Actor, WorkflowError

BASE = "/en/index/test/places/bilbao/"


def submitted(edition, directory, users):
    response = response_start(place=directory["bilbao"], edition=edition)
    answers_save(
        response,
        {"commitment_strategy": "yes", "education_mixing": "partly"},
        user=users["city_coordinator"],
    )
    return response_transition(
        response=response, action=Action.SUBMIT, actors=frozenset({Actor.CITY}), user=None
    )


def test_expert_comments_an_answer_and_the_city_reads_it(small_edition, directory, users):
    submitted(small_edition, directory, users)
    expert = client_for(users["expert"])
    expert.post(BASE + "action/", {"action": "start_review"})
    reply = expert.post(
        BASE + "comment/",
        {"question": "commitment_strategy", "text": "Please attach the council decision."},
    )
    assert reply.status_code == 302 and reply["Location"].endswith("/area/commitment/")
    page = client_for(users["city_coordinator"]).get(BASE + "area/commitment/").content.decode()
    assert "Please attach the council decision." in page
    assert "Reviewer&#x27;s comment on this answer" not in page  # the city cannot comment


def test_comments_are_refused_outside_review(small_edition, directory, users):
    response_start(place=directory["bilbao"], edition=small_edition)
    client = client_for(users["expert"])
    client.post(BASE + "comment/", {"question": "commitment_strategy", "text": "Too early"})
    assert not small_edition.responses.get().comments.exists()


def test_request_changes_with_a_note_then_the_city_edits_again(small_edition, directory, users):
    response = submitted(small_edition, directory, users)
    client_for(users["secretariat"]).post(
        BASE + "action/", {"action": "request_changes", "note": "Evidence missing for Q1."}
    )
    response.refresh_from_db()
    assert response.state == "draft"
    overview = client_for(users["city_coordinator"]).get(BASE).content.decode()
    assert "Evidence missing for Q1." in overview
    reply = client_for(users["city_coordinator"]).post(
        BASE + "answer/commitment_strategy/", {"value": "partly", "version": "1"}
    )
    assert reply.status_code == 302


def test_history_page_lists_every_change(small_edition, directory, users):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    question = small_edition.questions.get(code="commitment_strategy")
    first = answer_save(
        response=response,
        question=question,
        value="no",
        evidence="",
        links=[],
        expected_version=0,
        user=users["city_coordinator"],
    )
    answer_save(
        response=response,
        question=question,
        value="yes",
        evidence="Minutes 12/2023",
        links=[],
        expected_version=first.version,
        user=users["secretariat"],
    )
    page = client_for(users["expert"]).get(BASE + "history/").content.decode()
    rows = page.split('id="history-table"')[1]
    assert rows.index("staff") < rows.index("city")  # newest first
    assert "Minutes 12/2023" in rows


def test_conflicting_autosave_is_reported_in_the_page(small_edition, directory, users):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    answer_save(
        response=response,
        question=small_edition.questions.get(code="commitment_strategy"),
        value="yes",
        evidence="",
        links=[],
        expected_version=0,
        user=users["secretariat"],
    )
    reply = client_for(users["city_coordinator"]).post(
        BASE + "answer/commitment_strategy/",
        {"value": "no", "version": "0"},
        HTTP_HX_REQUEST="true",
    )
    body = reply.content.decode()
    assert "save-error" in body and "staff changed this answer" in body
    assert '"status": 409' in reply["HX-Trigger"]
    assert response.answers.get().value == "yes"


def test_the_comment_rule_is_kept_by_the_service(small_edition, directory, users):
    response = submitted(small_edition, directory, users)
    with pytest.raises(WorkflowError, match="under review"):  # the city cannot comment
        review_comment_add(
            response=response,
            question=None,
            user=users["city_coordinator"],
            text="Looks fine to us",
            actors=frozenset({Actor.CITY}),
        )
    comment = review_comment_add(
        response=response,
        question=None,
        user=users["expert"],
        text="Please add the budget.",
        actors=frozenset({Actor.EXPERT}),
    )
    assert list(response.comments.all()) == [comment]


def test_a_questionnaire_not_started_offers_no_submission_and_a_refused_one_writes_nothing(
    small_edition, directory, users
):
    city = client_for(users["city_coordinator"])
    fr_base = BASE.replace("/en/", "/fr/")
    overview = city.get(fr_base).content.decode()
    assert 'data-action="submit"' not in overview
    assert "Répondez d’abord aux questions" in overview  # what to do first
    # a submission posted anyway (an old tab) is refused, and nothing is written
    reply = city.post(fr_base + "action/", {"action": "submit"}, follow=True)
    assert not small_edition.responses.exists() and not ResponseEvent.objects.exists()
    assert "Questions obligatoires encore sans réponse" in reply.content.decode()
