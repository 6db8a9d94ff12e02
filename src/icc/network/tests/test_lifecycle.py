"""Membership lifecycle: the rules table and the service that enforces it."""

import datetime as dt

import pytest

from icc.network.lifecycle import (
    ACCESSION_PATH,
    Status,
    Step,
    TransitionError,
    check_next,
    status_of,
)
from icc.network.services import membership_step_record


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
    with pytest.raises(TransitionError, match="questionnaire_completed"):
        membership_step_record(place=braga, step=Step.MEMBER, date=dt.date(2022, 1, 1))
    braga.refresh_from_db()
    assert braga.status == "candidate"
    assert braga.membership_steps.count() == 1


def test_service_refuses_a_date_before_the_latest_step(directory):
    with pytest.raises(ValueError, match="before the latest step"):
        membership_step_record(
            place=directory["braga"], step=Step.QUESTIONNAIRE_COMPLETED, date=dt.date(2000, 1, 1)
        )
