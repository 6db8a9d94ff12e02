"""The questionnaire pages through HTTP: one access check per request, a bounded number of
queries for an autosave, the page data from the questionnaire selectors."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from icc.conftest import client_for
from icc.index.questionnaire import response_area_get
from icc.index.selectors import response_get_for_user
from icc.index.services import edition_import_xlsform

BASE = "/en/index/test/places/bilbao/"


def _save(client, code, value, version=0):
    return client.post(
        BASE + f"answer/{code}/", {"value": value, "version": str(version)}, HTTP_HX_REQUEST="true"
    )


def test_autosave_checks_access_once_and_stays_within_its_query_budget(
    small_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    _save(client, "commitment_strategy", "no")  # the first save also starts the response
    with CaptureQueriesContext(connection) as queries:
        reply = _save(client, "commitment_strategy", "yes", version=1)
    assert reply.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    # the place, the roles and the response are each read once: one access check
    assert sum('FROM "network_place"' in s for s in sql) == 1
    assert sum('FROM "accounts_roleassignment"' in s for s in sql) == 1
    assert len(sql) <= 16  # 21 before; two are savepoints, "\n".join(sql)
    trigger = json.loads(reply["HX-Trigger"])
    assert "commitment_budget" in trigger["icc:visibility"]["visible"]  # shown by the answer yes


def test_autosave_query_count_is_pinned(
    small_edition, directory, users, django_assert_max_num_queries
):
    client = client_for(users["city_coordinator"])
    _save(client, "commitment_strategy", "no")
    with django_assert_max_num_queries(16):
        _save(client, "education_mixing", "yes")


def test_area_pages_link_to_their_neighbours_and_hide_skipped_questions(
    small_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    first = client.get(BASE + "area/commitment/").content.decode()
    assert "/area/education/" in first and "Review and submit" not in first
    # commitment_budget is skipped until the strategy is answered yes or partly
    assert 'id="q-commitment_budget" data-question="commitment_budget" hidden' in first
    _save(client, "commitment_strategy", "partly")
    again = client.get(BASE + "area/commitment/").content.decode()
    assert 'id="q-commitment_budget" data-question="commitment_budget">' in again
    last = client.get(BASE + "area/education/").content.decode()
    assert "Review and submit" in last and "← Commitment" in last


def test_area_page_data_counts_only_visible_questions(small_edition, directory, users):
    _save(client_for(users["city_coordinator"]), "commitment_strategy", "no")
    access = response_get_for_user(
        user=users["city_coordinator"], place_slug="bilbao", edition_name="test"
    )
    page = response_area_get(access=access, area_code="commitment")
    assert [item.visible for item in page.questions] == [True, False, True]
    assert page.previous_area is None and page.next_area.code == "education"
    assert (page.progress.answered, page.progress.total) == (1, 4)


def test_an_unknown_area_is_not_found(small_edition, directory, users):
    reply = client_for(users["city_coordinator"]).get(BASE + "area/nowhere/")
    assert reply.status_code == 404


@pytest.mark.parametrize(
    "url",
    [BASE, BASE + "area/commitment/", BASE + "history/"],
)
def test_anonymous_visitors_are_sent_to_log_in(small_edition, directory, url):
    reply = client_for(None).get(url)
    assert reply.status_code == 302
    assert reply["Location"] == "/en/accounts/login/?next=" + url


def test_a_third_party_form_asks_only_what_its_pages_can_answer(directory, users):
    """A KoboToolbox form imported as an edition: its metadata, calculation, geopoint and photo
    are kept but neither shown, counted, saved nor required; its notes are shown, not counted."""
    content = (Path(__file__).parent / "fixtures" / "household_survey.xlsx").read_bytes()
    edition_import_xlsform(filename="household_survey.xlsx", content=content, name="hh")
    base = "/en/index/hh/places/bilbao/"
    city = client_for(users["city_coordinator"])

    def save(code, value):
        return city.post(
            base + f"answer/{code}/", {"value": value, "version": "0"}, HTTP_HX_REQUEST="true"
        )

    reply = save("consent", "yes")
    assert "1 of 11 questions answered" in reply.content.decode()
    location = city.get(base + "area/location/").content.decode()
    assert 'data-question="district"' in location and 'data-question="gps"' not in location
    household = city.get(base + "area/household/").content.decode()
    assert 'data-question="asset_note"' in household  # a note is read
    assert 'data-question="asset_count"' not in household  # a calculation is not a question
    for code in ("gps", "asset_count", "start", "intro"):
        refused = save(code, "12").content.decode()
        assert "is not answered on the questionnaire pages" in refused, code
    assert "1 of 11 questions answered" in refused
    overview = city.get(base).content.decode()
    assert "1 of 11 questions answered" in overview


def test_an_answer_sent_after_the_session_ended_sends_to_log_in_and_back_to_the_page(
    small_edition, directory, users
):
    area = "http://testserver" + BASE + "area/commitment/"
    plain = Client().post(BASE + "answer/commitment_strategy/", {"value": "yes"}, HTTP_REFERER=area)
    assert plain.status_code == 302
    assert plain["Location"].endswith("?next=/en/index/test/places/bilbao/area/commitment/")
    htmx = Client().post(
        BASE + "answer/commitment_strategy/",
        {"value": "yes"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=area,
    )
    body = htmx.content.decode()
    assert htmx.status_code == 200 and "your session has ended" in body
    assert "next=%2Fen%2Findex%2Ftest%2Fplaces%2Fbilbao%2Farea%2Fcommitment%2F" in body
    assert "<html" not in body  # a status line, not a login page inside the question
    elsewhere = Client().post(
        BASE + "answer/commitment_strategy/", {}, HTTP_REFERER="https://evil.example/"
    )
    assert elsewhere["Location"].endswith("?next=/en/index/test/places/bilbao/")


def test_a_save_with_a_garbled_version_is_answered_not_an_error(small_edition, directory, users):
    client = client_for(users["city_coordinator"])
    first = _save(client, "commitment_staff", "12", version="7")  # never saved: nothing to lose
    assert first.status_code == 200 and "Saved" in first.content.decode()
    for junk in ("abc", "-1", "1.5", ""):
        reply = _save(client, "commitment_staff", "13", version=junk)
        assert reply.status_code == 200
        assert "changed this answer" in reply.content.decode()  # not saved over version 1


def test_a_refused_first_answer_starts_no_response(small_edition, directory, users):
    """The first answer starts the response; when that answer is refused (a value the question
    does not offer), nothing is written: no empty draft is left behind."""
    from icc.index.models import Response, ResponseEvent

    client = client_for(users["city_coordinator"])
    reply = _save(client, "commitment_strategy", "perhaps")
    assert json.loads(reply["HX-Trigger"])["icc:saved"]["status"] == 422
    assert "Choose one of the options offered." in reply.content.decode()
    assert not Response.objects.exists() and not ResponseEvent.objects.exists()
    assert _save(client, "commitment_strategy", "yes").status_code == 200
    assert Response.objects.count() == 1
