"""In a real Chromium: register for an event, then download its calendar and read it back."""

from pathlib import Path

import icalendar
import pytest
from django.core import mail

from icc.events.models import Event, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_then_download_the_calendar(page, make_event):
    event = make_event(capacity=5)
    page.goto(page.base + f"/en/events/{event.slug}/")
    page.click("#registration a.button")
    page.fill("#id_name", "Ana Pérez")
    page.fill("#id_email", "ana@example.org")
    page.fill("#id_organisation", "Ajuntament de Barcelona")
    page.select_option("#id_q_topic", "welcome")
    page.check("input[name=q_lunch][value=yes]")
    page.check("#id_consent")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/registration/**")
    assert page.locator("#registration-state").text_content() == "Confirmed"
    registration = Registration.objects.get()
    assert registration.answers == {"topic": "welcome", "lunch": True}
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]

    with page.expect_download() as download_info:
        page.click("main a[href$='calendar.ics']")
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Test event webinar"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt == event.start

    page.goto(page.base + f"/en/events/{event.slug}/")  # the event page knows nothing of her
    assert page.locator("#registration a.button").inner_text() == "Register"


def test_a_very_long_word_in_a_title_does_not_widen_the_list_on_a_phone(page, make_event):
    # the title sits in a grid column that would otherwise grow to the word's whole width
    event = make_event()
    Event.objects.filter(pk=event.pk).update(title_en="Q" * 200)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/en/events/")
    assert page.locator(".event-item h3").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
