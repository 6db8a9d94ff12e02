"""Review workflow of a city's response to an index edition: the rules as data.

Rules:
1. A city fills in a draft; only a draft can be edited.
2. Submitting needs every required, relevant question answered (checked by the service).
3. The secretariat or the city's expert takes a submitted response into review, comments on
   answers, and either requests changes (back to draft) or validates it.
4. The secretariat publishes validated responses; published results are public and ranked.
5. The secretariat may reopen a published or validated response for review.
6. The edition's phase limits who acts: in an open edition, everyone as above; in a closed
   edition, the city's response is read-only for the city (it can no longer start, answer or
   submit), while the experts and the secretariat finish the cycle (review, comment, request
   changes, validate, publish, reopen) and the secretariat may still correct a draft; reopening
   there takes a response back into review, never back to the city. An edition in preparation
   accepts no response at all (the secretariat previews its pages, read-only).

Pure Python, no Django.
"""

from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    VALIDATED = "validated"
    PUBLISHED = "published"


class Actor(StrEnum):
    CITY = "city"  # the place's coordinator
    EXPERT = "expert"  # an expert assigned to the place
    SECRETARIAT = "secretariat"


class Phase(StrEnum):
    """An edition's phase (its status, with the deadline applied)."""

    PREPARATION = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Action(StrEnum):
    SUBMIT = "submit"
    START_REVIEW = "start_review"
    REQUEST_CHANGES = "request_changes"
    VALIDATE = "validate"
    PUBLISH = "publish"
    REOPEN = "reopen"


# action → (states it starts from, state it leads to, who may take it)
TRANSITIONS: dict[Action, tuple[frozenset[State], State, frozenset[Actor]]] = {
    Action.SUBMIT: (
        frozenset({State.DRAFT}),
        State.SUBMITTED,
        frozenset({Actor.CITY, Actor.SECRETARIAT}),
    ),
    Action.START_REVIEW: (
        frozenset({State.SUBMITTED}),
        State.IN_REVIEW,
        frozenset({Actor.EXPERT, Actor.SECRETARIAT}),
    ),
    Action.REQUEST_CHANGES: (
        frozenset({State.SUBMITTED, State.IN_REVIEW}),
        State.DRAFT,
        frozenset({Actor.EXPERT, Actor.SECRETARIAT}),
    ),
    Action.VALIDATE: (
        frozenset({State.IN_REVIEW}),
        State.VALIDATED,
        frozenset({Actor.SECRETARIAT}),
    ),
    Action.PUBLISH: (
        frozenset({State.VALIDATED}),
        State.PUBLISHED,
        frozenset({Actor.SECRETARIAT}),
    ),
    Action.REOPEN: (
        frozenset({State.VALIDATED, State.PUBLISHED}),
        State.IN_REVIEW,
        frozenset({Actor.SECRETARIAT}),
    ),
}

EDITABLE_STATES = frozenset({State.DRAFT})
EDITORS = frozenset({Actor.CITY, Actor.SECRETARIAT})
COMMENTABLE_STATES = frozenset({State.SUBMITTED, State.IN_REVIEW})
COMMENTERS = frozenset({Actor.EXPERT, Actor.SECRETARIAT})


def phase_actors(phase: Phase, actors: frozenset[Actor]) -> frozenset[Actor]:
    """Rule 6: which of ``actors`` may act on a response in an edition in ``phase``."""
    if phase is Phase.OPEN:
        return actors
    if phase is Phase.CLOSED:
        return actors - {Actor.CITY}
    return frozenset()


def cities_answer(phase: Phase) -> bool:
    """Rule 6 for a city: whether cities may answer (start, change, submit) in ``phase``."""
    return Actor.CITY in phase_actors(phase, frozenset({Actor.CITY}))


def may_edit(state: State, actors: frozenset[Actor]) -> bool:
    """Rule 1: the city (or the secretariat) edits answers of a draft only."""
    return state in EDITABLE_STATES and bool(actors & EDITORS)


def may_comment(state: State, actors: frozenset[Actor]) -> bool:
    """Rule 3: the expert or the secretariat comments while the response is under review."""
    return state in COMMENTABLE_STATES and bool(actors & COMMENTERS)


class WorkflowError(ValueError):
    """An action that the workflow does not allow now, or not to this person."""


class TransitionRefused(WorkflowError):
    """``action`` refused on a response in ``state``: ``sources`` are the states it starts from,
    ``allowed`` who may take it; ``wrong_state`` says which of the two refused it. The message
    is plain English with codes; people read ``labels.refusal_text`` in their language."""

    def __init__(
        self,
        *,
        state: State,
        action: Action,
        sources: frozenset[State],
        allowed: frozenset[Actor],
        wrong_state: bool,
    ) -> None:
        self.state, self.action, self.sources, self.allowed = state, action, sources, allowed
        self.wrong_state = wrong_state
        if wrong_state:
            message = (
                f"A response that is '{state.value}' cannot be '{action.value}'; this is "
                f"possible only from: {', '.join(sorted(s.value for s in sources))}."
            )
        else:
            message = (
                f"Only {' or '.join(sorted(a.value for a in allowed))} can {action.value} a "
                "response."
            )
        super().__init__(message)


def next_state(state: State, action: Action, actors: frozenset[Actor]) -> State:
    """The state after ``action``; raises ``TransitionRefused`` with the reason otherwise."""
    sources, target, allowed = TRANSITIONS[action]
    if state not in sources or not actors & allowed:
        raise TransitionRefused(
            state=state,
            action=action,
            sources=sources,
            allowed=allowed,
            wrong_state=state not in sources,
        )
    return target


def available_actions(state: State, actors: frozenset[Actor]) -> list[Action]:
    """The actions these actors may take on a response in ``state``, in table order."""
    return [
        action
        for action, (sources, _target, allowed) in TRANSITIONS.items()
        if state in sources and actors & allowed
    ]
