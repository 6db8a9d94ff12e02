"""An edition's status is kept by the services: cities answer an open edition only; in a closed
one reviewers finish the cycle; an edition in preparation takes no response. Cities find the
open editions they have not started; whole-response comments are shown."""

import datetime as dt

import pytest

from icc.conftest import client_for
from icc.index.models import Edition, Response, ReviewComment
from icc.index.services import (
    answer_save,
    edition_import_xlsform,
    response_start,
    response_transition,
)
from icc.index.tests.conftest import SMALL_SOURCE, answers_save
from icc.index.tests.test_index_review import BASE, submitted
from icc.index.tests.test_index_services import CITY, SECRETARIAT
from icc.index.workflow import Action, WorkflowError
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write

FR_BASE = BASE.replace("/en/", "/fr/")


def close(edition, *, status=Edition.Status.CLOSED, deadline=dt.date(2024, 3, 31)):
    edition.status, edition.deadline = status, deadline
    edition.save(update_fields=["status", "deadline"])


def test_a_city_cannot_start_answer_or_submit_a_closed_edition(small_edition, directory, users):
    close(small_edition)
    city = client_for(users["city_coordinator"])
    reply = city.post(
        BASE + "answer/commitment_strategy/",
        {"value": "yes", "version": "0"},
        HTTP_HX_REQUEST="true",
    )
    assert reply.status_code == 200
    assert "This edition is closed since 1 April 2024" in reply.content.decode()
    reply = city.post(BASE + "action/", {"action": "submit"}, follow=True)
    assert "This edition is closed since 1 April 2024" in reply.content.decode()
    assert not Response.objects.exists()  # nothing was started
    with pytest.raises(WorkflowError, match="closed"):
        response_start(place=directory["bilbao"], edition=small_edition, actors=CITY)
    page = client_for(users["city_coordinator"]).get(FR_BASE).content.decode()
    assert "Cette édition est close depuis le 1 avril 2024" in page
    assert 'data-action="submit"' not in page


def test_a_closed_edition_is_read_only_for_its_city(small_edition, directory, users):
    response = response_start(place=directory["bilbao"], edition=small_edition)
    answers_save(response, {"commitment_strategy": "yes", "education_mixing": "yes"})
    close(small_edition, deadline=None)
    question = small_edition.questions.get(code="commitment_strategy")
    with pytest.raises(WorkflowError, match="This edition is closed:"):
        answer_save(
            response=response, question=question, value="no", evidence="", links=[],
            expected_version=1, user=users["city_coordinator"], actors=CITY,
        )  # fmt: skip
    with pytest.raises(WorkflowError, match="This edition is closed:"):
        response_transition(response=response, action=Action.SUBMIT, actors=CITY, user=None)
    city = client_for(users["city_coordinator"])
    reply = city.post(
        BASE + "answer/commitment_strategy/", {"value": "no", "version": "1"}, follow=True
    )
    assert "This edition is closed:" in reply.content.decode()
    area = city.get(BASE + "area/commitment/").content.decode()
    assert "This edition is closed:" in area and "<fieldset disabled>" in area
    assert response.answers.get(question=question).value == "yes"
    # the secretariat may still correct a draft and submit it for the city
    answer_save(
        response=response, question=question, value="partly", evidence="", links=[],
        expected_version=1, user=users["secretariat"], actors=SECRETARIAT,
    )  # fmt: skip
    response_transition(response=response, action=Action.SUBMIT, actors=SECRETARIAT, user=None)


def test_reviewers_finish_the_cycle_after_the_closing_date(small_edition, directory, users):
    response = submitted(small_edition, directory, users)
    close(small_edition, status=Edition.Status.OPEN)  # open, but past its deadline
    expert, secretariat = client_for(users["expert"]), client_for(users["secretariat"])
    expert.post(BASE + "action/", {"action": "start_review"})
    expert.post(BASE + "comment/", {"question": "", "text": "Late but complete."})
    for action in ("validate", "publish", "reopen"):
        secretariat.post(BASE + "action/", {"action": action})
    response.refresh_from_db()
    assert response.state == "in_review"  # reopened into review, not back to the city
    assert [e.action for e in response.events.all()] == [
        "submit", "start_review", "validate", "publish", "reopen",
    ]  # fmt: skip
    overview = secretariat.get(BASE).content.decode()
    assert "it goes back into review, not to its city" not in overview  # in review now
    secretariat.post(BASE + "action/", {"action": "request_changes", "note": "Fix Q1."})
    response.refresh_from_db()
    assert response.state == "draft"
    assert (
        not client_for(users["city_coordinator"])
        .get(BASE + "area/commitment/")
        .context["access"]
        .can_edit
    )


def test_an_edition_in_preparation_takes_no_response_and_stays_replaceable(
    small_edition, directory, users
):
    close(small_edition, status=Edition.Status.DRAFT, deadline=None)
    for who in ("city_coordinator", "secretariat"):
        client = client_for(users[who])
        reply = client.post(
            BASE + "answer/commitment_strategy/",
            {"value": "yes", "version": "0"},
            HTTP_HX_REQUEST="true",
        )
        assert "This edition is in preparation" in reply.content.decode()
        reply = client.post(BASE + "action/", {"action": "submit"}, follow=True)
        assert reply.status_code == 200 and "in preparation" in reply.content.decode()
    with pytest.raises(WorkflowError, match="in preparation"):
        response_start(place=directory["bilbao"], edition=small_edition)
    preview = client_for(users["secretariat"]).get(BASE + "area/commitment/")
    assert (
        preview.status_code == 200 and "This edition is in preparation" in preview.content.decode()
    )
    assert not Response.objects.exists()
    again = edition_import_xlsform(
        filename="test.xlsx", content=form_write(form_from_source(SMALL_SOURCE)), name="test"
    )
    assert again.edition is not None


def test_a_new_city_is_offered_the_open_editions_it_has_not_started(
    small_edition, directory, users
):
    small_edition.deadline = dt.date(2099, 6, 30)
    small_edition.save(update_fields=["deadline"])
    city = client_for(users["city_coordinator"])
    home = city.get("/en/index/").content.decode()
    assert "Start the questionnaire: Test edition" in home and "30 June 2099" in home
    assert 'href="/en/index/test/places/bilbao/"' in home
    assert "Commencer le questionnaire : Édition de test" in city.get("/fr/index/").content.decode()
    place = city.get("/en/network/places/bilbao/").content.decode()
    assert "Start the questionnaire: Test edition" in place
    assert (
        "Start the questionnaire"
        not in client_for(users["expert"]).get("/en/index/").content.decode()
    )
    assert city.get(BASE).status_code == 200
    assert not Response.objects.exists()  # the page only shows
    response_start(place=directory["bilbao"], edition=small_edition)
    assert "Start the questionnaire" not in city.get("/en/index/").content.decode()
    Response.objects.all().delete()
    close(small_edition)
    assert "Start the questionnaire" not in city.get("/en/index/").content.decode()
    assert "Start the questionnaire" not in city.get("/en/network/places/bilbao/").content.decode()


def test_whole_response_comments_are_shown_and_written_on_the_overview(
    small_edition, directory, users
):
    submitted(small_edition, directory, users)
    expert = client_for(users["expert"])
    expert.post(BASE + "action/", {"action": "start_review"})
    assert "Reviewer's comment on the whole questionnaire" in expert.get(BASE).content.decode()
    reply = expert.post(BASE + "comment/", {"question": "", "text": "Overall well documented."})
    assert reply["Location"].endswith("/index/test/places/bilbao/")
    overview = client_for(users["city_coordinator"]).get(BASE).content.decode()
    assert "Comments on the whole questionnaire" in overview
    assert "Overall well documented." in overview
    reply = expert.post(BASE + "comment/", {"question": "nope", "text": "Lost?"}, follow=True)
    assert (
        "This edition has no question “nope”; the comment was not saved."
        in (reply.content.decode())
        and "Lost?" in reply.content.decode()
    )
    assert ReviewComment.objects.count() == 1
