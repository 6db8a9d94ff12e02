"""The rumour radar page: posts of the city matched to its rumours, counted per month."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.antirumours import selectors
from icc.antirumours.radar import DEFAULT_THRESHOLD
from icc.antirumours.services import AntirumoursError
from icc.antirumours.services.radar import RADAR_JOB, radar_enqueue
from icc.core.jobs import job_waiting


@login_required
def radar(request: HttpRequest, slug: str) -> HttpResponse:
    """The counts per rumour and month (GET); a POST queues the count of one month."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    typed = error = ""
    if request.method == "POST":
        typed = request.POST.get("month", "")[:20]
        try:
            month = dt.date.fromisoformat(typed + "-01")
        except ValueError:
            error = _("Choose a month, for example 2025-03.")
        else:
            try:
                radar_enqueue(place_id=place.pk, month=month, user_id=request.user.pk)
            except AntirumoursError as refused:
                error = str(refused)
            else:
                messages.success(request, _("The radar of this month is being counted."))
                return redirect(request.path)
    months, rows = selectors.radar_table(place_id=place.pk)
    examples = selectors.radar_examples_latest(place_id=place.pk)
    return render(
        request,
        "antirumours/radar.html",
        {
            "place": place,
            "months": months,
            "rows": rows,
            "examples": [
                (rumour, *found)
                for rumour, _cells in rows
                if (found := examples.get(rumour.pk)) is not None
            ],
            "threshold": DEFAULT_THRESHOLD,
            "pending": job_waiting(kind=RADAR_JOB, key=str(place.pk)),
            "month_typed": typed,
            "month_error": error,
            "this_month": timezone.localdate().strftime("%Y-%m"),
        },
        status=422 if error else 200,
    )
