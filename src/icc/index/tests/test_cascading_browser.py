"""A cascading select and an "Other" text box in a real Chromium: the city options follow the
country chosen, a city left behind is flagged (and typing in another question does not touch
it), and "Other" opens its text box, which saves. (Both pages on a phone and a desktop, with
axe: ``icc/tests/test_pages_browser.py``.)"""

import pytest

from icc.index.models import Answer
from icc.index.tests.test_index_browser import login, saved

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def offered(page, code):
    return page.locator(f"#choices-{code} input[name=value]").evaluate_all(
        "inputs => inputs.map(input => input.value)"
    )


def test_cascading_cities_and_the_other_text_box(page, services_edition, directory, users):
    login(page, "city")
    base = page.base + "/en/index/services/places/bilbao/"
    page.goto(base + "area/where/")
    assert offered(page, "city") == []
    page.check("#q-country input[value=es]")
    saved(page, "country")
    page.locator("#choices-city input[value=getxo]").wait_for()
    assert offered(page, "city") == ["bilbao", "getxo"]
    page.check("#q-city input[value=bilbao]")
    saved(page, "city")
    page.check("#q-country input[value=fr]")
    note = page.locator("#stale-city .stale-answer")
    note.wait_for()
    assert "Your answer “Bilbao” is no longer one of the options" in note.inner_text()
    assert offered(page, "city") == ["lyon", "strasbourg"]
    # typing in another question saves that question only: the flagged city is left as it is
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.click("#q-country summary")
    page.fill("#evidence-country", "Register of services, 2024")
    page.wait_for_function("() => document.querySelector('#version-country').value === '3'")
    assert [url.rsplit("/answer/", 1)[1] for url in posts] == ["country/"]
    assert Answer.objects.get(question__code="city").value == "bilbao"
    page.check("#q-city input[value=lyon]")
    saved(page, "city")
    note.wait_for(state="detached")  # answered again: the flag goes
    assert Answer.objects.get(question__code="city").value == "lyon"

    page.goto(base + "area/services/")
    box = page.locator("#other-main_service")
    assert box.is_hidden()  # shown only once "Other" is chosen
    page.check("#q-main_service input[value=other]")
    box.wait_for(state="visible")
    box.fill("Legal clinic")
    page.wait_for_function("() => document.querySelector('#version-main_service').value === '2'")
    assert Answer.objects.get(question__code="main_service").other == "Legal clinic"
    page.check("#q-languages input[value=other]")
    assert page.locator("#other-languages").is_visible()
    assert box.is_visible()  # each question's own "Other" decides its own box
    page.reload()
    assert box.input_value() == "Legal clinic" and box.is_visible()
    page.check("#q-main_service input[value=jobs]")
    box.wait_for(state="hidden")
