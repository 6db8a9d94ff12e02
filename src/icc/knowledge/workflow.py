"""The moderation workflow of a good practice, as a pure core (no Django).

Rules held here:

- A practice is written as a **draft** (by a city coordinator, or from an answer to a call for
  practices), **submitted** by its city, then the secretariat either **publishes** it or
  **requests changes** (back to the city, which edits and submits again).
- The secretariat may **unpublish** a published practice: it goes back to draft, off every
  public page, and can be submitted and published again.
- A city coordinator edits a practice only while it is a draft or changes are requested; the
  secretariat may edit at any step.
"""

from __future__ import annotations

import enum


class State(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"


class Action(enum.StrEnum):
    SUBMIT = "submit"
    REQUEST_CHANGES = "request_changes"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"


class Actor(enum.StrEnum):
    CITY = "city"
    SECRETARIAT = "secretariat"


# action -> (states it starts from, state it leads to, who may take it)
TRANSITIONS: dict[Action, tuple[frozenset[State], State, frozenset[Actor]]] = {
    Action.SUBMIT: (
        frozenset({State.DRAFT, State.CHANGES_REQUESTED}),
        State.SUBMITTED,
        frozenset({Actor.CITY, Actor.SECRETARIAT}),
    ),
    Action.REQUEST_CHANGES: (
        frozenset({State.SUBMITTED}),
        State.CHANGES_REQUESTED,
        frozenset({Actor.SECRETARIAT}),
    ),
    Action.PUBLISH: (
        frozenset({State.SUBMITTED, State.DRAFT, State.CHANGES_REQUESTED}),
        State.PUBLISHED,
        frozenset({Actor.SECRETARIAT}),
    ),
    Action.UNPUBLISH: (
        frozenset({State.PUBLISHED}),
        State.DRAFT,
        frozenset({Actor.SECRETARIAT}),
    ),
}


class TransitionError(Exception):
    """The action is not possible from this state, or not for this actor."""


def transition(*, state: State, action: Action, actors: frozenset[Actor]) -> State:
    """The state ``action`` leads to from ``state`` when taken by someone with ``actors``."""
    sources, target, allowed = TRANSITIONS[action]
    if not actors & allowed:
        raise TransitionError(f"{action} is not allowed for {sorted(actors)}")
    if state not in sources:
        raise TransitionError(f"{action} is not possible from {state}")
    return target


def actions_available(*, state: State, actors: frozenset[Actor]) -> list[Action]:
    """The actions someone with ``actors`` may take from ``state``, in a fixed order."""
    return [
        action
        for action, (sources, _target, allowed) in TRANSITIONS.items()
        if state in sources and actors & allowed
    ]


def editable(*, state: State, actors: frozenset[Actor]) -> bool:
    """Whether someone with ``actors`` may edit a practice in ``state``."""
    if Actor.SECRETARIAT in actors:
        return True
    return Actor.CITY in actors and state in {State.DRAFT, State.CHANGES_REQUESTED}
