"""Every page type in a real Chromium, in English and French, on a 390 px phone and a 1366 px
desktop: no horizontal overflow, and axe-core finds no moderate, serious or critical
accessibility violation; the keyboard focus is drawn with enough contrast on light and dark
backgrounds. A questionnaire page is also completed with the keyboard only.

axe-core (MPL-2.0) is vendored for the tests in ``assets/axe.min.js``; it is evaluated through
the DevTools protocol, which the pages' Content-Security-Policy does not govern.
"""

from pathlib import Path
from typing import Any

import pytest

from icc.conftest import PASSWORD
from icc.events.demo import BILBAO_SLUG
from icc.index.models import Answer
from icc.index.services import answer_save, response_start
from icc.index.tests.conftest import services_edition, small_edition  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "assets" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = (390, 1366)

PAGE_TYPES = {
    "home": "/{lang}/",
    "network": "/{lang}/network/",
    "places": "/{lang}/network/places/",
    "place": "/{lang}/network/places/bilbao/",
    "national network": "/{lang}/network/networks/reci/",
    "index": "/{lang}/index/",
    "results": "/{lang}/index/2023/results/",
    "report": "/{lang}/index/2023/places/bilbao/report/",
    "charts": "/{lang}/index/charts/",
    "events": "/{lang}/events/",
    "event": "/{lang}/events/" + BILBAO_SLUG + "/",
    "agenda": "/{lang}/events/" + BILBAO_SLUG + "/agenda/",
    "citizenship test": "/{lang}/citizenship/",
    "log in": "/{lang}/accounts/login/",
}


def serious_violations(page: Any) -> list[str]:
    """axe-core's moderate, serious and critical violations on the page, one readable line each
    (moderate too: two scrolling tables both named nothing leave a screen reader two regions it
    cannot tell apart)."""
    page.evaluate(AXE)
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .filter(v => ['moderate', 'serious', 'critical'].includes(v.impact))
          .map(v => v.id + ' (' + v.impact + '): '
            + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    return list(found)


def overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0 when nothing sticks out)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


def settle(page: Any) -> None:
    """Wait for what scripts draw after load (the charts), so axe sees the finished page."""
    if page.locator("#chart[data-spec]").count():
        page.wait_for_function(
            "() => document.querySelector('#chart').getAttribute('data-rendered') !== null"
        )
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_type_fits_a_phone_and_passes_axe(page, api_data, lang):
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in PAGE_TYPES.items():
            response = page.goto(page.base + path.format(lang=lang))
            assert response is not None and response.status == 200, (name, response)
            settle(page)
            if (extra := overflow(page)) > 0:
                problems.append(f"{name} at {width} px: {extra} px wider than the window")
            problems += [f"{name} at {width} px: {v}" for v in serious_violations(page)]
    assert problems == []


def test_a_questionnaire_page_on_a_phone_with_the_keyboard_only(page, small_edition, users):  # noqa: F811
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", "city")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/")
    page.goto(page.base + "/en/index/test/places/bilbao/area/commitment/")
    assert overflow(page) == 0
    assert serious_violations(page) == []

    # From the first answer, Tab reaches the question's choices; the arrow keys choose one,
    # which autosaves; the question it unlocks (skip logic) appears.
    first = page.locator("#q-commitment_strategy input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowDown")  # moves from the first choice to the second, and checks it
    page.wait_for_selector("#status-commitment_strategy .save-ok")
    checked = page.locator("#q-commitment_strategy input[type=radio]:checked")
    assert checked.count() == 1
    page.keyboard.press("ArrowUp")  # back to "yes", which asks the follow-up question
    page.wait_for_function(
        "() => document.querySelector('#q-commitment_strategy input[value=yes]').checked"
    )
    page.locator("#q-commitment_budget").wait_for(state="visible")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('[id^=q-]')?.id || ''")
    assert focused != ""  # the focus stays inside the questionnaire, on the next control


def _answer(response: Any, code: str, value: Any, other: str = "") -> None:
    question = response.edition.questions.get(code=code)
    answer = Answer.objects.filter(response=response, question=question).first()
    answer_save(
        response=response, question=question, value=value, evidence="", links=[],
        expected_version=answer.version if answer else 0, user=None, other=other,
    )  # fmt: skip


def test_cascading_and_other_questions_fit_a_phone_and_pass_axe(
    page,
    services_edition,  # noqa: F811
    directory,
    users,
):
    """The questionnaire pages of a third-party form, in the states that add to them: a city
    answer its country no longer offers (flagged), and "Other" chosen with its text box open."""
    response = response_start(place=directory["bilbao"], edition=services_edition)
    _answer(response, "country", "es")
    _answer(response, "city", "bilbao")
    _answer(response, "country", "fr")  # Bilbao is no longer one of the cities offered
    _answer(response, "main_service", "other", "Legal clinic")
    _answer(response, "languages", ["fr", "other"], "Basque")
    page.goto(page.base + "/en/accounts/login/")
    page.fill("#id_username", "city")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/")
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for lang in ("en", "fr"):
            for area, shown in (("where", "#stale-city .notice"), ("services", "#other-languages")):
                page.goto(page.base + f"/{lang}/index/services/places/bilbao/area/{area}/")
                assert page.locator(shown).is_visible(), (area, shown)
                if (extra := overflow(page)) > 0:
                    problems.append(f"{area} ({lang}) at {width} px: {extra} px too wide")
                problems += [
                    f"{area} ({lang}) at {width} px: {v}" for v in serious_violations(page)
                ]
    assert problems == []


def focus_ring_contrast(page: Any) -> float:
    """The contrast ratio between the focused element's outline and the background it is drawn
    on (the nearest ancestor with a background colour; WCAG asks 3:1 for a focus indicator)."""
    return float(
        page.evaluate(
            """() => {
              const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
              const focused = document.activeElement;
              let behind = focused.parentElement;
              while (behind && (getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)'
                                || getComputedStyle(behind).backgroundImage !== 'none')) {
                behind = behind.parentElement;
              }
              const ring = lum(rgb(getComputedStyle(focused).outlineColor));
              const back = lum(rgb(getComputedStyle(behind || document.body).backgroundColor));
              return (Math.max(ring, back) + 0.05) / (Math.min(ring, back) + 0.05);
            }"""
        )
    )


def test_the_keyboard_focus_is_drawn_with_enough_contrast(page, api_data):
    """The focus ring of a field on a white card, of a link on the page and of a link in the dark
    header each stand out from what is behind them by 3:1 at least."""
    page.goto(page.base + "/en/network/places/")
    seen: dict[str, float] = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != (
            "none"
        )
        where = page.evaluate(
            "() => document.activeElement.closest('.site-header') ? 'header'"
            " : document.activeElement.closest('.filters') ? 'filters' : 'page'"
        )
        seen.setdefault(where, focus_ring_contrast(page))
        if len(seen) == 3:
            break
    assert set(seen) == {"header", "filters", "page"}
    assert all(ratio >= 1 for ratio in seen.values())  # each one measured
    assert {where: ratio for where, ratio in seen.items() if ratio < 3} == {}
