"""Services with the real database: content loading, versions, responses, group sessions."""

import pytest
from django.utils import translation

from icc.citizenship.content import content_load
from icc.citizenship.models import ContentVersion, Option, Response, VersionStatus
from icc.citizenship.selectors import content_languages, content_view, scoring_spec
from icc.citizenship.services import (
    CitizenshipError,
    answer_record,
    group_close,
    group_create,
    response_complete,
    response_continue_alone,
    response_start,
    response_submit,
    version_draft_create,
    version_publish,
)
from icc.citizenship.tests.conftest import option_at


def answer_first_question(response: Response, option: Option) -> None:
    """Record ``option`` (it may belong to another question) as the answer to question 1."""
    answer_record(
        response=response, question_id=response.version.questions.first().pk, option_id=option.pk
    )


def test_content_loads_once_with_18_questions_in_english_and_french(version):
    assert version.status == VersionStatus.PUBLISHED
    assert version.questions.count() == 18
    assert list(version.dimensions.values_list("code", flat=True)) == [
        "openness",
        "rights",
        "advantage",
        "action",
        "interaction",
    ]
    assert [lang.code for lang in content_languages(version=version)] == ["en", "fr"]
    french = content_view(version=version, language="fr")
    assert french.questions[0].text.startswith("Une famille venue d'un autre pays")
    assert french.questions[1].options[0].text == "Tout à fait moi"
    assert content_load() is None  # idempotent: the secretariat owns the content afterwards
    assert ContentVersion.objects.count() == 2  # version 1 and its revision, version 2


def test_a_statement_question_scores_on_the_likert_scale(version):
    question = version.questions.get(code="many-cultures-ideas")
    assert [o.points for o in question.options.all()] == [
        {"advantage": 3},
        {"advantage": 2},
        {"advantage": 1},
        {},
    ]


def test_every_dimension_can_reach_100_and_0(version):
    spec = scoring_spec(version=version)
    for dimension in spec.dimensions:
        best = {
            q.question_id: max(q.options, key=lambda o: o.points.get(dimension, 0)).option_id
            for q in spec.questions
        }
        response = response_submit(version=version, language="en", answers=best)
        assert response.scores[dimension] == 100.0
        least = {
            q.question_id: min(q.options, key=lambda o: o.points.get(dimension, 0)).option_id
            for q in spec.questions
        }
        response = response_submit(version=version, language="en", answers=least)
        assert response.scores[dimension] == 0.0


def test_a_response_is_scored_when_complete_and_then_frozen(version):
    response = response_start(version=version, language="fr", city="  Getxo ")
    assert response.city == "Getxo"
    for question in version.questions.all():
        answer_record(
            response=response, question_id=question.pk, option_id=question.options.first().pk
        )
    response = response_complete(response=response)
    assert response.completed_at is not None
    assert set(response.scores) == {"openness", "rights", "advantage", "action", "interaction"}
    assert response.leading in response.scores
    with pytest.raises(CitizenshipError, match="already finished"):
        answer_first_question(response, option_at(version, 1, 2))


def test_completing_with_open_questions_says_how_many(version):
    response = response_start(version=version, language="en")
    answer_first_question(response, option_at(version, 1, 1))
    with pytest.raises(CitizenshipError, match="17 still open"):
        response_complete(response=response)


def test_an_option_of_another_question_is_refused(version):
    response = response_start(version=version, language="en")
    with pytest.raises(CitizenshipError, match="Choose one of the answers"):
        answer_first_question(response, option_at(version, 2, 1))


def test_answering_again_replaces_the_answer(version):
    response = response_start(version=version, language="en")
    answer_first_question(response, option_at(version, 1, 1))
    answer_first_question(response, option_at(version, 1, 3))
    assert list(response.answers.values_list("option_id", flat=True)) == [
        option_at(version, 1, 3).pk
    ]


def test_submit_needs_every_question_once(version):
    with pytest.raises(CitizenshipError, match="each of the 18 questions"):
        response_submit(
            version=version,
            language="en",
            answers={version.questions.first().pk: option_at(version, 1, 1).pk},
        )
    assert not Response.objects.exists()


def test_a_draft_copies_every_language_and_point_and_publishing_retires_the_old(version):
    draft = version_draft_create(source=version)
    assert (draft.number, draft.status) == (3, VersionStatus.DRAFT)
    for language in ("en", "fr"):
        with translation.override(language):
            assert draft.title == version.title
    assert draft.questions.count() == 18
    assert (
        Option.objects.filter(question__version=draft).count()
        == Option.objects.filter(question__version=version).count()
    )
    copied = draft.questions.get(code="new-neighbours").options.first()
    with translation.override("fr"):
        assert (copied.text, copied.points) == (
            option_at(version, 1, 1).text,
            option_at(version, 1, 1).points,
        )
        assert copied.text.startswith("Me présenter")
    version_publish(version=draft)
    version.refresh_from_db()
    assert version.status == VersionStatus.RETIRED
    with pytest.raises(CitizenshipError, match="Only a draft"):
        version_publish(version=draft)


def test_a_draft_with_points_for_an_unknown_dimension_cannot_be_published(version):
    draft = version_draft_create(source=version)
    Option.objects.filter(question__version=draft).update(points={"kindness": 2})
    with pytest.raises(CitizenshipError, match="kindness"):
        version_publish(version=draft)


def test_a_closed_group_takes_no_joins_and_no_answers(version):
    group = group_create(version=version, title="  Salle   des fêtes ", created_by_id=None)
    assert len(group.code) == 6 and group.title == "Salle des fêtes"
    response = response_start(version=version, language="en", group=group)
    group_close(group=group)
    with pytest.raises(CitizenshipError, match="closed"):
        answer_first_question(response, option_at(version, 1, 1))
    with pytest.raises(CitizenshipError, match="closed"):
        response_start(version=version, language="en", group=group)


def test_going_on_alone_only_once_the_session_is_closed_and_never_touching_the_group(version):
    group = group_create(version=version, title="", created_by_id=None)
    joined = response_start(version=version, language="fr", city="Getxo", group=group)
    first = option_at(version, 1, 3)
    answer_record(response=joined, question_id=first.question_id, option_id=first.pk)
    with pytest.raises(CitizenshipError, match="still open"):
        response_continue_alone(response=joined)
    group_close(group=group)
    second = option_at(version, 2, 1)
    alone = response_continue_alone(
        response=joined, question_id=second.question_id, option_id=second.pk
    )
    assert alone.pk != joined.pk and alone.group is None
    assert (alone.language, alone.city) == ("fr", "Getxo")
    assert set(alone.answers.values_list("option_id", flat=True)) == {first.pk, second.pk}
    assert list(joined.answers.values_list("option_id", flat=True)) == [first.pk]
    assert response_continue_alone(response=alone).pk == alone.pk  # a second click: the same
