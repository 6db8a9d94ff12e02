"""The rumour radar page: posts of the city matched to its rumours, counted per month."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from icc.antirumours import selectors
from icc.antirumours.radar import DEFAULT_THRESHOLD
from icc.antirumours.services.radar import RADAR_JOB, radar_enqueue
from icc.core.jobs import job_waiting


@login_required
def radar(request: HttpRequest, slug: str) -> HttpResponse:
    """The counts per rumour and month (GET); a POST queues the count of one month."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    if request.method == "POST":
        try:
            month = dt.date.fromisoformat(request.POST.get("month", "") + "-01")
        except ValueError:
            messages.error(request, _("Choose a month, for example 2025-03."))
        else:
            radar_enqueue(place_id=place.pk, month=month, user_id=request.user.pk)
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
        },
    )
