"""Public pages: list with filters in the URL, event page, agenda and its PDF, place section."""

import datetime as dt

import pytest
from django.test import Client

from icc.events.models import DocumentKind, EventStatus
from icc.events.services.setup import event_document_add

pytestmark = pytest.mark.django_db


def test_list_splits_upcoming_and_past_and_filters_by_url(bilbao, make_event):
    make_event("future-webinar", online=True)
    client = Client()
    page = client.get("/en/events/").content.decode()
    upcoming, past = page.split('id="past-title"')
    assert "Test event future-webinar" in upcoming
    assert "Annual meeting of the Intercultural Cities coordinators" in past
    assert past.index("Annual meeting of the Intercultural Cities") < past.index(
        "Workshop on community sponsorship"
    )  # latest first
    webinars = client.get("/en/events/?kind=webinar&when=past").content.decode()
    assert "Joint ICC/UNHCR webinar" in webinars
    assert "Annual meeting" not in webinars and "future-webinar" not in webinars
    assert 'id="upcoming-title"' not in webinars
    online = client.get("/en/events/?format=in_person").content.decode()
    assert "Intercultural integration academy in Morocco" in online
    assert "Joint ICC/UNHCR webinar" not in online
    themed = client.get("/en/events/?theme=anti-rumours").content.decode()
    assert "5th Youth Summit against Rumours" in themed and "UNHCR" not in themed
    french = client.get("/fr/events/?language=fr&when=past").content.decode()
    assert "Réunion annuelle des coordinateurs et coordinatrices des Cités" in french
    assert "Atelier sur le parrainage communautaire" not in french  # no working languages known
    partial = client.get("/en/events/?kind=summit", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "5th Youth Summit" in partial


def test_a_wrong_filter_value_is_named_and_left_out(bilbao):
    page = Client().get("/en/events/?kind=party&when=past", HTTP_HX_REQUEST="true")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Kind: “party” is not one of the choices; choose one from the list." in body
    # the other filter still holds: past events only, every kind
    assert 'id="upcoming-title"' not in body and "Joint ICC/UNHCR webinar" in body
    french = Client().get("/fr/events/?format=teleport").content.decode()
    assert "Format\u00a0: « teleport » ne fait pas partie des choix" in french


# The days of the major events the 2020 annual report lists (seed), as French pages write them.
REPORT_EVENT_DAYS_FR = [
    "23 avril 2020",
    "11 juin 2020",
    "18 juin 2020",
    "7 juillet 2020",
    "21 septembre 2020",
    "22 octobre 2020",
    "5 novembre 2020",
    "3 novembre 2020",
]


def test_report_events_of_2020_have_their_dates(bilbao):
    page = Client().get("/fr/events/?when=past").content.decode()
    for text in (
        *REPORT_EVENT_DAYS_FR,
        "3-5 novembre 2020",
        "4-5 février 2020",
        "18-19 février 2020",
        "2-4 septembre 2020",
        "5ème Sommet de la jeunesse contre les rumeurs",
        "Séance inspirante sur la bureaucratie créative",
    ):
        assert text in page, text


def test_event_page_shows_venue_documents_and_status(bilbao):
    event_document_add(
        event=bilbao,
        kind=DocumentKind.REPORT,
        title={"en": "Meeting report", "fr": "Rapport de réunion"},
        url="https://example.org/report.pdf",
        language="en",
    )
    page = Client().get("/en/events/coordinators-meeting-bilbao-2023/").content.decode()
    assert "After the event" in page and 'href="https://example.org/report.pdf"' in page
    assert "openstreetmap.org/search?query=Abandoibarra" in page
    assert "English and French" in page
    assert "(Europe/Madrid, UTC+01:00)" in page
    bilbao.status = EventStatus.CANCELLED
    bilbao.save()
    assert "This event is cancelled." in Client().get(bilbao.get_absolute_url()).content.decode()


def test_agenda_and_pdf(bilbao):
    client = Client()
    agenda = client.get("/fr/events/coordinators-meeting-bilbao-2023/agenda/").content.decode()
    assert "agenda.css" in agenda and "Formation à la compétence interculturelle" in agenda
    response = client.get("/fr/events/coordinators-meeting-bilbao-2023/agenda.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 10_000


def test_session_calendar(bilbao):
    session = bilbao.parts.first().slots.get(start=dt.time(9, 30)).sessions.first()
    import icalendar

    response = Client().get(f"/en/events/{bilbao.slug}/sessions/{session.pk}/calendar.ics")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert (
        len(events) == 1
        and str(events[0]["SUMMARY"]) == "Opening of the meeting and words of welcome"
    )
    description = str(events[0]["DESCRIPTION"])
    assert "Kontxi Claver Zurro, Councillor for Equality" in description
    assert Client().get(f"/en/events/{bilbao.slug}/sessions/999999/calendar.ics").status_code == 404


def test_feed_has_every_public_event_in_its_zone(bilbao):
    import icalendar

    response = Client().get("/en/events/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 17
    meeting = events["Annual meeting of the Intercultural Cities coordinators"]
    assert meeting["DTSTART"].params["TZID"] == "Europe/Madrid"
    academy = events["Intercultural integration academy in Morocco"]
    assert academy["DTSTART"].dt == dt.date(2020, 2, 18)  # dates only: whole days
    assert academy["DTEND"].dt == dt.date(2020, 2, 20)  # exclusive end
    zones = {tz["TZID"] for tz in calendar.walk("VTIMEZONE")}
    assert {"Europe/Madrid", "Europe/Paris"} <= zones


def test_place_page_lists_events_held_there(bilbao):
    page = Client().get("/en/network/places/bilbao/").content.decode()
    assert "Events held here" in page
    assert "/en/events/coordinators-meeting-bilbao-2023/" in page
    other = Client().get("/en/network/places/getxo/").content.decode()
    assert "Events held here" not in other
