"""Answering, the audit history, conflicts and the review workflow, on a real database."""

import pytest

from icc.index.models import AnswerRevision, ResponseEvent
from icc.index.services import (
    AnswerConflict,
    AnswerInvalid,
    answer_save,
    response_start,
    response_transition,
)
from icc.index.workflow import Action, Actor, WorkflowError

CITY = frozenset({Actor.CITY})
SECRETARIAT = frozenset({Actor.SECRETARIAT})
EXPERT = frozenset({Actor.EXPERT})


def q(edition, code):
    return edition.questions.get(code=code)


def save(response, question, value, version, user=None, evidence=""):
    return answer_save(
        response=response,
        question=question,
        value=value,
        evidence=evidence,
        links=[],
        expected_version=version,
        user=user,
    )


def test_import_keeps_labels_levels_and_points(small_edition):
    strategy = q(small_edition, "commitment_strategy")
    assert strategy.labels == {
        "en": "Question commitment_strategy?",
        "fr": "Question commitment_strategy ?",
    }
    assert strategy.level == "core" and strategy.scored and strategy.indicator == "commitment"
    assert [c["points"] for c in strategy.choices] == [100, 50, 0]
    assert not q(small_edition, "commitment_staff").scored
    assert list(small_edition.areas.values_list("code", flat=True)) == ["commitment", "education"]
    assert [i["code"] for i in small_edition.method["indicators"]] == ["commitment", "education"]


def test_every_change_is_kept_in_the_history(small_edition, users, directory):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    question = q(small_edition, "commitment_strategy")
    first = save(response, question, "no", 0, users["city_coordinator"], evidence="Council minutes")
    second = save(response, question, "yes", first.version, users["secretariat"])
    assert second.version == 2
    history = list(AnswerRevision.objects.filter(answer=second).order_by("version"))
    assert [(h.old_value, h.new_value, h.user.username) for h in history] == [
        (None, "no", "city"),
        ("no", "yes", "staff"),
    ]
    assert history[1].old_evidence == "Council minutes"


def test_second_editor_is_refused_not_overwritten(small_edition, users, directory):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    question = q(small_edition, "commitment_strategy")
    save(response, question, "partly", 0, users["city_coordinator"])
    with pytest.raises(AnswerConflict, match="after you opened the page"):
        save(response, question, "no", 0, users["secretariat"])  # loaded before the first save
    assert response.answers.get(question=question).value == "partly"


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("commitment_strategy", "maybe", "Choose one of the options"),
        ("commitment_staff", "many", "Enter a number"),
        ("commitment_staff", "2.5", "whole number"),
        ("commitment_staff", "5000", "from 0 to 1000"),
    ],
)
def test_invalid_values_are_refused_with_the_reason(small_edition, directory, code, value, message):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    with pytest.raises(AnswerInvalid, match=message):
        save(response, q(small_edition, code), value, 0)
    assert not response.answers.exists()


def test_submission_needs_required_answers_then_walks_the_workflow(small_edition, users, directory):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    with pytest.raises(WorkflowError, match="2 required questions"):
        response_transition(response=response, action=Action.SUBMIT, actors=CITY, user=None)
    save(response, q(small_edition, "commitment_strategy"), "yes", 0)
    save(response, q(small_edition, "education_mixing"), "partly", 0)
    response = response_transition(response=response, action=Action.SUBMIT, actors=CITY, user=None)
    assert response.state == "submitted"
    with pytest.raises(WorkflowError, match="no longer a draft"):
        save(response, q(small_edition, "education_training"), "yes", 0)
    with pytest.raises(WorkflowError, match="Only the place's experts or the secretariat can take"):
        response_transition(response=response, action=Action.START_REVIEW, actors=CITY, user=None)
    response_transition(response=response, action=Action.START_REVIEW, actors=EXPERT, user=None)
    with pytest.raises(WorkflowError, match="Only the secretariat can take the step “Validate”"):
        response_transition(response=response, action=Action.VALIDATE, actors=EXPERT, user=None)
    response_transition(response=response, action=Action.VALIDATE, actors=SECRETARIAT, user=None)
    response = response_transition(
        response=response, action=Action.PUBLISH, actors=SECRETARIAT, user=users["secretariat"]
    )
    assert response.state == "published" and response.published_at is not None
    assert list(
        ResponseEvent.objects.filter(response=response).values_list("to_state", flat=True)
    ) == [
        "submitted",
        "in_review",
        "validated",
        "published",
    ]


def test_request_changes_returns_the_response_to_its_city(small_edition, directory):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    save(response, q(small_edition, "commitment_strategy"), "yes", 0)
    save(response, q(small_edition, "education_mixing"), "yes", 0)
    response_transition(response=response, action=Action.SUBMIT, actors=CITY, user=None)
    response = response_transition(
        response=response,
        action=Action.REQUEST_CHANGES,
        actors=EXPERT,
        user=None,
        note="Add the council decision as evidence.",
    )
    assert response.state == "draft"
    assert response.events.last().note == "Add the council decision as evidence."


def test_skipped_required_question_is_not_required(small_edition, directory):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    save(response, q(small_edition, "commitment_strategy"), "no", 0)  # hides commitment_budget
    save(response, q(small_edition, "education_mixing"), "no", 0)
    assert response_transition(response=response, action=Action.SUBMIT, actors=CITY, user=None)
