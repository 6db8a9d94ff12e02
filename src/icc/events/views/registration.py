"""Registering, and the registrant's personal link: see, change, withdraw, download, erase.

The personal link is the only key a registrant without an account has; a forged, altered or
revoked token is answered like a page that does not exist.
"""

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from icc.events import selectors
from icc.events.forms.registration import RegistrationForm, initial_answers
from icc.events.models import Registration
from icc.events.registration_states import State, TransitionError
from icc.events.services.registration import (
    RegistrationError,
    registration_create,
    registration_erase,
    registration_personal_data,
    registration_update,
    registration_withdraw,
)
from icc.events.tokens import registration_from_token, registration_manage_path
from icc.language import current_language


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """The registration form; logged-in people find their name and e-mail filled in."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    mine = selectors.registration_for_user(event=event, user=request.user)
    if mine is not None and mine.is_active:
        return redirect(registration_manage_path(mine))
    questions = selectors.registration_fields(event=event)
    user = request.user
    initial = {"language": current_language()}
    if user.is_authenticated:
        initial |= {"name": user.get_full_name() or user.get_username(), "email": user.email}
    form = RegistrationForm(request.POST or None, questions=questions, initial=initial)
    is_open = event.registration_is_open(timezone.now())
    if request.method == "POST" and is_open and form.is_valid():
        try:
            registration = registration_create(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                language=form.cleaned_data["language"],
                answers=form.answers(),
                user_id=user.pk if user.is_authenticated else None,
            )
        except RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Thank you: your registration is recorded. We have sent you an e-mail "
                    "with your personal link."
                ),
            )
            return redirect(registration_manage_path(registration))
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "is_open": is_open,
            "seats": selectors.seat_counts(event=event),
        },
    )


def _registration(slug: str, token: str) -> Registration:
    registration = registration_from_token(token)
    if registration is None or registration.event.slug != slug:
        raise Http404(_("This personal link is not valid (any more)."))
    return registration


def _withdrawn_message(before: State) -> str:
    """What withdrawing did, said for the state the registration was in: only a confirmed
    registrant had a seat to pass on."""
    if before is State.WAITING:
        return _("You have left the waiting list.")
    if before is State.CONFIRMED:
        return _("Your registration is withdrawn; your seat goes to the next person waiting.")
    return _("Your registration is withdrawn.")


@require_http_methods(["GET", "POST"])
def registration_manage(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The registrant's own page behind the personal link."""
    registration = _registration(slug, token)
    event = registration.event
    questions = selectors.registration_fields(event=event)
    can_change = selectors.registration_can_change(registration=registration, now=timezone.now())
    form = RegistrationForm(
        request.POST if request.POST.get("action") == "update" else None,
        questions=questions,
        editing=True,
        initial={
            "name": registration.name,
            "organisation": registration.organisation,
            **initial_answers(registration.answers),
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "update" and form.is_valid():
                registration_update(
                    registration=registration,
                    name=form.cleaned_data["name"],
                    organisation=form.cleaned_data["organisation"],
                    answers=form.answers(),
                )
                messages.success(request, _("Your answers are saved."))
                return redirect(request.path)
            if action == "withdraw":
                before = State(registration.state)
                if request.POST.get("confirm") != "yes":
                    messages.error(
                        request,
                        _("Tick the box to confirm that you leave the waiting list.")
                        if before is State.WAITING
                        else _("Tick the box to confirm that you withdraw your registration."),
                    )
                    return redirect(request.path)
                registration_withdraw(registration=registration)
                messages.success(request, _withdrawn_message(before))
                return redirect(request.path)
            if action == "erase":
                if request.POST.get("confirm") != "yes":
                    messages.error(
                        request,
                        _("Tick the box to confirm that your personal data should be erased."),
                    )
                    return redirect(request.path)
                registration_erase(registration=registration)
                messages.success(
                    request, _("Your personal data are erased. This link no longer works.")
                )
                return redirect(event.get_absolute_url())
        except (RegistrationError, TransitionError) as error:
            messages.error(
                request,
                str(error)
                if isinstance(error, RegistrationError)
                else _("This change is not possible any more."),
            )
            return redirect(request.path)
    return render(
        request,
        "events/registration_manage.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "can_change": can_change,
            "show_online": registration.is_confirmed and event.is_online,
            "token": token,
        },
    )


def registration_data(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """Everything held about the registrant, as a JSON file."""
    registration = _registration(slug, token)
    data = registration_personal_data(registration=registration)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="registration-{slug}.json"'
    return response
