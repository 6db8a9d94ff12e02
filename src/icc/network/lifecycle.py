"""Membership lifecycle of a place: the rules as data.

Rules:
1. A place enters as a candidate, then completes the index questionnaire, signs the statement of
   intent, signs the financial agreement and becomes a member — in that order.
2. A member may be suspended and reinstated; anyone may leave; a place that left may apply again.
3. The current status is the status of the latest step; steps of the same day keep their order.

Pure Python: no Django, so the rules can be read and tested alone.
"""

from collections.abc import Sequence
from enum import StrEnum


class Step(StrEnum):
    CANDIDATE = "candidate"
    QUESTIONNAIRE_COMPLETED = "questionnaire_completed"
    INTENT_SIGNED = "intent_signed"
    AGREEMENT_SIGNED = "agreement_signed"
    MEMBER = "member"
    SUSPENDED = "suspended"
    LEFT = "left"


class Status(StrEnum):
    CANDIDATE = "candidate"
    MEMBER = "member"
    SUSPENDED = "suspended"
    LEFT = "left"


# step → the status a place has after it
STATUS_AFTER: dict[Step, Status] = {
    Step.CANDIDATE: Status.CANDIDATE,
    Step.QUESTIONNAIRE_COMPLETED: Status.CANDIDATE,
    Step.INTENT_SIGNED: Status.CANDIDATE,
    Step.AGREEMENT_SIGNED: Status.CANDIDATE,
    Step.MEMBER: Status.MEMBER,
    Step.SUSPENDED: Status.SUSPENDED,
    Step.LEFT: Status.LEFT,
}

# previous step (None: no step yet) → steps allowed next
ALLOWED_NEXT: dict[Step | None, frozenset[Step]] = {
    None: frozenset({Step.CANDIDATE}),
    Step.CANDIDATE: frozenset({Step.QUESTIONNAIRE_COMPLETED, Step.LEFT}),
    Step.QUESTIONNAIRE_COMPLETED: frozenset({Step.INTENT_SIGNED, Step.LEFT}),
    Step.INTENT_SIGNED: frozenset({Step.AGREEMENT_SIGNED, Step.LEFT}),
    Step.AGREEMENT_SIGNED: frozenset({Step.MEMBER, Step.LEFT}),
    Step.MEMBER: frozenset({Step.SUSPENDED, Step.LEFT}),
    Step.SUSPENDED: frozenset({Step.MEMBER, Step.LEFT}),
    Step.LEFT: frozenset({Step.CANDIDATE}),
}

# the path a new place walks to membership, in order
ACCESSION_PATH: tuple[Step, ...] = (
    Step.CANDIDATE,
    Step.QUESTIONNAIRE_COMPLETED,
    Step.INTENT_SIGNED,
    Step.AGREEMENT_SIGNED,
    Step.MEMBER,
)


class TransitionError(ValueError):
    """A step that the lifecycle does not allow after the previous one."""


def check_next(previous: Step | None, step: Step) -> None:
    """Raise ``TransitionError`` unless ``step`` may follow ``previous``."""
    allowed = ALLOWED_NEXT[previous]
    if step not in allowed:
        expected = ", ".join(sorted(s.value for s in allowed))
        after = previous.value if previous else "nothing"
        raise TransitionError(
            f"The step '{step.value}' cannot follow '{after}'; the next step must be one of: "
            f"{expected}."
        )


def status_of(steps: Sequence[Step]) -> Status | None:
    """The status after a sequence of steps in date order (None when there is none)."""
    return STATUS_AFTER[steps[-1]] if steps else None
