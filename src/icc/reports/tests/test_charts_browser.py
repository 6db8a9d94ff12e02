"""Acceptance in a real Chromium: change the filters, the chart and its table change, the
address reproduces the view, and the CSV download holds the table's rows."""

import csv
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def table_rows(page):
    return page.eval_on_selector_all(
        "#chart-table tr",
        "rows => rows.map(r => Array.from(r.children).map(c => c.textContent.trim()))",
    )


def drawn(page):
    """Wait for vega-embed to draw, and return the text of the chart's SVG."""
    page.wait_for_selector("#chart[data-rendered=true] svg")
    return page.locator("#chart svg").first.text_content()


def test_filters_chart_table_address_and_csv(page, editions, tmp_path):
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(page.base) else None)

    page.goto(page.base + "/en/index/charts/")
    chart = drawn(page)
    assert "Reggio Emilia" in chart and "Getxo" in chart
    assert [r[1] for r in table_rows(page)[1:]] == ["Bilbao", "Reggio Emilia", "Getxo"]

    page.select_option("#filter-country", "ES")
    page.wait_for_function("() => document.querySelectorAll('#chart-table tbody tr').length === 2")
    chart = drawn(page)
    assert "Reggio Emilia" not in chart and "Bilbao" in chart
    assert "country=ES" in page.url

    page.select_option("#filter-area", ["education"])
    page.wait_for_function(
        "() => document.querySelector('#chart-table thead').textContent.includes('Education')"
    )
    drawn(page)
    assert re.search(r"area=education", page.url)
    shown = table_rows(page)
    assert shown[1][1:4] == ["Bilbao", "Spain", "75.0"]

    page.reload()
    drawn(page)
    assert table_rows(page) == shown
    assert page.locator("#filter-country").input_value() == "ES"
    # the language switcher keeps the view
    assert "area=education" in page.locator(".lang-switch a[hreflang=fr]").get_attribute("href")

    with page.expect_download() as download:
        page.click("#download-csv")
    path = tmp_path / "chart.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8-sig") as handle:
        downloaded = list(csv.reader(handle))
    assert [row[: len(shown[0])] for row in downloaded] == shown

    page.select_option("#filter-view", "profile")
    page.wait_for_selector("#filter-places")
    assert "Average of all 3 places" in drawn(page)
    assert "view=profile" in page.url

    assert problems == []
    assert outside == []


def test_a_refused_choice_shows_its_reason(page, editions):
    """A choice the server refuses (here a place whose results are gone since the page was
    loaded) answers 400: the page shows why instead of staying as it was."""
    page.goto(page.base + "/en/index/charts/?view=progress")
    drawn(page)
    page.evaluate(
        """() => {
          const select = document.getElementById('filter-places');
          select.add(new Option('Nowhere', 'nowhere'));
          Array.from(select.options).forEach(o => { o.selected = o.value === 'nowhere'; });
          select.dispatchEvent(new Event('change', {bubbles: true}));
        }"""
    )
    error = page.locator("#chart-error")
    error.wait_for()
    assert "“nowhere” has no published result" in error.inner_text()
    drawn(page)  # the chart of the view as it can be shown


def test_quick_filter_changes_all_count_and_the_last_state_wins(page, editions):
    """Three filters chosen in quick succession: each change replaces the request in flight,
    so the page ends with all three, not with the first one's answer."""
    page.goto(page.base + "/en/index/charts/")
    drawn(page)
    # Changes made in the page itself, one after the other with no wait between them.
    page.evaluate(
        """() => {
          const pick = (id, value) => {
            const select = document.getElementById(id);
            Array.from(select.options).forEach(o => { o.selected = o.value === value; });
            select.dispatchEvent(new Event('change', {bubbles: true}));
          };
          pick('filter-country', 'ES');
          pick('filter-index', 'core');
          pick('filter-status', 'member');
        }"""
    )
    page.wait_for_function(
        "() => location.search.includes('status=member') && location.search.includes('index=core')"
        " && location.search.includes('country=ES')"
    )
    drawn(page)
    assert page.locator("#filter-country").input_value() == "ES"
    assert page.locator("#filter-index").input_value() == "core"
    assert page.locator("#filter-status").input_value() == "member"


def test_the_chart_speaks_the_page_language(page, editions):
    page.goto(page.base + "/fr/index/charts/")
    drawn(page)
    name = page.locator("#chart svg").first.get_attribute("aria-label")
    assert name.startswith("Graphique : ")
    labels = page.eval_on_selector_all(
        "#chart [aria-label]", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert not any("titled" in label or "Click to view" in label for label in labels)
    menu = page.locator("#chart details > summary")
    assert (
        menu.get_attribute("aria-label")
        == "Menu du graphique : enregistrer le graphique comme image"
    )
