"""List pages that push their filters into the address bar, over real HTTP: htmx swaps get the
results fragment; a history restore (Back, with htmx's cache missed) and a plain visit get the
whole page. A real Chromium goes back after filtering and finds the whole page again."""

import urllib.request

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PUSHING_PAGES = [
    # (address with a filter, a mark of the whole page, a mark of the results fragment)
    ("/en/network/places/?country=IT", "<h1>Cities and regions</h1>", 'id="place-table"'),
    ("/en/events/?kind=summit", "<h1>Events and meetings</h1>", 'id="upcoming-title"'),
]


def _get(url: str, headers: dict[str, str]) -> tuple[str, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (the test server)
    with urllib.request.urlopen(request, timeout=30) as reply:  # noqa: S310 (the test server)
        return reply.read().decode(), reply.headers.get("Vary", "")


@pytest.mark.parametrize(("path", "page_mark", "fragment_mark"), PUSHING_PAGES)
def test_history_restore_gets_the_whole_page(
    live_server, directory, path, page_mark, fragment_mark
):
    url = live_server.url + path
    fragment, vary = _get(url, {"HX-Request": "true"})
    assert fragment_mark in fragment and "<html" not in fragment
    assert "HX-Request" in vary and "HX-History-Restore-Request" in vary
    restored, _vary = _get(url, {"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert page_mark in restored and "<html" in restored and fragment_mark in restored
    plain, _vary = _get(url, {})
    assert page_mark in plain and "<html" in plain


@pytest.mark.browser
def test_back_after_filtering_shows_the_whole_filtered_page(page, directory):
    page.goto(page.base + "/en/network/places/")
    page.select_option("#id_country", "IT")
    page.wait_for_url("**country=IT**")
    page.wait_for_function("() => document.querySelectorAll('#place-table tbody tr').length === 1")
    page.select_option("#id_country", "ES")
    page.wait_for_url("**country=ES**")
    page.wait_for_function("() => document.querySelectorAll('#place-table tbody tr').length === 2")
    # forget htmx's copies of earlier pages: going back must ask the server (a restore request)
    page.evaluate("sessionStorage.removeItem('htmx-history-cache')")
    with page.expect_request(
        lambda r: "country=IT" in r.url and r.headers.get("hx-history-restore-request") == "true"
    ):
        page.go_back()
    page.wait_for_function("() => document.querySelectorAll('#place-table tbody tr').length === 1")
    assert page.url.endswith("/en/network/places/?country=IT")
    assert page.locator("h1").inner_text() == "Cities and regions"
    assert page.locator("form.filters #id_country").input_value() == "IT"
    assert page.locator("header").count() >= 1 and page.locator("h1").count() == 1
    assert "Reggio Emilia" in page.locator("#place-table").inner_text()
