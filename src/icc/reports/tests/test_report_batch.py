"""Bulk reports: one stored PDF per place and language, made again only when inputs change; the
secretariat's page with its progress bar; ``icc report --all`` with its own."""

import datetime as dt
import io
import logging

import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

from icc.conftest import client_for
from icc.core.models import Job
from icc.index.models import Answer, EditionResult, Response
from icc.index.scoring_service import edition_results_compute
from icc.index.services import response_transition
from icc.index.tests.test_results_background import DB_TASKS
from icc.index.workflow import Action, Actor
from icc.network.models import PlaceFact
from icc.reports.management.commands.report import progress_line
from icc.reports.models import ReportFile
from icc.reports.services import report_batch_create, report_batch_run


def run(edition, languages=("en", "fr")):
    batch = report_batch_create(edition=edition, languages=languages, enqueue=False)
    return report_batch_run(job_id=batch.pk)


def counts(job):
    return tuple(job.counts.get(name, 0) for name in ("generated", "skipped", "failed"))


def test_a_run_makes_one_file_per_place_and_language_then_keeps_them(editions):
    edition = editions["2023"]
    first = run(edition)
    assert (first.state, first.total, *counts(first)) == ("done", 6, 6, 0, 0)
    files = ReportFile.objects.filter(edition=edition)
    assert sorted(files.values_list("place__slug", "lang")) == [
        (slug, lang) for slug in ("bilbao", "getxo", "reggio-emilia") for lang in ("en", "fr")
    ]
    for record in files:
        with record.file.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert record.is_synthetic and record.size > 10_000
    second = run(edition)
    assert (*counts(second), second.percent) == (0, 6, 0, 100)


def test_changed_results_or_profile_make_the_reports_again(
    editions, django_capture_on_commit_callbacks
):
    edition = editions["2023"]
    run(edition, ["en"])
    before = {r.place.slug: r.file.name for r in ReportFile.objects.select_related("place")}
    fact = PlaceFact.objects.get(place__slug="getxo")  # the one fact row of the fixture
    fact.population_source = "Eustat"
    fact.save()
    assert counts(run(edition, ["en"]))[0] == 1  # only Getxo's profile changed
    answer = Answer.objects.get(
        response__place__slug="getxo",
        response__edition=edition,
        question__code="education_training",
    )
    answer.value = "yes"
    answer.save()
    type(edition).objects.filter(pk=edition.pk).update(results_version=F("results_version") + 1)
    edition_results_compute(edition=edition)
    with django_capture_on_commit_callbacks(execute=True):  # old files go once committed
        again = run(edition, ["en"])
    assert counts(again)[0] == 3  # new results: every report's ranks and averages may move
    after = {r.place.slug: r.file.name for r in ReportFile.objects.select_related("place")}
    assert all(before[slug] != after[slug] for slug in before)
    getxo = ReportFile.objects.get(place__slug="getxo")
    assert getxo.results_version == EditionResult.objects.get(edition=edition).version
    assert getxo.file.storage.exists(str(getxo.file.name))
    assert not getxo.file.storage.exists(str(before["bilbao"]))  # the old file is removed


def test_unknown_language_is_refused(editions):
    with pytest.raises(ValueError, match="Reports are made in en, fr"):
        report_batch_create(edition=editions["2023"], languages=["de"], enqueue=False)


def test_a_language_given_twice_is_made_once(editions, users):
    # A forged form (the page's boxes send each language once) asked for English twice: the
    # run counted, and typeset, every English report twice.
    client = client_for(users["secretariat"])
    client.post("/en/index/2023/reports/", {"languages": ["en", "en"]})
    batch = Job.objects.get(kind="reports.batch")
    assert (batch.params["languages"], batch.total) == (["en"], 3)
    done = report_batch_run(job_id=batch.pk)
    assert (done.state, done.total, *counts(done)) == ("done", 3, 3, 0, 0)


def test_batch_page_is_for_the_secretariat(editions, users):
    url = "/en/index/2023/reports/"
    assert client_for(None).get(url).status_code == 302
    assert client_for(users["city_coordinator"]).get(url).status_code == 403
    assert client_for(users["secretariat"]).get(url).status_code == 200


def test_the_page_starts_a_background_run_and_shows_its_progress(
    editions, users, django_capture_on_commit_callbacks
):
    client = client_for(users["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/index/2023/reports/", {"languages": ["fr"]})
    assert response.status_code == 302
    batch = Job.objects.get(kind="reports.batch")
    assert (batch.state, counts(batch)[0], batch.params["languages"]) == ("done", 3, ["fr"])
    assert batch.task_id and batch.created_by == users["secretariat"]
    page = client.get("/en/index/2023/reports/").content.decode()
    assert 'aria-valuenow="100"' in page and "3 made, 0 unchanged, 0 failed." in page
    assert page.count("/fr/index/2023/places/") >= 3  # each stored PDF in its language
    progress = client.get(f"/en/index/2023/reports/runs/{batch.pk}/").content.decode()
    assert "hx-trigger" not in progress  # finished: the page stops polling


def test_a_running_batch_is_polled(editions, users):
    batch = report_batch_create(edition=editions["2023"], enqueue=False)
    Job.objects.filter(pk=batch.pk).update(state="running", done=2, heartbeat_at=timezone.now())
    body = client_for(users["secretariat"]).get(f"/en/index/2023/reports/runs/{batch.pk}/")
    text = body.content.decode()
    assert 'hx-trigger="every 1s"' in text and 'aria-valuenow="33"' in text
    assert (
        client_for(users["resident"]).get(f"/en/index/2023/reports/runs/{batch.pk}/").status_code
        == 403
    )


def test_all_reports_from_the_command_line(editions, tmp_path):
    out = io.StringIO()
    call_command(
        "report",
        "--edition",
        "2023",
        "--all",
        "--lang",
        "en",
        "--output-dir",
        str(tmp_path / "pdf"),
        stdout=out,
    )
    text = out.getvalue()
    assert "[" + "#" * 30 + "] 3/3 100 %" in text
    assert "3 reports of edition 2023: 3 made, 0 unchanged, 0 failed." in text
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [
        "bilbao-2023-en.pdf",
        "getxo-2023-en.pdf",
        "reggio-emilia-2023-en.pdf",
    ]
    again = io.StringIO()
    call_command("report", "--edition", "2023", "--all", "--lang", "en", stdout=again)
    assert "0 made, 3 unchanged" in again.getvalue()


def test_progress_line():
    batch = Job(total=8, done=2, current="Bilbao (fr)")
    assert progress_line(batch) == "[" + "#" * 7 + "." * 23 + "] 2/8  25 % Bilbao (fr)"


def test_a_run_whose_worker_died_is_shown_stopped_and_runs_again(
    editions, users, django_capture_on_commit_callbacks, settings
):
    """The page used to say "Running — 2 of 6" forever once its worker died."""
    batch = report_batch_create(edition=editions["2023"], enqueue=False)
    silent = timezone.now() - dt.timedelta(seconds=settings.ICC_JOB_LEASE_S + 5)
    Job.objects.filter(pk=batch.pk).update(state="running", done=2, heartbeat_at=silent)
    client = client_for(users["secretariat"])
    progress = client.get(f"/en/index/2023/reports/runs/{batch.pk}/").content.decode()
    assert 'id="batch-stopped"' in progress and "Stopped" in progress
    assert "hx-trigger" not in progress  # no more polling of a dead run
    page = client.get("/en/index/2023/reports/").content.decode()
    assert 'id="batch-run-again"' in page
    assert Job.objects.get(pk=batch.pk).state == "running"  # the GETs wrote nothing
    again_url = f"/en/index/2023/reports/runs/{batch.pk}/again/"
    assert client_for(users["resident"]).post(again_url).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(again_url)
    assert answer.status_code == 302
    stopped = Job.objects.get(pk=batch.pk)
    assert stopped.state == "failed" and "stopped" in stopped.error
    again = Job.objects.exclude(pk=batch.pk).get(kind="reports.batch")
    assert (again.state, again.done, again.total, counts(again)) == ("done", 6, 6, (6, 0, 0))
    page = client.get("/en/index/2023/reports/").content.decode()
    assert 'aria-valuenow="100"' in page and 'id="batch-run-again"' not in page


def test_a_live_run_cannot_be_run_again(editions, users):
    batch = report_batch_create(edition=editions["2023"], enqueue=False)
    Job.objects.filter(pk=batch.pk).update(state="running", heartbeat_at=timezone.now())
    client = client_for(users["secretariat"])
    client.post(f"/en/index/2023/reports/runs/{batch.pk}/again/")
    assert Job.objects.filter(kind="reports.batch").count() == 1
    page = client.get("/en/index/2023/reports/").content.decode()
    assert "This run is still going" in page


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, ICC_REPORTS_PER_TASK=3)
def test_a_run_goes_in_parts_and_results_go_first(editions, users):
    """A bulk run queued before a publish does not hold the new results back: the results task
    goes first, then the run continues in parts of three reports."""
    edition = editions["2023"]
    report_batch_create(edition=edition, languages=["en", "fr"])
    response = Response.objects.get(place__slug="getxo", edition=edition)
    response_transition(
        response=response,
        action=Action.REOPEN,
        actors=frozenset({Actor.SECRETARIAT}),
        user=users["secretariat"],
    )
    call_command("db_worker", "--batch", "--max-tasks", "1", "--interval", "0", verbosity=0)
    assert Job.objects.get(kind="index.results", key=str(edition.pk)).state == "done"
    batch = Job.objects.get(kind="reports.batch")
    assert (batch.state, batch.done) == ("queued", 0)
    call_command("db_worker", "--batch", "--max-tasks", "1", "--interval", "0", verbosity=0)
    batch.refresh_from_db()
    assert (batch.state, batch.done, batch.total) == ("queued", 3, 4)  # Getxo's left the sample
    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)
    batch.refresh_from_db()
    assert (batch.state, batch.done, counts(batch)) == ("done", 4, (4, 0, 0))


def test_a_pdf_lost_from_storage_is_being_prepared_and_the_secretariat_makes_it_again(
    editions, users, caplog, django_capture_on_commit_callbacks
):
    """The row of a stored report stayed while its file went from the disk (a restore, a
    clean-up): the download says "being prepared" (never a server error), the log says which
    file is missing, and the secretariat finds there the button that makes it again."""
    run(editions["2023"], languages=("en",))
    record = ReportFile.objects.get(place__slug="bilbao", lang="en")
    record.file.storage.delete(str(record.file.name))
    url = "/en/index/2023/places/bilbao/report.pdf"
    with caplog.at_level(logging.WARNING, logger="icc"):
        anonymous = client_for(None).get(url)
    assert anonymous.status_code == 202
    assert "The report is being prepared" in anonymous.content.decode()
    assert 'id="report-remake"' not in anonymous.content.decode()
    assert str(record.file.name) in caplog.text
    secretariat = client_for(users["secretariat"])
    page = secretariat.get(url).content.decode()
    assert 'id="report-remake"' in page and 'action="/en/index/2023/reports/"' in page
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post("/en/index/2023/reports/", {"languages": ["en"]})
    download = secretariat.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_a_report_that_failed_is_named_in_the_pages_language(
    editions, users, django_capture_on_commit_callbacks, monkeypatch
):
    """The run's page listed the reports that failed as the worker wrote them, in English."""
    from icc.reports import services

    def broken(work):
        raise OSError("disk full")

    monkeypatch.setattr(services, "report_work_typeset", broken)
    client = client_for(users["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/index/2023/reports/", {"languages": ["en"]})
    french = client.get("/fr/index/2023/reports/").content.decode()
    assert "Le rapport Bilbao (en) a échoué : disk full" in french
    assert "failed" not in french.split('id="batch-state"')[1].split("</div>")[0]
