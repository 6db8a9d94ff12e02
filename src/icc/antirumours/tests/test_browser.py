"""In a real Chromium on a 390 px phone: a coordinator runs a diagnosis from the template, a
resident answers through the public link (Spanish labels, the rumour's questions appearing once
it is ticked), and the coordinator sees the ranked rumours; the city's public page fits."""

from typing import Any

import pytest

from icc.accounts.models import User
from icc.antirumours import services
from icc.antirumours.models import SurveyRound
from icc.conftest import PASSWORD
from icc.surveys.selectors import submissions_count

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_diagnosis_on_a_phone_from_template_to_ranked_rumours(
    page: Any, ar: dict[str, Any], users: dict[str, User]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", "city")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.goto(page.base + "/en/antirumours/city/bilbao/diagnosis/")
    assert _no_sideways_scroll(page)
    page.get_by_label("Title").fill("Diagnosis 2025")
    page.locator("button[name=add_round]").click()
    page.wait_for_url("**/diagnosis/")
    survey_round = SurveyRound.objects.get()
    page.goto(page.base + f"/en/antirumours/round/{survey_round.pk}/")
    link = page.locator(".ar-survey-link a").get_attribute("href")
    assert link

    resident = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    phone = resident.new_page()
    phone.goto(link)
    phone.get_by_role("link", name="Español").click()
    phone.get_by_text("¿Cuáles de estas afirmaciones ha oído").wait_for()
    rumour = ar["private"]
    assert phone.locator(f"input[name=believe_{rumour.choice_name}]").count() == 0
    phone.locator(f"input[name=heard][value='{rumour.choice_name}']").check()
    phone.wait_for_function(
        f"() => document.querySelector('input[name=believe_{rumour.choice_name}]') !== null"
    )
    phone.locator(f"input[name=often_{rumour.choice_name}][value='often']").check()
    phone.locator(f"input[name=believe_{rumour.choice_name}][value='yes']").check()
    for question, value in (("age_group", "30_44"), ("gender", "woman"), ("born_abroad", "no")):
        phone.locator(f"input[name={question}][value='{value}']").check()
    assert _no_sideways_scroll(phone)
    phone.locator("button[type=submit]").click()
    phone.wait_for_url("**/thanks/**")
    assert submissions_count(survey_id=survey_round.survey_id or 0) == 1
    resident.close()

    page.reload()
    heard = page.locator("[data-testid=most-heard] tbody tr").first
    # one respondent: fewer than five people, so the cell is hidden, never shown
    assert "hidden" in heard.inner_text()
    assert _no_sideways_scroll(page)
    page.goto(page.base + "/en/antirumours/city/bilbao/")
    assert page.locator("h1").inner_text() == "Anti-rumours in Bilbao"
    assert _no_sideways_scroll(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_very_long_word_in_the_public_summary_does_not_widen_the_page(
    page: Any, ar: dict[str, Any], width: int
) -> None:
    # the longest summary allowed, written as one word (a pasted link or a slip of a key)
    services.strategy_public_set(
        strategy=ar["bilbao"].antirumours_strategy, public_summary="x" * 5000, is_public=True
    )
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(page.base + "/en/antirumours/city/bilbao/")
    assert page.locator("main").get_by_text("x" * 40, exact=False).first.is_visible()
    assert _no_sideways_scroll(page)
