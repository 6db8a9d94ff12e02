"""A third-party XLSForm with a cascading country → city select and "Other" options, imported as
an edition and answered through the real pages: the city list follows the country chosen, an
answer the filter no longer offers is flagged and refused at submission, and the text written
for "Other" is kept with the answer and shown in the history and the export."""

import io
import json

import openpyxl

from icc.conftest import client_for
from icc.index.models import Answer, Edition, Response
from icc.index.result_selectors import response_question_points
from icc.index.scoring import Bands
from icc.index.services import edition_import_xlsform
from icc.index.tests.fixtures.services_mapping import (
    CHOICES,
    SETTINGS,
    SURVEY,
    services_mapping_workbook,
)
from icc.index.tests.fixtures.workbooks import Rows, workbook
from icc.index.xlsform import (
    answer_points,
    choice_offers,
    form_method_spec,
    form_read,
    form_write,
)

BASE = "/en/index/services/places/bilbao/"


def save(client, code, value, version=None, **extra):
    """An autosave as the page's htmx sends it; ``version`` defaults to the stored one."""
    if version is None:
        answer = Answer.objects.filter(question__code=code).first()
        version = answer.version if answer else 0
    data = {"value": value, "version": str(version), **extra}
    return client.post(BASE + f"answer/{code}/", data, HTTP_HX_REQUEST="true")


def radios(page: str, code: str) -> list[str]:
    """The option values offered by question ``code`` on a rendered page (or reply)."""
    block = page.split(f'id="choices-{code}"', 1)[1].split("</div>", 1)[0]
    return [part.split('"', 1)[0] for part in block.split('name="value" value="')[1:]]


# The form itself ------------------------------------------------------------------------------


def test_the_form_imports_with_its_filter_and_other_options_and_no_warning_about_them():
    form = form_read(filename="services.xlsx", content=services_mapping_workbook())
    by_code = {q.code: q for q in form.questions}
    assert by_code["city"].choice_filter == "country=${country}"
    assert by_code["city"].choices[0].extra == {"country": "es"}
    service, languages = by_code["main_service"], by_code["languages"]
    assert (service.or_other, languages.or_other) == (True, True)
    assert service.choices[-1].name == "other"
    assert service.choices[-1].labels == {"en": "Other", "fr": "Autre"}
    messages = " ".join(w.message for w in form.warnings)
    assert "choice filter" not in messages and "every choice" not in messages
    assert "or_other" not in messages  # pyxform's: "Other" is labelled in each language here
    assert "type 'start'" in messages  # what the pages still do not show is still said


def test_only_a_filter_the_server_cannot_compute_is_still_warned_about():
    survey = [list(row) for row in SURVEY]
    survey[5][7] = "country=${country} and today() > 0"
    content = workbook(survey=survey, choices=CHOICES, settings=SETTINGS)
    form = form_read(filename="f.xlsx", content=content)
    warned = [w for w in form.warnings if w.column == "choice_filter"]
    assert len(warned) == 1 and warned[0].row == 6
    assert "today()" in warned[0].message and "every choice is offered there" in warned[0].message


def test_the_filter_keeps_the_cities_of_the_country_and_flags_a_city_left_behind():
    form = form_read(filename="services.xlsx", content=services_mapping_workbook())
    assert choice_offers(form, {})["city"].names == ()  # no country yet: no city fits
    spain = choice_offers(form, {"country": "es", "city": "bilbao"})["city"]
    assert (spain.names, spain.stale) == (("bilbao", "getxo"), ())
    france = choice_offers(form, {"country": "fr", "city": "bilbao"})["city"]
    assert (france.names, france.stale) == (("lyon", "strasbourg"), ("bilbao",))


def test_filter_and_other_survive_writing_the_form_back_out():
    form = form_read(filename="services.xlsx", content=services_mapping_workbook())
    again = form_read(filename="again.xlsx", content=form_write(form))
    by_code = {q.code: q for q in again.questions}
    assert by_code["city"].choice_filter == "country=${country}"
    assert by_code["main_service"].or_other and by_code["languages"].or_other
    assert [c.name for c in by_code["main_service"].choices] == [
        "housing",
        "classes",
        "jobs",
        "other",
    ]


# Scoring: "Other" earns nothing unless the form gives it points --------------------------------

SCORED_SURVEY: Rows = [
    ["type", "name", "label", "indicator"],
    ["begin_group", "reception", "Reception", None],
    ["select_one service or_other", "main_service", "Main service", "reception"],
    ["select_one support or_other", "support", "Support", "reception"],
    ["end_group", None, None, None],
]
SCORED_CHOICES: Rows = [
    ["list_name", "name", "label", "points"],
    ["service", "housing", "Housing", 100],
    ["service", "jobs", "Jobs", 50],
    ["support", "none", "None", 0],
    ["support", "other", "Something else", 40],  # the form gives "other" points itself
]


def test_other_is_not_scored_unless_the_form_gives_it_points():
    content = workbook(
        survey=SCORED_SURVEY,
        choices=SCORED_CHOICES,
        indicators=[["code", "label", "weight"], ["reception", "Reception", 1]],
    )
    form = form_read(filename="scored.xlsx", content=content)
    service, support = form.questions
    assert service.scored and support.scored
    assert answer_points(service, "housing") == 100
    assert answer_points(service, "other") is None  # missing, not 0
    assert answer_points(support, "other") == 40
    assert [c.name for c in support.choices] == ["none", "other"]  # no second "other"
    spec = form_method_spec(form, default_bands=Bands((), ()))
    assert [q.code for q in spec.questions] == ["main_service", "support"]


def test_the_city_report_reads_other_with_its_text_and_no_points(directory):
    content = workbook(
        survey=SCORED_SURVEY,
        choices=SCORED_CHOICES,
        indicators=[["code", "label", "weight"], ["reception", "Reception", 1]],
    )
    edition = edition_import_xlsform(filename="scored.xlsx", content=content, name="scored").edition
    assert edition is not None
    response = Response.objects.create(
        place=directory["bilbao"], edition=edition, state="published"
    )
    for code, value, other in (("main_service", "other", "Legal clinic"), ("support", "other", "")):
        question = edition.questions.get(code=code)
        Answer.objects.create(response=response, question=question, value=value, other=other)
    lines = {
        line.code: line
        for line in response_question_points(edition=edition, place_id=directory["bilbao"].pk)
    }
    assert (lines["main_service"].answer, lines["main_service"].points) == (
        "Other: Legal clinic",
        None,
    )
    assert (lines["support"].answer, lines["support"].points) == ("Something else", 40.0)


# Answering through the pages ------------------------------------------------------------------


def test_the_city_list_follows_the_country_chosen(services_edition, directory, users):
    client = client_for(users["city_coordinator"])
    page = client.get(BASE + "area/where/").content.decode()
    assert radios(page, "city") == []
    assert "No option fits the earlier answers yet" in page
    reply = save(client, "country", "es")
    assert reply.status_code == 200
    # the reply swaps in the city options that fit Spain
    assert 'id="choices-city" hx-swap-oob="true"' in reply.content.decode()
    assert radios(reply.content.decode(), "city") == ["bilbao", "getxo"]
    page = client.get(BASE + "area/where/").content.decode()
    assert radios(page, "city") == ["bilbao", "getxo"]
    assert "Only the cities of the country chosen above are listed." in page


def test_a_city_of_another_country_is_refused_naming_the_question(
    services_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    save(client, "country", "es")
    reply = save(client, "city", "lyon")
    assert reply.status_code == 200  # the status line says why (htmx swaps 2xx only)
    assert json.loads(reply["HX-Trigger"])["icc:saved"]["status"] == 422
    text = reply.content.decode()
    assert "“City” offers only the options that fit the earlier answers" in text
    assert "“Lyon” is not one of them" in text
    assert not Answer.objects.filter(question__code="city").exists()
    french = client.post(
        BASE.replace("/en/", "/fr/") + "answer/city/",
        {"value": "lyon", "version": "0"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "«\u00a0Ville\u00a0» ne propose que les options qui conviennent" in french


def test_an_answer_left_behind_by_a_new_country_is_flagged_and_blocks_submission(
    services_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    save(client, "country", "es")
    save(client, "city", "bilbao")
    save(client, "main_service", "housing")
    reply = save(client, "country", "fr").content.decode()
    # the autosave reply flags the city answer and offers the French cities
    assert "Your answer “Bilbao” is no longer one of the options" in reply
    assert radios(reply, "city") == ["lyon", "strasbourg"]
    page = client.get(BASE + "area/where/").content.decode()
    assert "Your answer “Bilbao” is no longer one of the options" in page
    assert 'value="bilbao"' not in page  # not offered, so not shown as chosen either
    assert "2 of 5 questions answered" in page  # country and service; not the stale city
    overview = client.get(BASE).content.decode()
    assert "no longer among the options" in overview and "City</a> (Bilbao)" in overview
    assert ">1/2</span>" in overview  # the area "Where": the country, not the city
    refused = client.post(BASE + "action/", {"action": "submit"}, follow=True).content.decode()
    assert "The answer to “City” is no longer one of its options" in refused
    assert Response.objects.get().state == "draft"
    save(client, "city", "lyon")
    page = client.get(BASE + "area/where/").content.decode()
    assert "no longer one of the options" not in page
    client.post(BASE + "action/", {"action": "submit"})
    assert Response.objects.get().state == "submitted"


def test_the_flag_is_said_in_french(services_edition, directory, users):
    client = client_for(users["city_coordinator"])
    save(client, "country", "es")
    save(client, "city", "getxo")
    save(client, "country", "it")
    page = client.get(BASE.replace("/en/", "/fr/") + "area/where/").content.decode()
    assert "Votre réponse «\u00a0Getxo\u00a0» ne fait plus partie des options" in page
    assert radios(page, "city") == ["reggio"]


def test_other_offers_a_text_box_whose_text_is_kept_with_the_answer(
    services_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    page = client.get(BASE + "area/services/").content.decode()
    assert radios(page, "main_service") == ["housing", "classes", "jobs", "other"]
    assert 'class="other-choice"' in page and 'id="other-main_service"' in page
    assert "Other: please specify" in page
    save(client, "main_service", "other", other="  Legal clinic ")
    answer = Answer.objects.get(question__code="main_service")
    assert (answer.value, answer.other) == ("other", "Legal clinic")
    page = client.get(BASE + "area/services/").content.decode()
    assert 'value="Legal clinic"' in page
    assert 'value="other" checked class="other-choice"' in page
    history = client.get(BASE + "history/").content.decode()
    assert "Other: Legal clinic" in history
    # "Other" on a multiple choice, beside other options
    save(client, "languages", ["es", "other"], other="Basque")
    answer = Answer.objects.get(question__code="languages")
    assert (answer.value, answer.other) == (["es", "other"], "Basque")
    # the text is kept only while "Other" is chosen
    save(client, "main_service", "jobs", other="Legal clinic")
    assert Answer.objects.get(question__code="main_service").other == ""
    history = client.get(BASE + "history/").content.decode()
    assert "Job search" in history


def test_other_works_without_javascript(services_edition, directory, users):
    client = client_for(users["city_coordinator"])
    reply = client.post(
        BASE + "answer/main_service/",
        {"value": "other", "other": "Legal clinic", "version": "0"},
        follow=True,
    )
    assert reply.redirect_chain[-1][0].endswith("/area/services/")
    assert 'value="Legal clinic"' in reply.content.decode()
    french = client.get(BASE.replace("/en/", "/fr/") + "area/services/").content.decode()
    assert "Autre\u00a0: précisez" in french and " Autre</label>" in french


def test_a_reviewer_reads_the_other_text_and_the_export_has_its_column(
    services_edition, directory, users
):
    client = client_for(users["city_coordinator"])
    save(client, "country", "es")
    save(client, "city", "bilbao")
    save(client, "main_service", "other", other="Legal clinic")
    client.post(BASE + "action/", {"action": "submit"})
    expert = client_for(users["expert"]).get(BASE + "area/services/").content.decode()
    assert 'value="Legal clinic"' in expert and "<fieldset disabled>" in expert
    staff = client_for(users["secretariat"])
    sheet = staff.get("/en/index/services/export.xlsx")
    rows = list(openpyxl.load_workbook(io.BytesIO(sheet.content)).active.values)
    header, row = rows[0], rows[1]
    assert header.index("main_service_other") == header.index("main_service") + 1
    assert row[header.index("main_service")] == "other"
    assert row[header.index("main_service_other")] == "Legal clinic"
    assert row[header.index("city")] == "bilbao"


def test_editions_imported_with_these_features_keep_them(services_edition):
    edition = Edition.objects.get(name="services")
    city = edition.questions.get(code="city")
    assert city.choice_filter == "country=${country}"
    assert city.choices[0] == {
        "name": "bilbao",
        "labels": {"en": "Bilbao", "fr": "Bilbao"},
        "points": None,
        "columns": {"country": "es"},
    }
    assert edition.questions.get(code="main_service").or_other
    assert edition.questions.get(code="country").choices[0].keys() == {"name", "labels", "points"}
