"""The diagnosis: perception survey rounds (diagnosis and follow-ups), their results and
comparison, KoboToolbox/ODK imports, and focus-group notes."""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from icc.antirumours import selectors, services
from icc.antirumours.forms import FocusGroupNoteForm
from icc.antirumours.models import SurveyRoundKind
from icc.antirumours.perception_form import GROUP_QUESTIONS
from icc.antirumours.results import round_compare, round_results
from icc.antirumours.services.perception import survey_round_create, template_sheets
from icc.antirumours.views._shared import apply_or_error
from icc.core.tabular import TabularFileError, table_download
from icc.surveys.selectors import submissions_counts, survey_get
from icc.surveys.services import submissions_import

GROUP_LABELS = {
    "age_group": gettext_lazy("Age"),
    "gender": gettext_lazy("Gender"),
    "born_abroad": gettext_lazy("Born in another country"),
}


class RoundForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("title"), max_length=200)
    baseline = forms.TypedChoiceField(
        label=gettext_lazy("compared with the diagnosis"), coerce=int, required=False
    )

    def __init__(self, *args: Any, diagnoses: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["baseline"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("— none: this is a new diagnosis —")), *diagnoses]


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("KoboToolbox or ODK export (CSV or XLSX)"))


@login_required
def diagnosis(request: HttpRequest, slug: str) -> HttpResponse:
    """Survey rounds and focus groups of the city (its editors only: responses are private)."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    rounds = list(selectors.rounds_for_place(place_id=place.pk))
    diagnoses = [(r.pk, r.title) for r in rounds if r.kind == SurveyRoundKind.DIAGNOSIS]
    form = FocusGroupNoteForm(request.POST if "add_note" in request.POST else None)
    round_form = RoundForm(
        request.POST if "add_round" in request.POST else None, diagnoses=diagnoses
    )

    def note(data: dict[str, Any]) -> object:
        return services.focus_group_note_add(place_id=place.pk, user=request.user, **data)

    def make(data: dict[str, Any]) -> object:
        baseline = next((r for r in rounds if r.pk == data["baseline"]), None)
        kind = SurveyRoundKind.FOLLOW_UP if baseline else SurveyRoundKind.DIAGNOSIS
        return survey_round_create(
            place_id=place.pk, kind=kind, title=data["title"], baseline=baseline, user=request.user
        )

    posted = apply_or_error(
        request, form, note, success=_("The notes were saved.")
    ) or apply_or_error(
        request, round_form, make, success=_("The survey is open: hand out its public link.")
    )
    if posted:
        return posted
    counts = submissions_counts(survey_ids=[r.survey_id for r in rounds if r.survey_id])
    return render(
        request,
        "antirumours/diagnosis.html",
        {
            "place": place,
            "rounds": [(r, counts.get(r.survey_id or 0, 0)) for r in rounds],
            "notes": selectors.focus_notes_for_place(place_id=place.pk),
            "form": form,
            "round_form": round_form,
        },
    )


@login_required
def template_download(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The perception survey's XLSForm adapted to the city's register (for KoboToolbox/ODK)."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    return table_download(
        *template_sheets(place_id=place.pk),
        fmt="xlsx",
        filename=f"perception-survey-{place.slug}.xlsx",
    )


@login_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    """A round's public link, its ranked rumours by group with intervals, the comparison with
    its diagnosis, and the import of answers collected elsewhere."""
    survey_round = selectors.round_get_for_editor(user=request.user, round_id=round_id)
    survey = survey_get(survey_id=survey_round.survey_id or 0)
    by = request.GET.get("by", "")
    context: dict[str, Any] = {
        "round": survey_round,
        "place": survey_round.place,
        "survey": survey,
        "import_form": ImportForm(),
        "groups": [(key, GROUP_LABELS[key]) for key in GROUP_QUESTIONS],
        "by": by if by in GROUP_QUESTIONS else "",
    }
    if survey is not None:
        context["public_url"] = request.build_absolute_uri(
            reverse("surveys:public", kwargs={"token": survey.token})
        )
        context["results"] = round_results(survey_round=survey_round, by=context["by"])
        if survey_round.baseline_id:
            context["comparison"] = round_compare(follow_up=survey_round)
    return render(request, "antirumours/round.html", context)


@login_required
@require_POST
def round_import(request: HttpRequest, round_id: int) -> HttpResponse:
    """Answers collected in KoboToolbox/ODK: the surveys module imports them."""
    survey_round = selectors.round_get_for_editor(user=request.user, round_id=round_id)
    survey = survey_get(survey_id=survey_round.survey_id or 0)
    form = ImportForm(request.POST, request.FILES)
    if survey is None:
        return redirect("antirumours:round", round_id=survey_round.pk)
    context: dict[str, Any] = {"round": survey_round, "place": survey_round.place}
    if not form.is_valid():  # no file, or an empty one
        context["error"] = " ".join(str(error) for error in form.errors["file"])
        return render(request, "antirumours/round_import.html", context, status=422)
    upload = form.cleaned_data["file"]
    try:
        report = submissions_import(survey=survey, file=upload, filename=upload.name)
    except TabularFileError as refused:
        context["error"] = str(refused)
        return render(request, "antirumours/round_import.html", context, status=422)
    return render(request, "antirumours/round_import.html", {**context, "report": report})
