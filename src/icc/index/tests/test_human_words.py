"""People read labels, never codes: workflow states, answer choices, registration options, in
the page's language, with European dates; editions are told apart by their own names."""

import datetime as dt

from django.utils import timezone

from icc.conftest import client_for
from icc.index import demo
from icc.index.models import ResponseEvent
from icc.index.services import edition_import_xlsform, response_transition
from icc.index.tests.conftest import SMALL_SOURCE
from icc.index.tests.test_index_review import BASE, submitted
from icc.index.workflow import Action, Actor
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write


def test_workflow_history_shows_translated_states_and_european_dates(
    small_edition, directory, users
):
    response = submitted(small_edition, directory, users)
    response_transition(
        response=response,
        action=Action.START_REVIEW,
        actors=frozenset({Actor.SECRETARIAT}),
        user=users["secretariat"],
    )
    ResponseEvent.objects.filter(response=response).update(
        at=timezone.make_aware(dt.datetime(2026, 3, 4, 14, 30))
    )
    secretariat = client_for(users["secretariat"])
    page = secretariat.get(BASE).content.decode()
    assert "Draft → Submitted" in page and "Submitted → In review" in page
    assert "in_review" not in page.split('class="timeline"')[1]
    assert "04/03/2026 14:30" in page
    french = secretariat.get(BASE.replace("/en/", "/fr/")).content.decode()
    assert "Brouillon → Soumis" in french and "Soumis → En cours d&#x27;examen" in french


def test_answer_history_shows_choice_labels(small_edition, directory, users):
    submitted(small_edition, directory, users)
    page = client_for(users["secretariat"]).get(BASE + "history/").content.decode()
    cells = page.split('id="history-table"')[1]
    assert "<td>Partly</td>" in cells.replace('<br><span class="small">', "</td>") or (
        "Partly" in cells
    )
    assert ">partly<" not in cells and ">yes<" not in cells
    french = (
        client_for(users["secretariat"])
        .get(BASE.replace("/en/", "/fr/") + "history/")
        .content.decode()
    )
    assert "En partie" in french and "Oui" in french


def test_request_changes_asks_for_confirmation_and_says_what_happens(
    small_edition, directory, users
):
    submitted(small_edition, directory, users)
    page = client_for(users["secretariat"]).get(BASE).content.decode()
    assert 'data-confirm="Send this questionnaire back to its city as a draft?' in page


def test_editions_are_named_by_their_own_data(small_edition, client):
    source = {
        **SMALL_SOURCE,
        "settings": {
            **SMALL_SOURCE["settings"],
            "version": "2025.2",
            "title": {"en": "Test edition 2025", "fr": "Édition de test 2025"},
        },
    }
    edition_import_xlsform(
        filename="later.xlsx", content=form_write(form_from_source(source)), name="later"
    )
    editions = {e["name"]: e for e in client.get("/api/v1/index/editions").json()}
    assert editions["test"]["title"] == "Test edition"
    assert editions["later"]["title"] == "Test edition 2025"
    assert editions["later"]["form_version"] == "2025.2"
    home = client.get("/en/index/").content.decode()
    assert "Test edition 2025" in home and "version 2025.2" in home
    results = client.get("/en/index/later/results/").content.decode()
    assert "Results — Test edition 2025" in results and "2025.2" in results


def test_demo_editions_have_their_own_titles_and_versions():
    shipped = demo.shipped_form()
    older = {year: demo._older_form(shipped, 4, year) for year in (2019, 2021)}
    titles = {shipped.titles["en"], *(f.titles["en"] for f in older.values())}
    versions = {shipped.version, *(f.version for f in older.values())}
    assert len(titles) == 3 and len(versions) == 3
    assert older[2019].titles["en"] == "Intercultural Cities Index — 2019 edition (demo)"
    assert older[2021].version == "2021.1" and older[2021].form_id == "icc_index_2021"


def test_a_demo_edition_loaded_before_gets_its_own_name(small_edition):
    form = demo._older_form(demo.shipped_form(), 4, 2019)
    demo._name_from_data(small_edition, form)
    small_edition.refresh_from_db()
    assert small_edition.titles["fr"] == "Index des Cités interculturelles — édition 2019 (démo)"
    assert (small_edition.form_version, small_edition.form_id) == ("2019.1", "icc_index_2019")


def test_a_refused_step_says_why_in_the_readers_language_without_codes(
    small_edition, directory, users
):
    submitted(small_edition, directory, users)
    secretariat = client_for(users["secretariat"])
    french = BASE.replace("/en/", "/fr/")
    reply = secretariat.post(french + "action/", {"action": "validate"}, follow=True)
    page = reply.content.decode().replace("\xa0", " ")
    assert (
        "« Valider » n&#x27;est pas possible tant que le questionnaire est « Soumis » ; cette "
        "étape se fait quand il est : « En cours d&#x27;examen »."
    ) in page
    assert "in_review" not in page and "cannot be" not in page
    city = client_for(users["city_coordinator"])
    page = city.post(BASE + "action/", {"action": "start_review"}, follow=True).content.decode()
    assert (
        "Only the place&#x27;s experts or the secretariat can take the step “Start the review”."
        in page
    )
    queue = secretariat.post(
        "/fr/index/test/queue/bulk/",
        {"response": [small_edition.responses.get().pk], "step": "validate"},
        follow=True,
    ).content.decode()
    assert "Bilbao\xa0: «\xa0Valider\xa0» n&#x27;est pas possible" in queue  # « Bilbao : … »
