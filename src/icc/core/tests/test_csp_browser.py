"""In a real Chromium: the policy blocks what it should, and the pages that are not ours
(the API's Swagger UI, the admin) run under it too."""

import pytest

from icc.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.injected = true";
  document.body.appendChild(script);
  return window.injected === true;
}"""


def test_an_injected_inline_script_is_blocked_and_reported(page, directory):
    page.goto(page.base + "/en/network/places/")
    assert page.evaluate(INJECT) is False
    page.wait_for_timeout(200)
    assert any("script-src" in message for message in page.csp_violations)
    page.csp_violations.clear()  # seen and expected: the fixture must not fail this test


def test_the_api_documentation_runs_under_the_policy(page, directory):
    page.goto(page.base + "/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path")
    assert "/api/v1/places" in page.locator(".swagger-ui").inner_text()


def test_the_admin_and_its_language_tabs_run_under_the_policy(page, users):
    # django-modeltranslation's tabs need jQuery UI: served from vendor/, not from a CDN
    page.goto(page.base + "/en/admin/login/?next=/en/admin/network/country/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#result_list")
    page.click("#result_list tbody tr th a")
    page.wait_for_selector("#country_form .ui-tabs")
