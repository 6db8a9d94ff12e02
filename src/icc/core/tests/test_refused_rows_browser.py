"""The rows an import refused (``core/_refused_rows.html``, shared by the places, knowledge,
surveys and anti-rumours imports), in a real Chromium: on a 390 px phone every row's line and
problem can be read without scrolling sideways (each row is a card, "Line 3 — population");
on a 1366 px desktop it is a table with its column headings; axe-core finds nothing at either
width, in English and in French."""

from pathlib import Path
from typing import Any

import pytest

from icc.conftest import PASSWORD
from icc.tests.test_pages_browser import overflow, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BAD = (
    "name,country,year,population,foreign_born_pct\n"
    "Vigo,XX,2021,290000,\n"
    "Lugo,ES,2021,lots,\n"
    "Ourense,ES,2021,105000,140\n"
    ",ES,2021,105000,\n"
)
PROBLEMS = {  # line → the column and the start of its problem, as the page says them
    "en": {
        "2": ("country", "Unknown country code “XX”"),
        "3": ("population", "“lots” is not a whole number"),
        "4": ("foreign_born_pct", "“140” is not a percentage"),
        "5": ("name", "The English name is missing"),
    },
    "fr": {
        "2": ("country", "Code de pays inconnu «\u00a0XX\u00a0»"),
        "3": ("population", "«\u00a0lots\u00a0» n'est pas un nombre entier"),
        "4": ("foreign_born_pct", "«\u00a0140\u00a0» n'est pas un pourcentage"),
        "5": ("name", "Le nom en anglais est absent"),
    },
}
LINE = {"en": "Line", "fr": "Ligne"}


def _refused_page(page: Any, lang: str, width: int, upload: Path) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{page.base}/{lang}/network/places/import/")
    page.set_input_files("#id_file", str(upload))
    page.locator("main button[type=submit]").click()
    page.locator("#import-errors").wait_for()


def _inside_the_window(page: Any, selector: str) -> bool:
    """The element is drawn, wholly between the window's left and right edges, and no box
    around it cuts it off (nothing to scroll sideways to read it)."""
    return bool(
        page.evaluate(
            """(selector) => {
              const element = document.querySelector(selector);
              const box = element.getBoundingClientRect();
              if (box.width === 0 || box.left < 0 || box.right > window.innerWidth) return false;
              for (let up = element.parentElement; up; up = up.parentElement) {
                const frame = up.getBoundingClientRect();
                const clips = getComputedStyle(up).overflowX !== 'visible';
                if (clips && (box.left < frame.left - 1 || box.right > frame.right + 1)) {
                  return false;
                }
              }
              return true;
            }""",
            selector,
        )
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_refused_rows_read_on_a_phone_and_stay_a_table_on_a_desktop(
    page: Any, users: Any, tmp_path: Path, lang: str
) -> None:
    upload = tmp_path / "places.csv"
    upload.write_text(BAD, encoding="utf-8")
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/")

    _refused_page(page, lang, 390, upload)
    assert overflow(page) == 0
    for line, (column, problem) in PROBLEMS[lang].items():
        row = f"#import-errors tr[data-line='{line}']"
        for part in ("th", ".refused-message"):
            assert _inside_the_window(page, f"{row} {part}"), (lang, line, part)
        card = page.locator(row).inner_text()
        assert card.startswith(f"{LINE[lang]}\u00a0{line} — {column}\n"), card
        assert problem in card
    assert serious_violations(page) == []

    _refused_page(page, lang, 1366, upload)
    assert overflow(page) == 0
    table = page.locator("#import-errors")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert table.locator("thead th").all_inner_texts()[0] == LINE[lang]
    assert table.locator("thead").is_visible()
    cells = table.locator("tr[data-line='3'] > *").all_inner_texts()
    assert cells[:2] == ["3", "population"]
    assert serious_violations(page) == []
