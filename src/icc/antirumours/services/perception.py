"""Writes of the perception surveys: a diagnosis or follow-up round made from the template for
the city's rumours, run by the surveys module (public phone link, KoboToolbox/ODK imports).

Rules:
- A diagnosis asks about every rumour of the city's register at the time it is made.
- A follow-up asks about exactly the rumours of its diagnosis, under the same choice names, so
  that the two can be compared rumour by rumour (``surveys_compare``); a rumour deleted since
  keeps its text in the follow-up.
- The survey opens at once: its public link can be handed out.
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser
from icc.antirumours.models import Rumour, SurveyRound, SurveyRoundKind
from icc.antirumours.perception_form import RumourChoice, perception_form
from icc.antirumours.services import AntirumoursError
from icc.core.tabular import Sheet, xlsx_bytes
from icc.surveys.services import survey_create, survey_open

PURPOSE = "antirumours"


def perception_sheets(*, choices: dict[str, str], title: str) -> list[Sheet]:
    """The XLSForm sheets of the perception survey for ``choices`` (choice name → text)."""
    sheets = perception_form(
        rumours=[RumourChoice(name, text) for name, text in choices.items()],
        title=title,
        form_id=slugify(title).replace("-", "_")[:60] or "perception",
    )
    return [Sheet(header=rows[0], rows=rows[1:], title=name) for name, rows in sheets.items()]


@transaction.atomic
def survey_round_create(
    *,
    place_id: int,
    kind: SurveyRoundKind,
    title: str,
    baseline: SurveyRound | None = None,
    user: AnyUser | None = None,
    is_synthetic: bool = False,
) -> SurveyRound:
    """Make a perception survey for the city and open its public link."""
    if kind == SurveyRoundKind.FOLLOW_UP:
        if baseline is None or baseline.place_id != place_id:
            raise AntirumoursError(_("A follow-up is compared with a diagnosis of the same city."))
        choices: dict[str, str] = dict(baseline.rumour_choices)
    else:
        baseline = None
        rumours = list(Rumour.objects.filter(place_id=place_id).order_by("id"))
        if not rumours:
            raise AntirumoursError(
                _("Add the rumours of the city to the register first: the survey asks about them.")
            )
        choices = {rumour.choice_name: rumour.text for rumour in rumours}
    if not title.strip():
        raise AntirumoursError(_("Give the survey a title."))
    survey = survey_create(
        place_id=place_id,
        title=title,
        xlsform_file=xlsx_bytes(*perception_sheets(choices=choices, title=title)),
        filename="perception-survey.xlsx",
        purpose=PURPOSE,
        created_by=user,
        # The answers are the city's own: the surveys module's pages show them to its
        # coordinators only; the anti-rumours pages decide what the others see.
        private_to_place=True,
    )
    survey_open(survey=survey)
    return SurveyRound.objects.create(
        place_id=place_id,
        kind=kind,
        title=title.strip(),
        baseline=baseline,
        survey_id=survey.pk,
        rumour_choices=choices,
        is_synthetic=is_synthetic,
    )


def template_sheets(*, place_id: int) -> list[Sheet]:
    """The template adapted to the city's current register, for KoboToolbox/ODK or review."""
    choices = {
        rumour.choice_name: rumour.text
        for rumour in Rumour.objects.filter(place_id=place_id).order_by("id")
    } or {"r0": "…"}
    return perception_sheets(choices=choices, title="Perception survey")
