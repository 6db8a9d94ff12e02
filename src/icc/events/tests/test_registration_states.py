"""The registration state rules (``registration_states``), as a table."""

import pytest

from icc.events.registration_states import (
    Action,
    State,
    TransitionError,
    initial_state,
    seats_free,
    target,
)

P, C, W, X, R = State.PENDING, State.CONFIRMED, State.WAITING, State.WITHDRAWN, State.REJECTED


@pytest.mark.parametrize(
    ("approval", "seat", "expected"),
    [(True, True, P), (True, False, P), (False, True, C), (False, False, W)],
)
def test_initial_state(approval, seat, expected):
    assert initial_state(requires_approval=approval, seat_free=seat) is expected


# (state, action, seat free) → next state, or None when refused
TABLE = [
    (P, Action.APPROVE, True, C),
    (P, Action.APPROVE, False, W),
    (W, Action.APPROVE, True, None),
    (C, Action.APPROVE, True, None),
    (W, Action.PROMOTE, True, C),
    (P, Action.PROMOTE, True, None),
    (C, Action.PROMOTE, True, None),
    (P, Action.WITHDRAW, True, X),
    (C, Action.WITHDRAW, True, X),
    (W, Action.WITHDRAW, True, X),
    (X, Action.WITHDRAW, True, None),
    (R, Action.WITHDRAW, True, None),
    (P, Action.REJECT, True, R),
    (W, Action.REJECT, True, R),
    (C, Action.REJECT, True, R),
    (X, Action.REJECT, True, None),
    (R, Action.REJECT, True, None),
]


@pytest.mark.parametrize(("state", "action", "seat", "expected"), TABLE)
def test_transitions(state, action, seat, expected):
    if expected is None:
        with pytest.raises(TransitionError):
            target(state, action, seat_free=seat)
    else:
        assert target(state, action, seat_free=seat) is expected


@pytest.mark.parametrize(
    ("capacity", "confirmed", "free"), [(None, 5, None), (2, 0, 2), (2, 2, 0), (2, 3, 0)]
)
def test_seats_free(capacity, confirmed, free):
    assert seats_free(capacity=capacity, confirmed=confirmed) == free
