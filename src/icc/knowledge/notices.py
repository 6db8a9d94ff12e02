"""Who hears about each step of a good practice's moderation, and what they read.

Submitted → the secretariat; changes requested → the city coordinators of the practice's
places, with the note; published, unpublished → the city coordinators. The person who took the
step is not told what they just did. Texts are written in each reader's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from icc.accounts.selectors import Role, people_of_place, secretariat_people
from icc.knowledge.models import GoodPractice
from icc.knowledge.workflow import Action
from icc.notifications.kinds import notification_kind_register
from icc.notifications.services import notification_send

if TYPE_CHECKING:
    from icc.accounts.models import User

KINDS = {
    Action.SUBMIT: (
        "knowledge.submitted",
        gettext_lazy("A good practice is submitted for publication"),
    ),
    Action.REQUEST_CHANGES: (
        "knowledge.changes_requested",
        gettext_lazy("Changes are requested on my city's good practice"),
    ),
    Action.PUBLISH: ("knowledge.published", gettext_lazy("My city's good practice is published")),
    Action.UNPUBLISH: (
        "knowledge.unpublished",
        gettext_lazy("My city's good practice is withdrawn from publication"),
    ),
}


def notice_kinds_register() -> None:
    """Declare the knowledge base's kinds of notice (once, in ``KnowledgeConfig.ready``)."""
    for code, label in KINDS.values():
        notification_kind_register(code=code, label=label)


def _title(action: Action, title: str) -> str:
    titles = {
        Action.SUBMIT: _("Good practice submitted for publication: %(title)s"),
        Action.REQUEST_CHANGES: _("Changes requested on the good practice %(title)s"),
        Action.PUBLISH: _("Good practice published: %(title)s"),
        Action.UNPUBLISH: _("Good practice withdrawn from publication: %(title)s"),
    }
    return titles[action] % {"title": title}


def practice_step_notify(
    *, practice: GoodPractice, action: Action, actor: User | None, note: str = ""
) -> None:
    """Tell the people concerned by ``action`` on ``practice`` (inside the caller's
    transaction: the notices exist only if the step commits)."""
    if action == Action.SUBMIT:
        people = secretariat_people()
    else:
        people = []
        for place in practice.places.all():
            people += people_of_place(place_id=place.pk, roles=[Role.CITY_COORDINATOR])
    recipients = {p.pk: p for p in people if actor is None or p.pk != actor.pk}
    if not recipients:
        return
    kind = KINDS[action][0]
    slug = practice.slug

    def text() -> tuple[str, str]:
        return _title(action, practice.title), note

    def url() -> str:
        if action == Action.SUBMIT:
            return reverse("knowledge:moderation")
        return reverse("knowledge:practice_detail", kwargs={"slug": slug})

    notification_send(recipients=recipients.values(), kind=kind, text=text, url=url)
