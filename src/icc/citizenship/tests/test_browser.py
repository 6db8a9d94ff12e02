"""In a real Chromium: a phone in French takes the test to a profile; a facilitator's screen
follows several participants (HTTP clients) without reloading; the profile chart and the group's
counts can be read on a 390 px phone."""

from typing import Any

import pytest
from django.test import Client

from icc.citizenship.models import GroupSession, Response
from icc.citizenship.services import group_create
from icc.citizenship.tests.conftest import option_at, take_test
from icc.tests.test_pages_browser import overflow, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_problems(page):
    problems = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_a_phone_in_french_takes_the_test_to_a_profile(page, version):
    problems = watch_problems(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/fr/citizenship/")
    assert (
        page.locator("h1").inner_text()
        == "Quel genre de citoyen·ne interculturel·le êtes-vous\u00a0?"
    )
    page.fill("#id_city", "Getxo")
    page.click("button[type=submit]:has-text('Commencer le test')")
    for number in range(1, 19):
        page.wait_for_url(f"**/fr/citizenship/question/{number}/")
        assert page.locator(".cz-progress-label").inner_text() == f"Question {number} sur 18"
        # the question has the focus, for screen readers
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"
        if number == 3:  # back, and the answer given is still there
            page.click("a[rel=prev]")
            page.wait_for_url("**/question/2/")
            assert page.locator("input[name=option]:checked").count() == 1
            page.click("button[type=submit]")
            page.wait_for_url("**/question/3/")
        options = page.locator(".cz-option")
        assert options.count() == 4
        if number == 5:  # a choice is saved as it is made: a reload keeps it
            with page.expect_response(lambda r: r.status == 204):
                page.locator(".cz-option").nth(2).click()
            page.reload()
            assert page.locator("input[name=option]").nth(2).is_checked()
            page.locator("legend").focus()
        # keyboard: Tab to the first radio, arrow to the second, Enter submits
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")
        assert page.locator("input[name=option]:checked").count() == 1
        page.keyboard.press("Enter")
    page.wait_for_url("**/fr/citizenship/result/**")
    assert page.locator("h1").inner_text() == "Un profil de citoyenneté interculturelle"
    rows = page.locator("#profile tbody tr")
    assert rows.count() == 5
    assert rows.first.locator("th").inner_text() == "Ouverture à la diversité"
    saved = Response.objects.get()
    assert saved.language == "fr" and saved.city == "Getxo"
    shown = {
        row.get_attribute("data-code"): row.locator("td.num").inner_text() for row in rows.all()
    }
    assert shown == {code: str(round(score)) for code, score in saved.scores.items()}
    # nothing wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []


def test_the_facilitator_screen_follows_participants_without_reload(page, version):
    problems = watch_problems(page)
    page.goto(page.base + "/en/citizenship/group/new/")
    page.fill("#id_title", "Library, Thursday")
    page.click("button:has-text('Create the session')")
    page.wait_for_url("**/group/facilitate/**")
    group = GroupSession.objects.get()
    assert page.locator("#session-code").inner_text() == group.code
    assert page.locator("img.cz-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    page.evaluate("window.sameScreen = true")
    assert "0 participants joined" in page.locator("#joined").inner_text()

    participants = []
    for _i in range(5):
        client = Client()
        client.post(f"/en/citizenship/join/{group.code}/", {"language": "en"})
        participants.append(client)
    for client, choice in zip(participants, (1, 1, 2, 4, 1), strict=True):
        client.post("/en/citizenship/question/1/", {"option": option_at(version, 1, choice).pk})
    for number, question in enumerate(version.questions.all(), start=1):
        participants[0].post(
            f"/en/citizenship/question/{number}/", {"option": question.options.first().pk}
        )

    page.wait_for_function(
        "() => document.querySelector('#joined').textContent.includes('5 participants')"
    )
    page.wait_for_function(
        "() => document.querySelector('#completed').textContent.includes('1 finished')"
    )
    counts = page.locator("#tally-q1 [data-count]").all_inner_texts()
    assert counts == ["3", "1", "0", "1"]
    # one answer to question 2: no count that would tell whose it is, and why
    assert page.locator("#tally-q2 [data-count]").count() == 0
    assert "Counts shown from 5 participants" in page.locator("#tally-q2").inner_text()
    assert page.evaluate("window.sameScreen") is True  # updated in place, never reloaded
    assert "To discuss:" in page.locator("#tally-q1 .cz-prompt").inner_text()

    page.click("button:has-text('Close the session')")
    page.wait_for_selector(".cz-counts .badge.left")
    assert page.locator(".cz-counts .badge").text_content() == "Closed"
    assert page.locator("#tally[hx-trigger]").count() == 0  # polling stopped
    assert problems == []


# The chart rows of a table at the phone's width: for each row, the label's font size and
# lines, and whether its label, bar and number stay apart and inside the window.
CHART_ROWS = """(table) => {
  const rows = [...document.querySelectorAll(table + ' tbody tr')];
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const labels = rows.map((row) => {
    const heading = row.querySelector('th');
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    const rects = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
    }
    return rects;
  });
  return rows.map((row, i) => {
    const text = labels[i];
    const bar = row.querySelector('svg.bar').getBoundingClientRect();
    const number = row.querySelector('td.num').getBoundingClientRect();
    const others = labels.filter((_, j) => j !== i).flat();
    return {
      label: row.querySelector('th').innerText.trim(),
      size: parseFloat(getComputedStyle(row.querySelector('th')).fontSize),
      numberSize: parseFloat(getComputedStyle(row.querySelector('td.num')).fontSize),
      lines: new Set(text.map((r) => Math.round(r.top))).size,
      overlaps: text.some((r) => overlap(r, bar) || overlap(r, number)
        || others.some((o) => overlap(r, o))),
      inside: [...text, bar, number].every((r) => r.left >= 0 && r.right <= window.innerWidth),
    };
  });
}"""


def unreadable(rows: list[dict[str, Any]], *, most_lines: int) -> list[dict[str, Any]]:
    """The chart rows whose label or number is under 12 px, whose label takes more than
    ``most_lines`` lines, touches its bar, its number or another label, or leaves the window."""
    return [
        row
        for row in rows
        if row["size"] < 12
        or row["numberSize"] < 12
        or row["lines"] > most_lines
        or row["overlaps"]
        or not row["inside"]
    ]


def test_the_profile_chart_and_the_group_counts_read_on_a_phone(page, version):
    """Each label has the row's width, over its bar (it was squeezed into a column beside it:
    three lines for a dimension, up to seven for an answer in French); the chart stays a table
    with a caption and row headings, which axe checks."""
    page.set_viewport_size({"width": 390, "height": 844})
    result = take_test(Client(), version, choose=2)["Location"]
    for lang in ("en", "fr"):
        page.goto(page.base + result.replace("/en/", f"/{lang}/"))
        rows = page.evaluate(CHART_ROWS, "#profile")
        assert len(rows) == 5
        assert unreadable(rows, most_lines=2) == []
        assert page.locator("#profile caption").inner_text()
        assert overflow(page) == 0
        assert serious_violations(page) == []

    group = group_create(version=version, title="Phone", created_by_id=None)
    for i in range(5):
        participant = Client()
        participant.post(f"/fr/citizenship/join/{group.code}/", {"language": "fr"})
        for number in range(1, 9):
            option = option_at(version, number, 1 + i % 4)
            participant.post(f"/fr/citizenship/question/{number}/", {"option": option.pk})
    page.goto(page.base + f"/fr/citizenship/group/facilitate/{group.secret}/")
    for number in range(1, 9):
        rows = page.evaluate(CHART_ROWS, f"#tally-q{number} table")
        assert len(rows) >= 4, number
        assert unreadable(rows, most_lines=4) == [], number
    assert overflow(page) == 0
    assert serious_violations(page) == []
