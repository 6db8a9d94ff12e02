"""Membership lifecycle: the rules table and the service that enforces it."""

import datetime as dt

import pytest
from django.utils import translation

from icc.network.lifecycle import (
    ACCESSION_PATH,
    Status,
    Step,
    TransitionError,
    check_next,
    status_of,
)
from icc.network.services import MembershipStepError, membership_step_record


@pytest.mark.parametrize(
    ("previous", "step", "ok"),
    [
        (None, Step.CANDIDATE, True),
        (None, Step.MEMBER, False),
        (Step.CANDIDATE, Step.QUESTIONNAIRE_COMPLETED, True),
        (Step.CANDIDATE, Step.INTENT_SIGNED, False),
        (Step.QUESTIONNAIRE_COMPLETED, Step.INTENT_SIGNED, True),
        (Step.INTENT_SIGNED, Step.AGREEMENT_SIGNED, True),
        (Step.INTENT_SIGNED, Step.MEMBER, False),
        (Step.AGREEMENT_SIGNED, Step.MEMBER, True),
        (Step.MEMBER, Step.SUSPENDED, True),
        (Step.SUSPENDED, Step.MEMBER, True),
        (Step.MEMBER, Step.LEFT, True),
        (Step.LEFT, Step.MEMBER, False),
        (Step.LEFT, Step.CANDIDATE, True),
    ],
)
def test_transition_table(previous, step, ok):
    if ok:
        check_next(previous, step)
    else:
        with pytest.raises(TransitionError, match="cannot follow"):
            check_next(previous, step)


def test_status_follows_the_latest_step():
    assert status_of([]) is None
    assert status_of(list(ACCESSION_PATH[:3])) is Status.CANDIDATE
    assert status_of(list(ACCESSION_PATH)) is Status.MEMBER
    assert status_of([*ACCESSION_PATH, Step.SUSPENDED]) is Status.SUSPENDED


def test_service_updates_status_and_member_since(directory):
    braga = directory["braga"]
    assert braga.status == "candidate"
    day = dt.date(2021, 1, 1)
    for step in ACCESSION_PATH[1:]:
        day += dt.timedelta(days=40)
        membership_step_record(place=braga, step=step, date=day)
    braga.refresh_from_db()
    assert braga.status == "member"
    assert braga.member_since == day
    membership_step_record(place=braga, step=Step.SUSPENDED, date=day + dt.timedelta(days=10))
    membership_step_record(place=braga, step=Step.MEMBER, date=day + dt.timedelta(days=20))
    braga.refresh_from_db()
    assert braga.member_since == day, "reinstatement keeps the original membership date"


def test_service_refuses_a_skipped_step_and_keeps_the_status(directory):
    braga = directory["braga"]
    with pytest.raises(MembershipStepError) as refused:
        membership_step_record(place=braga, step=Step.MEMBER, date=dt.date(2022, 1, 1))
    assert str(refused.value) == (
        "The next membership step of Braga cannot be recorded: “Member of the network” cannot "
        "follow “Became a candidate”; the next step is one of: Index questionnaire completed, "
        "Left the network."
    )
    braga.refresh_from_db()
    assert braga.status == "candidate"
    assert braga.membership_steps.count() == 1


def test_service_refuses_a_date_before_the_latest_step(directory):
    with pytest.raises(MembershipStepError, match="before the latest step"):
        membership_step_record(
            place=directory["braga"], step=Step.QUESTIONNAIRE_COMPLETED, date=dt.date(2000, 1, 1)
        )


def test_the_service_says_in_french_what_was_wrong_and_what_to_record_instead(directory):
    """The shell, the demo and the admin reach the service: its refusals follow the active
    language, name the place and say which step may come next."""
    braga = directory["braga"]
    with translation.override("fr"):
        with pytest.raises(MembershipStepError) as skipped:
            membership_step_record(place=braga, step=Step.MEMBER, date=dt.date(2022, 1, 1))
        with pytest.raises(MembershipStepError) as too_early:
            membership_step_record(
                place=braga, step=Step.QUESTIONNAIRE_COMPLETED, date=dt.date(2000, 1, 1)
            )
        with pytest.raises(MembershipStepError) as unknown:
            membership_step_record(place=braga, step="memebr", date=dt.date(2022, 1, 1))
    assert str(skipped.value) == (
        "L'étape d'adhésion suivante de Braga ne peut pas être enregistrée : « Membre du réseau » "
        "ne peut pas suivre « Devenue candidate » ; l'étape suivante est l'une de celles-ci : "
        "Questionnaire de l'Index rempli, A quitté le réseau."
    )
    assert str(too_early.value) == (
        "L'étape d'adhésion suivante de Braga ne peut pas être enregistrée : Cette date précède "
        "la dernière étape (2020-01-01). Enregistrez les étapes dans l'ordre où elles ont eu lieu."
    )
    assert str(unknown.value) == (
        "« memebr » n'est pas une étape d'adhésion ; utilisez l'une de celles-ci : candidate, "
        "questionnaire_completed, intent_signed, agreement_signed, member, suspended, left."
    )
    assert braga.membership_steps.count() == 1
