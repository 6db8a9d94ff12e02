"""The acceptance path in a real Chromium: a city coordinator answers with autosave and skip
logic and submits; the secretariat reviews, validates and publishes; the API has the result."""

import pytest
from django.test import Client

from icc.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, username):
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/en/")


def saved(page, code):
    page.wait_for_selector(f"#status-{code} .save-ok")


def test_answer_submit_validate_publish(page, small_edition, users):
    login(page, "city")
    base = page.base + "/en/index/test/places/bilbao/"
    page.goto(base + "area/commitment/")
    budget = page.locator("#q-commitment_budget")
    assert budget.is_hidden()  # skip logic: asked only when there is a strategy
    page.check("#q-commitment_strategy input[value=yes]")
    saved(page, "commitment_strategy")
    budget.wait_for(state="visible")
    page.check("#q-commitment_budget input[value=partly]")
    saved(page, "commitment_budget")
    page.click("#q-commitment_budget summary")
    page.fill("#evidence-commitment_budget", "Budget line 2023/114")
    page.wait_for_function(
        "() => document.querySelector('#version-commitment_budget').value === '2'"
    )
    page.fill("#value-commitment_staff", "5000")
    page.wait_for_selector("#status-commitment_staff .save-error")
    assert "0 to 1000" in page.locator("#status-commitment_staff").inner_text()
    assert page.locator("#response-progress").inner_text().startswith("2 of 4") or (
        "2 of" in page.locator("#response-progress").inner_text()
    )
    page.click("text=Education →")
    page.wait_for_load_state("load")  # htmx has taken in the new page's fields
    page.check("#q-education_mixing input[value=partly]")
    saved(page, "education_mixing")
    page.goto(base)
    page.click("button[data-action=submit]")
    page.wait_for_selector(".message")
    assert "Submitted" in page.locator("h1").text_content()

    page.context.clear_cookies()
    login(page, "staff")
    page.goto(base)
    for action in ("start_review", "validate", "publish"):
        page.click(f"button[data-action={action}]")
        page.wait_for_load_state()
    assert "Published" in page.locator("h1").text_content()

    rows = Client().get("/api/v1/index/editions/test/results").json()
    assert len(rows) == 1
    bilbao = rows[0]
    assert bilbao["place"] == "Bilbao"
    # commitment: strategy 100, budget 50 → 75; education: mixing 50 (training unanswered,
    # 1 of 2 answered = the 0.5 threshold) → 50; index 62.5
    assert bilbao["indicators"] == {"commitment": 75.0, "education": 50.0}
    assert bilbao["index_advanced"] == 62.5
    assert bilbao["rank"] == 1 and bilbao["rank_of"] == 1
    assert bilbao["rank_interval"] == [1.0, 1.0]


def test_a_save_after_the_session_ended_or_offline_says_it_is_lost_and_keeps_the_page(
    page, small_edition, users
):
    """The session ends mid-answer: the status line says so (not a login page inside the
    question) with a way to log in in a new tab; after that, the next change on the same page
    saves (the new CSRF cookie is used). Without network, the line says the save is lost."""
    login(page, "city")
    page.goto(page.base + "/en/index/test/places/bilbao/area/commitment/")
    context = page.context
    context.clear_cookies(name="sessionid")
    page.check("#q-commitment_strategy input[value=partly]")
    status = page.locator("#status-commitment_strategy")
    status.locator(".save-error").wait_for()
    assert "your session has ended" in status.inner_text()
    assert "Username" not in status.inner_text()  # no login page inside the question
    other = context.new_page()
    other.base = page.base
    login(other, "city")  # logging in again changes the CSRF cookie
    other.close()
    page.check("#q-commitment_strategy input[value=yes]")
    saved(page, "commitment_strategy")
    context.set_offline(True)
    page.check("#q-commitment_strategy input[value=no]")
    status.locator(".save-error").wait_for()
    assert "could not be reached" in status.inner_text()
    context.set_offline(False)
    assert page.locator("#q-commitment_strategy input[value=no]").is_checked()  # still there
