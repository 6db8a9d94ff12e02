"""Registration states and the rules between them. Plain Python: no Django, no I/O.

Rules
1. A new registration is PENDING when the event asks for approval; otherwise CONFIRMED when a
   seat is free, else WAITING.
2. Only CONFIRMED registrations hold a seat. No capacity means every seat is free.
3. APPROVE (secretariat): PENDING → CONFIRMED when a seat is free, else WAITING.
4. PROMOTE (automatic): WAITING → CONFIRMED, first in the queue first, each time a seat frees up
   (a withdrawal, a confirmed person rejected, the capacity raised) before the event starts;
   from the start on, the waiting list stays as it is.
5. WITHDRAW (the registrant): PENDING, CONFIRMED or WAITING → WITHDRAWN.
6. REJECT (secretariat): PENDING, WAITING or CONFIRMED → REJECTED.
7. WITHDRAWN and REJECTED are final: registering again makes a new registration.
"""

from enum import StrEnum


class State(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"


class Action(StrEnum):
    APPROVE = "approve"
    PROMOTE = "promote"
    WITHDRAW = "withdraw"
    REJECT = "reject"


#: States a registrant may still change or leave. A tuple, not a set: the database constraint on
#: registrations is built from it, and a set's order changes between runs, which made
#: `makemigrations` see a changed constraint at random.
ACTIVE_STATES: tuple[State, ...] = (State.PENDING, State.WAITING, State.CONFIRMED)

#: Rule table: the states each action starts from.
SOURCES: dict[Action, tuple[State, ...]] = {
    Action.APPROVE: (State.PENDING,),
    Action.PROMOTE: (State.WAITING,),
    Action.WITHDRAW: ACTIVE_STATES,
    Action.REJECT: ACTIVE_STATES,
}


class TransitionError(ValueError):
    """An action that the registration's state does not allow."""


def check(state: State, action: Action) -> None:
    """Raise ``TransitionError`` unless ``action`` may apply to a registration in ``state``."""
    if state not in SOURCES[action]:
        raise TransitionError(f"A registration that is {state.value} cannot {action.value}.")


def initial_state(*, requires_approval: bool, seat_free: bool) -> State:
    """Rule 1."""
    if requires_approval:
        return State.PENDING
    return State.CONFIRMED if seat_free else State.WAITING


def target(state: State, action: Action, *, seat_free: bool) -> State:
    """The state after ``action`` (rules 3 to 6); raises ``TransitionError`` when not allowed."""
    check(state, action)
    if action is Action.APPROVE:
        return State.CONFIRMED if seat_free else State.WAITING
    if action is Action.PROMOTE:
        return State.CONFIRMED
    if action is Action.WITHDRAW:
        return State.WITHDRAWN
    return State.REJECTED


def seats_free(*, capacity: int | None, confirmed: int) -> int | None:
    """Free seats (None: unlimited)."""
    if capacity is None:
        return None
    return max(capacity - confirmed, 0)
