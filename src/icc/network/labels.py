"""Translated labels of the lifecycle's statuses and steps (the lifecycle itself is pure)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from icc.network.lifecycle import Status, Step

STATUS_LABELS: dict[Status, Promise] = {
    Status.CANDIDATE: _("Candidate"),
    Status.MEMBER: _("Member"),
    Status.SUSPENDED: _("Suspended"),
    Status.LEFT: _("Left the network"),
}

STEP_LABELS: dict[Step, Promise] = {
    Step.CANDIDATE: _("Became a candidate"),
    Step.QUESTIONNAIRE_COMPLETED: _("Index questionnaire completed"),
    Step.INTENT_SIGNED: _("Statement of intent signed"),
    Step.AGREEMENT_SIGNED: _("Financial agreement signed"),
    Step.MEMBER: _("Member of the network"),
    Step.SUSPENDED: _("Membership suspended"),
    Step.LEFT: _("Left the network"),
}
