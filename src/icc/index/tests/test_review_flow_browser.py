"""The review as the people live it, in a real Chromium: the coordinator submits; the secretariat
finds the questionnaire in the queue filtered by "submitted" and requests changes (confirming
what will happen); the coordinator reads the notice and the e-mail, fixes and submits again; the
secretariat validates and publishes; the background worker computes the results and the
place's page shows the new score. The pages fit a 390 px phone."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings

from icc.index.services import response_start
from icc.index.tests.conftest import answers_save
from icc.index.tests.test_index_browser import login, saved
from icc.index.tests.test_results_background import DB_TASKS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERVIEW = "/en/index/test/places/bilbao/"
QUEUE = "/en/index/test/queue/"


def worker():
    """The background worker takes what is queued: e-mails of notices, results."""
    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)


def fits_a_phone(page, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1366, "height": 900})
    return width <= 390


def act(page, action, note=""):
    """Take a workflow step on the overview, accepting its confirmation; returns the question
    the browser asked (empty when none)."""
    page.wait_for_load_state("load")  # the confirmation script has taken in the buttons
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", answer)
    if note:
        page.fill("form:has(button[data-action=request_changes]) textarea", note)
    page.click(f"button[data-action={action}]")
    page.wait_for_selector(".message")
    return asked[0] if asked else ""


@override_settings(TASKS=DB_TASKS)
def test_submit_review_changes_resubmit_publish(page, small_edition, directory, users):
    city = users["city_coordinator"]
    city.email = "bilbao@example.org"
    city.save(update_fields=["email"])
    response = response_start(place=directory["bilbao"], edition=small_edition)
    answers_save(response, {"commitment_strategy": "yes", "education_mixing": "no"}, user=city)

    login(page, "city")
    page.goto(page.base + OVERVIEW)
    act(page, "submit")
    assert "Submitted" in page.locator("h1").text_content()
    page.context.clear_cookies()

    login(page, "staff")
    page.goto(page.base + "/en/index/")
    page.click(f"a[href='{QUEUE}']")
    page.wait_for_url(page.base + QUEUE)
    page.wait_for_load_state("load")  # htmx has taken in the filter form before it is used
    page.select_option("#id_state", "submitted")
    page.wait_for_function(  # htmx swapped the list and pushed the filter into the address
        "() => location.search.includes('state=submitted')"
        " && document.querySelectorAll('#queue-table tr[data-place]').length === 1"
    )
    assert page.locator("#queue-table tr[data-place=bilbao]").is_visible()
    assert fits_a_phone(page, QUEUE + "?state=submitted")
    page.goto(page.base + QUEUE + "?state=submitted")
    page.click("#queue-table tr[data-place=bilbao] a")
    question = act(page, "request_changes", note="Describe the mixing of pupils.")
    assert question.startswith("Send this questionnaire back to its city as a draft?")
    assert "Draft" in page.locator("h1").text_content()
    assert "In review → Draft" in page.locator(".timeline").inner_text() or (
        "Submitted → Draft" in page.locator(".timeline").inner_text()
    )
    page.context.clear_cookies()

    worker()  # the e-mails leave from the background task
    (email,) = [m for m in mail.outbox if m.to == ["bilbao@example.org"]]
    assert "Changes requested" in email.subject
    assert "Describe the mixing of pupils." in email.body

    login(page, "city")
    assert "1 new notice" in page.locator(".notices-link").inner_text()
    page.click(".notices-link")
    assert "Describe the mixing of pupils." in page.locator("main").inner_text()
    page.goto(page.base + OVERVIEW + "area/education/")
    page.check("#q-education_mixing input[value=yes]")
    saved(page, "education_mixing")
    page.goto(page.base + OVERVIEW)
    act(page, "submit")
    page.context.clear_cookies()

    login(page, "staff")
    page.goto(page.base + QUEUE + "?state=submitted")
    assert "1 answer changed" in page.locator("#queue-table").inner_text()
    page.click("#queue-table tr[data-place=bilbao] a")
    act(page, "start_review")
    act(page, "validate")
    act(page, "publish")
    assert "Published" in page.locator("h1").text_content()

    worker()  # the results are computed in the background
    (result,) = Client().get("/api/v1/index/editions/test/results").json()
    page.goto(page.base + "/en/network/places/bilbao/")
    shown = page.locator("[data-testid=index-advanced]").inner_text()
    assert shown == f"{result['index_advanced']:.1f}"
    assert page.locator("#place-index svg.index-profile rect").count() == 2
    assert fits_a_phone(page, "/en/network/places/bilbao/")
    assert fits_a_phone(page, "/fr/network/places/bilbao/")
    assert fits_a_phone(page, OVERVIEW + "history/")
    assert fits_a_phone(page, OVERVIEW)
    assert fits_a_phone(page, "/fr/index/test/queue/")
