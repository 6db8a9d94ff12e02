"""Who hears about each step of the review workflow, and what they read.

Submitted → the secretariat and the place's experts; changes requested → the place's city
coordinators, with the note; validated, published, reopened → the city coordinators. The person
who took the step is not told what they just did. Texts are written in each reader's language.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from icc.accounts.selectors import Role, people_of_place, secretariat_people
from icc.index.models import Response
from icc.index.workflow import Action
from icc.notifications.kinds import notification_kind_register
from icc.notifications.services import notification_send

KINDS = {
    Action.SUBMIT: ("index.submitted", gettext_lazy("A questionnaire is submitted for review")),
    Action.REQUEST_CHANGES: (
        "index.changes_requested",
        gettext_lazy("Changes are requested on my questionnaire"),
    ),
    Action.VALIDATE: ("index.validated", gettext_lazy("My questionnaire is validated")),
    Action.PUBLISH: ("index.published", gettext_lazy("My questionnaire's results are published")),
    Action.REOPEN: ("index.reopened", gettext_lazy("My questionnaire is reopened")),
}


def notice_kinds_register() -> None:
    """Declare the index's kinds of notice (called once, in ``IndexConfig.ready``)."""
    for code, label in KINDS.values():
        notification_kind_register(code=code, label=label)


def _title(action: Action, place: str, edition: str) -> str:
    names = {"place": place, "edition": edition}
    titles = {
        Action.SUBMIT: _("%(place)s submitted its %(edition)s questionnaire for review"),
        Action.REQUEST_CHANGES: _(
            "Changes requested on the %(edition)s questionnaire of %(place)s"
        ),
        Action.VALIDATE: _("The %(edition)s questionnaire of %(place)s is validated"),
        Action.PUBLISH: _("The %(edition)s results of %(place)s are published"),
        Action.REOPEN: _(
            "The %(edition)s questionnaire of %(place)s is reopened: it is out of the public "
            "results until it is published again"
        ),
    }
    return titles[action] % names


def response_step_notify(
    *, response: Response, action: Action, by_id: int | None, note: str
) -> None:
    """Tell the people concerned that ``response`` took the step ``action`` (no notice for
    steps nobody waits for, such as starting a review)."""
    if action not in KINDS:
        return
    place = response.place
    if action is Action.SUBMIT:
        people = secretariat_people() + people_of_place(place_id=place.pk, roles=[Role.EXPERT])
    else:
        people = people_of_place(place_id=place.pk, roles=[Role.CITY_COORDINATOR])
    edition_name = response.edition.name

    def text() -> tuple[str, str]:
        body = _("Note from the reviewer: %(note)s") % {"note": note} if note else ""
        return _title(action, place.name, edition_name), body

    def url() -> str:
        return reverse(
            "index:response_overview", kwargs={"edition": edition_name, "slug": place.slug}
        )

    code, _label = KINDS[action]
    notification_send(
        recipients=[person for person in people if person.pk != by_id],
        kind=code,
        text=text,
        url=url,
    )
