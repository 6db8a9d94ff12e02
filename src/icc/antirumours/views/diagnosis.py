"""The diagnosis: perception survey rounds (diagnosis and follow-ups) and focus-group notes."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from icc.antirumours import selectors, services
from icc.antirumours.forms import FocusGroupNoteForm
from icc.antirumours.views._shared import apply_or_error


@login_required
def diagnosis(request: HttpRequest, slug: str) -> HttpResponse:
    """Survey rounds and focus groups of the city (its editors only: responses are private)."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    form = FocusGroupNoteForm(request.POST or None)
    if request.method == "POST":

        def write(data: dict[str, Any]) -> object:
            return services.focus_group_note_add(place_id=place.pk, user=request.user, **data)

        response = apply_or_error(
            request, form, write, success=_("The notes were saved."), next_url=request.path
        )
        if response:
            return response
    return render(
        request,
        "antirumours/diagnosis.html",
        {
            "place": place,
            "rounds": selectors.rounds_for_place(place_id=place.pk),
            "notes": selectors.focus_notes_for_place(place_id=place.pk),
            "form": form,
        },
    )
