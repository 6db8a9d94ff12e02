"""The secretariat's pages of an event: registrations (approve, reject, erase), the check-in
list and participant exports. Every view is guarded by ``secretariat_required``."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from icc.accounts.access import secretariat_required
from icc.core.tabular import Format, table_download
from icc.events import selectors
from icc.events.exports import participants_sheet
from icc.events.models import Event, Registration
from icc.events.registration_states import TransitionError
from icc.events.services.registration import (
    RegistrationError,
    registration_approve,
    registration_check_in_set,
    registration_erase,
    registration_reject,
)
from icc.htmx import HtmxHttpRequest

ACTIONS = {
    "approve": (registration_approve, _("Approved.")),
    "reject": (registration_reject, _("Rejected.")),
    "erase": (registration_erase, _("Personal data erased.")),
}


def _posted_registration(request: HttpRequest, event: Event) -> Registration:
    """The registration a form of this event's pages posted (404 for another event's)."""
    return selectors.registration_get_for_event(
        event=event, registration_id=request.POST.get("registration")
    )


@secretariat_required
def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    """Everyone who registered, by state, with the secretariat's decisions."""
    event = selectors.event_get_any(slug=slug)
    if request.method == "POST":
        registration = _posted_registration(request, event)
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is not None:
            service, done = action
            try:
                service(registration=registration)
                messages.success(request, str(done))
            except (TransitionError, RegistrationError):
                messages.error(
                    request, _("This registration cannot take that decision in its present state.")
                )
        return redirect(request.path)
    return render(
        request,
        "events/registrations.html",
        {
            "event": event,
            "registrations": selectors.registrations_for_event(event=event),
            "questions": selectors.registration_fields(event=event),
            "seats": selectors.seat_counts(event=event),
        },
    )


@secretariat_required
def registrations_export(
    request: HttpRequest, slug: str, fmt: Format
) -> HttpResponse | StreamingHttpResponse:
    """The participant list as CSV or XLSX."""
    event = selectors.event_get_any(slug=slug)
    sheet = participants_sheet(
        event=event, registrations=selectors.registrations_for_event(event=event)
    )
    return table_download(sheet, fmt=fmt, filename=f"{event.slug}-participants.{fmt}")


@secretariat_required
def check_in(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Confirmed participants with a toggle each; htmx swaps only the row."""
    event = selectors.event_get_any(slug=slug)
    if request.method == "POST":
        registration = _posted_registration(request, event)
        try:
            registration_check_in_set(
                registration=registration, checked_in=request.POST.get("checked_in") == "1"
            )
        except RegistrationError as error:
            messages.error(request, str(error))
        if request.htmx:
            return render(request, "events/_check_in_row.html", {"event": event, "r": registration})
        return redirect(request.path)
    people = list(selectors.registrations_confirmed(event=event))
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "people": people,
            "arrived": sum(1 for r in people if r.checked_in_at),
        },
    )
