"""Public pages: the event list, an event's page, its printable agenda and PDF, calendars."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.accounts.selectors import user_scope
from icc.caching.response_cache import response_cache
from icc.events import selectors
from icc.events.filters import EventFilterSet
from icc.events.ics import event_calendar, events_feed, session_calendar
from icc.events.models import DocumentKind, OrganisationRole
from icc.events.pdf import agenda_pdf
from icc.events.tokens import registration_manage_path
from icc.htmx import HtmxHttpRequest, page_or_fragment_render

ICS_TYPE = "text/calendar; charset=utf-8"


def base_url(request: HttpRequest) -> str:
    """This site's address as the visitor reached it, for absolute links in calendars."""
    return request.build_absolute_uri("/").rstrip("/")


def event_list(request: HtmxHttpRequest) -> HttpResponse:
    """Upcoming and past events with filters in the URL; htmx gets only the results."""
    now = timezone.now()
    filterset = EventFilterSet(request.GET or None, selectors.public_events(), now=now)
    filters = selectors.EventFilters(**filterset.valid_values())
    events = list(filterset.qs)
    context = {
        "form": filterset.form,
        "filters": filters,
        "upcoming": [e for e in events if not e.has_ended(now)],
        "past": sorted(
            (e for e in events if e.has_ended(now)), key=lambda e: e.start, reverse=True
        ),
    }
    return page_or_fragment_render(
        request, page="events/list.html", fragment="events/_results.html", context=context
    )


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event: what, when, where, programme, registration state, documents."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    now = timezone.now()
    mine = selectors.registration_for_user(event=event, user=request.user)
    organisations = list(event.organisations.all())
    documents = list(event.documents.all())
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "parts": selectors.event_programme(event=event),
            "registration": mine,
            "manage_url": registration_manage_path(mine) if mine and mine.email else "",
            "show_online": event.is_online and mine is not None and mine.is_confirmed,
            "registration_open": event.registration_is_open(now),
            "seats": selectors.seat_counts(event=event),
            "has_ended": event.has_ended(now),
            "organisers": [o for o in organisations if o.role == OrganisationRole.ORGANISER],
            "partners": [o for o in organisations if o.role == OrganisationRole.PARTNER],
            "reports": [d for d in documents if d.kind == DocumentKind.REPORT],
            "recordings": [d for d in documents if d.kind == DocumentKind.RECORDING],
            "other_documents": [
                d for d in documents if d.kind not in (DocumentKind.REPORT, DocumentKind.RECORDING)
            ],
            "is_secretariat": user_scope(user=request.user).is_secretariat,
        },
    )


@response_cache(["events", "network"])
def event_agenda(request: HttpRequest, slug: str) -> HttpResponse:
    """The programme alone, laid out for printing."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    return render(
        request,
        "events/agenda.html",
        {"event": event, "parts": selectors.event_programme(event=event)},
    )


def event_agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable agenda as a PDF file."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    content = agenda_pdf(
        event=event, parts=selectors.event_programme(event=event), base_url=base_url(request)
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{event.slug}-agenda.pdf"'
    return response


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The event's calendar: one entry per session (or one for the event)."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    return _ics(event_calendar(event=event, base_url=base_url(request)), f"{event.slug}.ics")


def session_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One session's calendar entry."""
    event = selectors.event_get_for_user(user=request.user, slug=slug)
    content = session_calendar(event=event, session_pk=pk, base_url=base_url(request))
    if content is None:
        raise Http404(_("This event has no such session."))
    return _ics(content, f"{event.slug}-session-{pk}.ics")


def feed_ics(request: HttpRequest) -> HttpResponse:
    """Every public event, to subscribe to in a calendar application."""
    content = events_feed(
        events=selectors.event_feed_events(),
        base_url=base_url(request),
        name=_("Intercultural Cities events"),
    )
    response = HttpResponse(content, content_type=ICS_TYPE)
    response["Content-Disposition"] = 'inline; filename="icc-events.ics"'
    return response
