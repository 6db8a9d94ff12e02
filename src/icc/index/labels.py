"""Translated labels of the workflow (the workflow itself is pure)."""

from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from icc.index.workflow import Action, Actor, Phase, State, TransitionRefused

STATE_LABELS: dict[State, Promise] = {
    State.DRAFT: _("Draft"),
    State.SUBMITTED: _("Submitted"),
    State.IN_REVIEW: _("In review"),
    State.VALIDATED: _("Validated"),
    State.PUBLISHED: _("Published"),
}

ACTION_LABELS: dict[Action, Promise] = {
    Action.SUBMIT: _("Submit for review"),
    Action.START_REVIEW: _("Start the review"),
    Action.REQUEST_CHANGES: _("Request changes"),
    Action.VALIDATE: _("Validate"),
    Action.PUBLISH: _("Publish"),
    Action.REOPEN: _("Reopen for review"),
}

ACTOR_LABELS: dict[Actor, Promise] = {
    Actor.CITY: _("the place's coordinators"),
    Actor.EXPERT: _("the place's experts"),
    Actor.SECRETARIAT: _("the secretariat"),
}


def refusal_text(refused: TransitionRefused) -> str:
    """Why the workflow refused a step, in the reader's language, with labels for codes."""
    action = ACTION_LABELS[refused.action]
    if refused.wrong_state:
        return gettext(
            "“%(action)s” is not possible while the questionnaire is “%(state)s”; this step is "
            "taken when it is: %(states)s."
        ) % {
            "action": action,
            "state": STATE_LABELS[refused.state],
            "states": ", ".join(
                gettext("“%(state)s”") % {"state": STATE_LABELS[s]}
                for s in State
                if s in refused.sources
            ),
        }
    return gettext("Only %(who)s can take the step “%(action)s”.") % {
        "action": action,
        "who": gettext(" or ").join(str(ACTOR_LABELS[a]) for a in Actor if a in refused.allowed),
    }


def phase_text(phase: Phase, deadline: date | None, today: date) -> str:
    """Why cities cannot answer an edition now ("" when it is open), in the reader's language:
    a closed edition says since when when its deadline has passed."""
    if phase is Phase.PREPARATION:
        return gettext(
            "This edition is in preparation: it does not accept answers yet. Its pages can be "
            "previewed, read-only."
        )
    if phase is Phase.OPEN:
        return ""
    if deadline is not None and deadline < today:
        return gettext(
            "This edition is closed since %(date)s: cities can no longer start, change or "
            "submit its questionnaires; the review of those submitted goes on."
        ) % {"date": date_format(deadline + timedelta(days=1), "DATE_FORMAT")}
    return gettext(
        "This edition is closed: cities can no longer start, change or submit its "
        "questionnaires; the review of those submitted goes on."
    )
