"""A real Chromium loads the place list, filters it and opens a place page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_the_list_and_open_a_place(page, directory):
    page.goto(page.base + "/en/network/places/")
    table = page.locator("#place-table tbody")
    assert table.locator("tr").count() == 4
    page.select_option("#id_country", "ES")
    page.wait_for_url("**country=ES**")
    page.wait_for_function("() => document.querySelectorAll('#place-table tbody tr').length === 2")
    assert "Reggio Emilia" not in table.inner_text()
    assert page.locator("[data-testid=result-count]").inner_text() == "2 places"
    page.fill("#id_q", "getx")
    page.wait_for_function("() => document.querySelectorAll('#place-table tbody tr').length === 1")
    # the search box asks again as it is typed in: click once no request is on its way
    page.wait_for_function("() => document.querySelector('.htmx-request') === null")
    page.locator("#place-table tbody a", has_text="Getxo").click()
    page.wait_for_url("**/en/network/places/getxo/")
    assert page.locator("h1").inner_text().startswith("Getxo")
    assert page.locator(".map .leaflet-interactive").count() >= 1


def test_map_draws_members_offline(page, directory):
    page.goto(page.base + "/en/network/")
    page.wait_for_selector("#overview-map path.leaflet-interactive")
    assert page.locator("#overview-map path.leaflet-interactive").count() == 3


def test_french_list_and_back_to_english(page, directory):
    page.goto(page.base + "/fr/network/places/?country=ES")
    assert page.locator("h1").inner_text() == "Villes et régions"
    page.click(".lang-switch a[hreflang=en]")
    page.wait_for_url("**/en/network/places/?country=ES")
    assert page.locator("h1").inner_text() == "Cities and regions"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", ["network/places/bilbao/", "network/places/", "network/"])
def test_pages_fit_a_phone_without_sideways_scrolling(page, directory, lang, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base}/{lang}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
