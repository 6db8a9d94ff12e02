"""Agents and their trainings, with attendance and certificates of participation."""

import datetime as dt
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from icc.antirumours import selectors, services
from icc.antirumours.forms import AgentForm, AttendanceForm, TrainingForm
from icc.antirumours.views._shared import apply_or_error


@login_required
def agents(request: HttpRequest, slug: str) -> HttpResponse:
    """The city's agents (contact data for its editors only) and the form to add one."""
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    form = AgentForm(request.POST or None)
    posted = apply_or_error(
        request,
        form,
        lambda data: services.agent_add(place_id=place.pk, **data),
        success=_("The agent was added."),
    )
    return posted or render(
        request,
        "antirumours/agents.html",
        {"place": place, "agents": selectors.agents_for_place(place_id=place.pk), "form": form},
    )


@login_required
@require_POST
def agent_withdraw(request: HttpRequest, agent_id: int) -> HttpResponse:
    agent = selectors.agent_get_for_editor(user=request.user, agent_id=agent_id)
    services.agent_consent_withdraw(agent=agent)
    messages.success(request, _("Consent withdrawn: the agent's name and contact data are erased."))
    return redirect("antirumours:agents", slug=agent.place.slug)


@login_required
def trainings(request: HttpRequest, slug: str) -> HttpResponse:
    place = selectors.place_get_for_editor(user=request.user, slug=slug)
    form = TrainingForm(request.POST or None)

    def write(data: dict[str, Any]) -> object:
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        slug = slugify(f"{place.slug}-{data['title']}")[:80]
        return services.training_create(
            place_id=place.pk,
            slug=f"{slug}-{get_random_string(6).lower()}",
            title=data["title"],
            start=dt.datetime.combine(data["day"], data["start"], zone),
            end=dt.datetime.combine(data["day"], data["end"], zone),
            timezone_name=settings.TIME_ZONE,
            venue=data["venue"],
            hours=data["hours"],
            language=data["language"],
        )

    posted = apply_or_error(request, form, write, success=_("The training was added."))
    return posted or render(
        request,
        "antirumours/trainings.html",
        {
            "place": place,
            "trainings": selectors.trainings_for_place(place_id=place.pk),
            "form": form,
        },
    )


@login_required
def training_detail(request: HttpRequest, training_id: int) -> HttpResponse:
    training = selectors.training_get_for_editor(user=request.user, training_id=training_id)
    rows = selectors.training_attendance(training=training)
    agents = list(selectors.agents_for_place(place_id=training.place_id))
    initial = {
        "expected": [row.agent_id for row in rows],
        "attended": [row.agent_id for row in rows if row.attended],
    }
    form = AttendanceForm(request.POST or None, agents=agents, initial=initial)
    posted = apply_or_error(
        request,
        form,
        lambda data: services.training_attendance_set(training=training, **data),
        success=_("Attendance saved."),
    )
    return posted or render(
        request,
        "antirumours/training.html",
        {"training": training, "place": training.place, "rows": rows, "form": form},
    )


@login_required
def certificate(request: HttpRequest, attendance_id: int) -> HttpResponse:
    """A certificate of participation, printable (the browser's "Save as PDF" makes the PDF)."""
    row = selectors.attendance_get_for_certificate(user=request.user, attendance_id=attendance_id)
    return render(
        request,
        "antirumours/certificate.html",
        {
            "row": row,
            "place": row.training.place,
            "event": row.training.event,
            "back": reverse("antirumours:training", kwargs={"training_id": row.training_id}),
        },
    )
