"""Translated labels of the workflow (the workflow itself is pure)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from icc.index.workflow import Action, State

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
