"""In a real Chromium: the facet filters swap the results in place, and the pages fit a phone."""

import pytest

pytestmark = pytest.mark.browser


def test_filters_swap_results_and_pages_fit_a_phone(page, make_practice):
    make_practice("walks", title="Welcome walks", themes=("refugees",))
    make_practice("pairs", place="reggio-emilia", title="School pairs", themes=("youth",))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/en/knowledge/practices/")
    assert page.locator(".kb-item").count() == 2
    page.select_option("#id_theme", "youth")
    page.wait_for_function("() => document.querySelectorAll('.kb-item').length === 1")
    assert "theme=youth" in page.url
    assert page.locator(".kb-item h3").text_content().strip() == "School pairs"
    for url in ("/en/knowledge/practices/walks/", "/en/knowledge/themes/refugees/",
                "/en/knowledge/newsletter/", "/fr/knowledge/"):  # fmt: skip
        page.goto(page.base + url)
        overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, url
