"""In a real Chromium on a 390 px phone: the public form shows questions as answers make them
relevant (server-side skip logic through htmx), narrows districts to the chosen city, refuses a
wrong answer with a message, and stores one submission; the keyboard reaches every field."""

from typing import Any

import pytest
from django.urls import reverse

from icc.surveys.models import Submission, Survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_phone_fills_the_survey_with_skip_logic(page: Any, survey: Survey) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + reverse("surveys:public", args=[survey.token]))
    assert page.locator("h1").inner_text() == "Perceptions"
    assert page.locator("input[name=believed]").count() == 0
    # the label names the field (for screen readers and for tapping)
    page.get_by_label("Your age").fill("12")
    page.get_by_label("Woman").check()
    # the keyboard: arrows move through a choice; the fields re-render and the focus stays
    page.get_by_label("Bilbao").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('input[value=deusto]') !== null")
    # the re-rendered fields give the focus back to the chosen city, and htmx has taken them in
    # (settled), before the next key
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'f-city-1'"
        " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )
    page.wait_for_timeout(200)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.querySelector('input[value=algorta]') !== null")
    assert page.evaluate("document.activeElement.id") == "f-city-2"
    assert page.get_by_label("Getxo").is_checked()
    assert page.locator("input[name=district]").count() == 1  # only Getxo's district
    page.get_by_label("Algorta").check()
    page.locator("input[name=heard][value=yes]").check()
    page.wait_for_function("() => document.querySelector('input[name=believed]') !== null")
    assert page.locator("input[name=where]").count() == 3
    # the page does not scroll sideways on a phone
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("button[type=submit]").click()
    # refused on the server: the age constraint and the now required "believed"
    summary = page.locator(".sv-summary")
    assert "Between 16 and 119" in summary.inner_text()
    assert "Do you believe it?" in summary.inner_text()
    assert Submission.objects.count() == 0
    page.get_by_label("Your age").fill("34")
    # the keyboard: from the age field, Tab moves on to the gender choices
    page.get_by_label("Your age").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "gender"
    page.locator("input[name=believed][value=no]").check()
    page.get_by_label("On social media").check()
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/thanks/**")
    assert page.locator("h1").inner_text() == "Thank you"
    stored = Submission.objects.get()
    assert stored.answers == {
        "age": 34,
        "gender": "woman",
        "city": "getxo",
        "district": "algorta",
        "heard": "yes",
        "believed": "no",
        "where": ["social"],
    }
