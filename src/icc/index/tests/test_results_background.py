"""Results are computed in the background: a publish returns at once, the pages and APIs show
the last results and say "being updated" while the computation waits, the worker brings them."""

import time

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from icc.core.models import Job
from icc.index.models import Edition, EditionResult, Response
from icc.index.scoring_service import edition_results_compute
from icc.index.services import response_transition
from icc.index.tests.test_index_results import publish
from icc.index.workflow import Action, Actor
from icc.network.services import place_fact_set

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
RESULTS = "/api/v1/index/editions/test/results"


def publish_getxo(edition, users):
    """The secretariat publishes Getxo's validated response through the workflow service."""
    response = Response.objects.get(place__slug="getxo", edition=edition)
    Response.objects.filter(pk=response.pk).update(state="validated")
    return response_transition(
        response=response,
        action=Action.PUBLISH,
        actors=frozenset({Actor.SECRETARIAT}),
        user=users["secretariat"],
    )


@pytest.fixture
def two_published(small_edition, directory):
    """Bilbao and Reggio Emilia published and scored; Getxo answered but not published."""
    publish(small_edition, directory)
    Response.objects.filter(place__slug="getxo").update(state="draft")
    edition_results_compute(edition=small_edition)
    return small_edition


@pytest.mark.django_db(transaction=True)  # committed for real, as the worker needs
@override_settings(TASKS=DB_TASKS)
def test_publish_queues_the_results_and_pages_say_being_updated(two_published, users):
    edition = two_published
    before = EditionResult.objects.get(edition=edition)
    started = time.perf_counter()
    publish_getxo(edition, users)
    assert time.perf_counter() - started < 0.5  # nothing computed in the request
    job = Job.objects.get(kind="index.results", key=str(edition.pk))
    assert job.state == "queued" and job.task_id  # waiting in the database queue
    assert EditionResult.objects.get(edition=edition).version == before.version

    client = Client()
    api = client.get(RESULTS)
    assert {r["place"] for r in api.json()} == {"Bilbao", "Reggio Emilia"}  # the last results
    assert api["X-Results-Updating"] == "true" and api["Last-Modified"]
    summary = client.get("/api/v1/index/editions/test/summary").json()
    assert summary["updating"] is True and summary["places"] == 2
    page = client.get("/en/index/test/results/").content.decode()
    assert 'id="results-updating"' in page and "Being updated." in page
    french = client.get("/fr/index/test/results/").content.decode()
    assert "En cours de mise à jour." in french
    charts = client.get("/en/index/charts/?edition=test").content.decode()
    assert 'id="results-updating"' in charts
    chart_data = client.get("/api/v1/index/charts?edition=test").json()
    assert chart_data["updating"] is True and chart_data["computed_at"]
    report = client.get("/en/index/test/places/bilbao/report/").content.decode()
    assert 'id="results-updating"' in report
    # Getxo's own results are not computed yet: its report page says so (202), not "not found"
    waiting = client.get("/en/index/test/places/getxo/report/")
    assert waiting.status_code == 202 and waiting["Retry-After"]
    assert 'id="report-computing"' in waiting.content.decode()

    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)  # the worker runs it
    assert Job.objects.get(pk=job.pk).state == "done"
    rows = client.get(RESULTS)
    assert {r["place"] for r in rows.json()} == {"Bilbao", "Getxo", "Reggio Emilia"}
    assert rows["X-Results-Updating"] == "false"
    assert 'id="results-updating"' not in client.get("/en/index/test/results/").content.decode()
    assert client.get("/en/index/test/places/getxo/report/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_results_follow_a_publish_through_the_task(small_edition, directory, users):
    publish(small_edition, directory)
    Response.objects.filter(place__slug="getxo").update(state="draft")
    edition_results_compute(edition=small_edition)
    publish_getxo(small_edition, users)  # committed: the immediate backend runs the task
    rows = Client().get(RESULTS).json()
    assert {r["place"] for r in rows} == {"Bilbao", "Getxo", "Reggio Emilia"}
    edition = Edition.objects.get(pk=small_edition.pk)
    assert EditionResult.objects.get(edition=edition).version == edition.results_version
    assert Job.objects.filter(kind="index.results", state="done").exists()


def test_a_fact_change_queues_the_editions_the_place_is_ranked_in(
    two_published, directory, django_capture_on_commit_callbacks
):
    edition = two_published
    version = Edition.objects.get(pk=edition.pk).results_version
    with django_capture_on_commit_callbacks(execute=True):
        place_fact_set(
            place=directory["bilbao"],
            year=2022,
            population=150_000,  # now under 200,000 inhabitants, with Reggio Emilia
            foreign_born_pct=None,
            non_nationals_pct=None,
        )
    assert Edition.objects.get(pk=edition.pk).results_version == version + 1
    rows = {r["slug"]: r for r in Client().get(RESULTS).json()}
    assert rows["bilbao"]["peer_groups"]["population"]["band"] == 0
    # a place without a published response changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        place_fact_set(
            place=directory["getxo"],
            year=2022,
            population=1,
            foreign_born_pct=None,
            non_nationals_pct=None,
        )
    assert Edition.objects.get(pk=edition.pk).results_version == version + 1


def test_results_api_serves_stored_bytes_with_an_etag(two_published):
    client = Client()
    first = client.get(RESULTS)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(RESULTS, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    french = client.get(RESULTS, HTTP_ACCEPT_LANGUAGE="fr")
    assert french["ETag"] != first["ETag"]
    assert "1re sur 2 villes" in {r["rank_wording"] for r in french.json()}


def test_an_edition_never_computed_says_so(small_edition, directory):
    publish(small_edition, directory, compute=False)  # published without the workflow
    response = Client().get(RESULTS)
    assert response.json() == [] and "Last-Modified" not in response
    page = Client().get("/en/index/test/results/").content.decode()
    assert "No result is published for this edition yet." in page
    assert "results-computed" not in page and "results-updating" not in page
