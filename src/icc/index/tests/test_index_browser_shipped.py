"""Acceptance on the shipped edition: import the workbook, answer in Chromium (first area) after
an earlier session saved the rest, submit, review as the secretariat, read the results API."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from icc.index.forms_bridge import edition_form
from icc.index.models import Edition
from icc.index.services import answer_save, response_start
from icc.index.tests.test_index_browser import login
from icc.index.xlsform.xpath import visible_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHIPPED = Path(__file__).resolve().parent.parent / "editions" / "icc-2023.xlsx"


def answer_everything_but_commitment(edition, place):
    """An earlier session: every question outside "commitment" gets its best choice, those
    asked only of cities with a strategy included (the city will say it has one)."""
    response = response_start(place=place, edition=edition)
    form = edition_form(edition)
    values: dict[str, object] = {"commitment_strategy": "yes"}
    for question in edition.questions.exclude(area__code="commitment").order_by("position"):
        if question.code not in visible_questions(form, values) or not question.choices:
            continue
        best = max(question.choices, key=lambda c: c["points"] or 0)["name"]
        value = [best] if question.type == "select_multiple" else best
        answer_save(
            response=response,
            question=question,
            value=value,
            evidence="",
            links=[],
            expected_version=0,
            user=None,
        )
        values[question.code] = value


def test_shipped_edition_end_to_end(page, users, directory):
    call_command("index", "import-xlsform", str(SHIPPED), "--edition", "2023", "--year", "2023")
    edition = Edition.objects.get(name="2023")
    answer_everything_but_commitment(edition, directory["bilbao"])

    login(page, "city")
    page.goto(page.base + "/en/index/2023/places/bilbao/area/commitment/")
    blocks = page.locator("section.question")
    for i in range(blocks.count()):  # in order: an answer may reveal the next question
        block = blocks.nth(i)
        code = block.get_attribute("data-question")
        radios = block.locator("input[type=radio]")
        if block.is_visible() and radios.count():
            radios.first.check()  # the first choice of each scale is its best
            page.wait_for_selector(f"#status-{code} .save-ok")
    page.goto(page.base + "/en/index/2023/places/bilbao/")
    page.click("button[data-action=submit]")
    page.wait_for_selector(".message")
    assert "Submitted" in page.locator("h1").text_content(), page.locator(".message").inner_text()

    page.context.clear_cookies()
    login(page, "staff")
    page.goto(page.base + "/en/index/2023/places/bilbao/")
    for action in ("start_review", "validate", "publish"):
        page.click(f"button[data-action={action}]")
        page.wait_for_load_state()

    rows = Client().get("/api/v1/index/editions/2023/results").json()
    assert [r["place"] for r in rows] == ["Bilbao"]
    bilbao = rows[0]
    assert set(bilbao["indicators"]) == {a.code for a in edition.areas.filter(is_indicator=True)}
    assert all(score is not None for score in bilbao["indicators"].values())
    # best choices everywhere, a few checklist items left unticked: high, not perfect
    assert 80 < bilbao["index_core"] <= 100 and 80 < bilbao["index_advanced"] <= 100
    assert bilbao["rank"] == 1 and bilbao["rank_of"] == 1 and bilbao["rank_interval"] == [1.0, 1.0]
    assert set(bilbao["peer_ranks"].values()) == {1}
