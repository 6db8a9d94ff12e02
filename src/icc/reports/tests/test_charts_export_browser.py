"""In a real Chromium: the chart's own menu saves it as SVG and PNG under the strict policy
(no eval, no injected style: vega-interpreter and vendor/vega/vega-embed.css)."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save(page, label: str) -> bytes:
    menu = page.locator("#chart details")
    if menu.get_attribute("open") is None:
        page.click("#chart details summary")
    with page.expect_download() as download:
        page.click(f"#chart .vega-actions a:has-text('{label}')")
    return Path(download.value.path()).read_bytes()


def test_the_chart_menu_saves_svg_and_png(page, editions):
    page.goto(page.base + "/en/index/charts/")
    page.wait_for_selector("#chart[data-rendered=true] svg")
    svg = save(page, "Save as SVG")
    assert svg.startswith(b"<svg") and b"Bilbao" in svg
    png = save(page, "Save as PNG")
    assert png.startswith(b"\x89PNG")
