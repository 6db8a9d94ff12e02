"""The public phone form and the owner pages: skip logic on the server, htmx re-render,
one submission per key, rate limit, CSRF, and who sees what."""

import io
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from icc.accounts.models import User
from icc.conftest import FORMULA_PAYLOADS, client_for, download_cells
from icc.surveys import selectors
from icc.surveys.models import Submission, Survey
from icc.surveys.services import submission_create, survey_close
from icc.surveys.tests.forms import perception_form

FORM = {"age": "34", "gender": "woman", "city": "bilbao", "district": "deusto", "heard": "no"}


def _url(survey: Survey, name: str = "surveys:public") -> str:
    return reverse(name, args=[survey.token])


def test_public_form_asks_only_what_applies_and_in_the_chosen_language(survey: Survey) -> None:
    client = Client()
    page = client.get(_url(survey)).content.decode()
    assert 'name="age"' in page and 'name="heard"' in page
    assert 'name="believed"' not in page  # relevant only once "heard" is yes
    assert "Have you heard that newcomers take jobs?" in page
    assert 'value="bilbao"' in page
    assert 'value="deusto"' not in page  # no city chosen yet: no district fits
    assert 'hx-post="' + _url(survey, "surveys:public_fields") in page  # heard and city refresh
    english = _url(survey)
    french_url = english.replace("/en/", "/fr/", 1)
    assert f'href="{french_url}?lang=fr"' in page  # the page's own words follow
    french = client.get(french_url + "?lang=fr").content.decode()
    assert "Avez-vous entendu dire" in french and 'lang="fr"' in french


def test_fields_rerender_applies_skip_logic_and_choice_filters(survey: Survey) -> None:
    client = Client()
    fragment = client.post(
        _url(survey, "surveys:public_fields"), {**FORM, "heard": "yes", "city": "getxo"}
    ).content.decode()
    assert fragment.startswith('<div id="survey-fields"')
    assert 'name="believed"' in fragment and 'name="where"' in fragment
    assert 'value="algorta"' in fragment and 'value="deusto"' not in fragment
    assert Submission.objects.count() == 0  # re-rendering writes nothing


def test_submit_stores_once_and_thanks(survey: Survey) -> None:
    client = Client()
    data = {**FORM, "key": "abc123", "lang": "en"}
    response = client.post(_url(survey), data)
    assert response.status_code == 302
    assert response["Location"].startswith(_url(survey, "surveys:thanks"))
    assert client.get(response["Location"]).status_code == 200
    assert client.post(_url(survey), data).status_code == 302  # double submit
    assert selectors.submissions_count(survey_id=survey.pk) == 1
    stored = Submission.objects.get()
    assert stored.answers == {
        "age": 34,
        "gender": "woman",
        "city": "bilbao",
        "district": "deusto",
        "heard": "no",
    }


def test_invalid_answers_come_back_with_errors(survey: Survey) -> None:
    response = Client().post(_url(survey), {**FORM, "age": "12", "heard": "yes", "key": "k"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'role="alert"' in page and "Between 16 and 119" in page
    assert 'href="#q-believed"' in page and "An answer is required." in page
    assert 'value="12"' in page  # what was typed is kept
    assert Submission.objects.count() == 0


def test_closed_or_unknown_survey(survey: Survey, users: dict[str, User]) -> None:
    survey_close(survey=survey)
    assert Client().get(_url(survey)).status_code == 410
    assert Client().post(_url(survey), FORM).status_code == 410
    assert Client().post(_url(survey, "surveys:public_fields"), FORM).status_code == 404
    assert Client().get(reverse("surveys:public", args=["nope"])).status_code == 404
    assert client_for(users["other_city_coordinator"]).get(_url(survey)).status_code == 410
    # the place's people preview it: answers are checked, never stored
    city = client_for(users["city_coordinator"])
    assert "Preview" in city.get(_url(survey)).content.decode()
    assert city.post(_url(survey, "surveys:public_fields"), FORM).status_code == 200
    wrong = city.post(_url(survey), {**FORM, "age": "3"})
    assert wrong.status_code == 422 and "Between 16 and 119" in wrong.content.decode()
    right = city.post(_url(survey), FORM)
    assert "These answers would be accepted." in right.content.decode()
    assert Submission.objects.count() == 0


@override_settings(ICC_SURVEYS_SUBMIT_LIMIT=(2, 3600))
def test_submissions_are_rate_limited(survey: Survey) -> None:
    client = Client()
    for number in range(2):
        assert client.post(_url(survey), {**FORM, "key": f"k{number}"}).status_code == 302
    refused = client.post(_url(survey), {**FORM, "key": "k9"})
    assert refused.status_code == 429
    assert selectors.submissions_count(survey_id=survey.pk) == 2


def test_public_form_needs_csrf(survey: Survey) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(_url(survey), FORM).status_code == 403
    page = client.get(_url(survey)).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    ok = client.post(_url(survey), {**FORM, "csrfmiddlewaretoken": token, "key": "x"})
    assert ok.status_code == 302


# --- owner pages ----------------------------------------------------------------------------

READERS = {"secretariat", "city_coordinator", "expert", "network_coordinator"}
MANAGERS = {"secretariat", "city_coordinator"}


def test_who_sees_and_manages_a_survey(survey: Survey, users: dict[str, User]) -> None:
    submission_create(survey=survey, answers=FORM)
    detail = reverse("surveys:detail", args=[survey.pk])
    export = reverse("surveys:export", args=[survey.pk, "csv"])
    state = reverse("surveys:state", args=[survey.pk])
    place = reverse("surveys:place", args=[survey.place.slug])
    for role, user in users.items():
        client = client_for(user)
        assert client.get(detail).status_code == (200 if role in READERS else 404), role
        assert client.get(place).status_code == (200 if role in READERS else 404), role
        assert client.get(export).status_code == (200 if role in MANAGERS else 404), role
        if role not in MANAGERS:
            assert client.post(state, {"action": "close"}).status_code == 404, role
    anonymous = Client().get(detail)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    survey.refresh_from_db()
    assert survey.state == Survey.State.OPEN
    client_for(users["city_coordinator"]).post(state, {"action": "close"})
    survey.refresh_from_db()
    assert survey.state == Survey.State.CLOSED


def test_a_survey_private_to_its_place(survey: Survey, users: dict[str, User]) -> None:
    survey.private_to_place = True
    survey.save()
    detail = reverse("surveys:detail", args=[survey.pk])
    place = reverse("surveys:place", args=[survey.place.slug])
    for role, user in users.items():
        client = client_for(user)
        expected = 200 if role == "city_coordinator" else 404
        assert client.get(detail).status_code == expected, role
        listed = client.get(place)
        if listed.status_code == 200:
            assert ("Perceptions 2026" in listed.content.decode()) == (expected == 200), role


def test_results_page_shows_intervals_and_hides_small_groups(
    survey: Survey, users: dict[str, User]
) -> None:
    Submission.objects.bulk_create(
        [Submission(survey=survey, answers={**FORM, "heard": "no"}) for _ in range(6)]
        + [Submission(survey=survey, answers={**FORM, "heard": "no", "gender": "man"})]
    )
    page = (
        client_for(users["expert"])
        .get(reverse("surveys:detail", args=[survey.pk]), {"question": "heard", "by": "gender"})
        .content.decode()
    )
    assert "100.0 %" in page and "7 respondents" in page
    assert "Hidden: fewer than 5 respondents in this group." in page
    assert "Wilson" in page
    assert "Export" not in page and "Import answers" not in page  # an expert only reads
    # a select_multiple question cannot make groups: the choice is ignored, not a crash
    odd = client_for(users["expert"]).get(
        reverse("surveys:detail", args=[survey.pk]), {"question": "where", "by": "where"}
    )
    assert odd.status_code == 200
    # nor does a question asked of some only: the list offers the others
    skipped = client_for(users["expert"]).get(
        reverse("surveys:detail", args=[survey.pk]), {"question": "heard", "by": "believed"}
    )
    assert skipped.status_code == 200
    offered = skipped.content.decode().split('name="by"')[1].split("</select>")[0]
    assert 'value="gender"' in offered and 'value="believed"' not in offered


def test_create_and_import_through_the_pages(
    directory: dict[str, Any], users: dict[str, User]
) -> None:
    client = client_for(users["city_coordinator"])
    place = reverse("surveys:place", args=["bilbao"])
    upload = io.BytesIO(perception_form())
    upload.name = "perceptions.xlsx"
    response = client.post(place, {"title": "Diagnosis", "xlsform": upload})
    survey = Survey.objects.get()
    assert response["Location"] == reverse("surveys:detail", args=[survey.pk])
    assert survey.place_id == directory["bilbao"].pk and survey.state == Survey.State.DRAFT
    bad = io.BytesIO(b"type,name\nfoo,bar\n")
    bad.name = "form.xlsx"
    refused = client.post(place, {"title": "Broken", "xlsform": bad})
    assert refused.status_code == 422 and "Sheet workbook" in refused.content.decode()
    export = io.BytesIO(
        b"about/age;heard;meta/instanceID\r\n30;no;uuid:1\r\n8;no;uuid:2\r\n30;no;uuid:1\r\n"
    )
    export.name = "kobo.csv"
    page = client.post(reverse("surveys:import", args=[survey.pk]), {"file": export})
    text = page.content.decode()
    assert "3 rows read: 1 imported, 1 already there, 1 refused." in text
    assert "about/age" in text
    other = client_for(users["other_city_coordinator"])
    assert other.post(place, {"title": "Not mine", "xlsform": upload}).status_code == 404


def test_every_refused_row_of_an_import_can_be_downloaded_to_correct(
    survey: Survey, users: dict[str, User]
) -> None:
    """The page lists the first 500 refused rows; the others were shown nowhere and the upload
    is not kept. The page says how many are not listed and offers them all, with their reason
    and their cells, as a CSV that imports again once corrected."""
    import base64
    import re

    client = client_for(users["city_coordinator"])
    rows = "".join(f"{8 + i % 2};no;uuid:r{i}\r\n" for i in range(1004))  # age 8 or 9: refused
    export = io.BytesIO(("about/age;heard;meta/instanceID\r\n" + rows).encode())
    export.name = "kobo.csv"
    page = client.post(reverse("surveys:import", args=[survey.pk]), {"file": export})
    text = page.content.decode()
    assert "1004 rows read: 0 imported, 0 already there, 1004 refused." in text
    assert "504 more refused rows are not listed here" in text
    link = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', text)
    assert link is not None
    quarantine = download_cells(base64.b64decode(link.group(1)), "csv")
    assert "uuid:r1003" in quarantine and "about/age" in quarantine
    assert quarantine.count("Between 16 and 119") == 1004
    export.seek(0)
    french = client.post(
        reverse("surveys:import", args=[survey.pk]).replace("/en/", "/fr/"), {"file": export}
    )
    assert "504 autres lignes refusées ne sont pas listées ici" in french.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_formula_safe(survey: Survey, users: dict[str, User], fmt: str) -> None:
    for number, payload in enumerate(FORMULA_PAYLOADS):
        submission_create(survey=survey, answers={**FORM, "comment": payload}, key=str(number))
    response = client_for(users["secretariat"]).get(
        reverse("surveys:export", args=[survey.pk, fmt])
    )
    cells = download_cells(response.getvalue(), fmt)
    assert "_submission_time" in cells and "comment" in cells


def test_the_page_speaks_french_in_french(survey: Survey) -> None:
    url = _url(survey).replace("/en/", "/fr/", 1)
    page = Client().post(url, {**FORM, "heard": "yes", "lang": "fr", "key": "f"}).content.decode()
    assert "Envoyer mes réponses" in page and "Une réponse est requise." in page
    assert "Le croyez-vous ?" in page


def test_the_secretariat_can_look_in_the_admin(survey: Survey, users: dict[str, User]) -> None:
    submission_create(survey=survey, answers=FORM)
    client = client_for(users["secretariat"])
    users["secretariat"].is_superuser = True
    users["secretariat"].save()
    listing = client.get(reverse("admin:surveys_survey_changelist"))
    assert listing.status_code == 200 and "Perceptions 2026" in listing.content.decode()
    assert client.get(reverse("admin:surveys_submission_changelist")).status_code == 200
    assert client.get(reverse("admin:surveys_survey_add")).status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_platforms_own_export_imports_back_without_doubling_anything(
    survey: Survey, users: dict[str, User], fmt: str
) -> None:
    client = client_for(users["city_coordinator"])
    public = Client()
    form = public.get(_url(survey)).content.decode()
    key = form.split('name="key" value="', 1)[1].split('"', 1)[0]
    assert public.post(_url(survey), {**FORM, "key": key}).status_code in (200, 302)
    submission_create(survey=survey, answers=FORM)  # an answer stored with no key given
    kobo = io.BytesIO(b"about/age;heard;meta/instanceID\r\n30;no;uuid:k1\r\n")
    kobo.name = "kobo.csv"
    client.post(reverse("surveys:import", args=[survey.pk]), {"file": kobo})
    assert selectors.submissions_count(survey_id=survey.pk) == 3
    export = client.get(reverse("surveys:export", args=[survey.pk, fmt]))
    again = io.BytesIO(export.getvalue())
    again.name = f"export.{fmt}"
    page = client.post(reverse("surveys:import", args=[survey.pk]), {"file": again})
    assert "3 rows read: 0 imported, 3 already there, 0 refused." in page.content.decode()
    assert selectors.submissions_count(survey_id=survey.pk) == 3


def test_results_page_says_which_cells_are_hidden_to_protect_a_small_one(
    survey: Survey, users: dict[str, User]
) -> None:
    base = {"age": 30, "gender": "woman", "city": "bilbao", "district": "deusto"}
    answers = [{**base, "heard": "yes", "believed": "no"}] * 20 + [{**base, "heard": "no"}] * 3
    Submission.objects.bulk_create([Submission(survey=survey, answers=a) for a in answers])
    client = client_for(users["city_coordinator"])
    detail = reverse("surveys:detail", args=[survey.pk])
    html = client.get(detail, {"question": "heard"}).content.decode()
    assert "hidden to protect a small count" in html and "fewer than 5" in html
    assert ">20<" not in html  # 23 − 20 would give the 3 who did not hear it
    assert "alike on every grouping" in html  # the note says the rule holds across pages
    french = client.get(detail.replace("/en/", "/fr/"), {"question": "heard"}).content.decode()
    assert "masqué pour protéger un petit effectif" in french
    assert "de la même façon dans chaque regroupement" in french
