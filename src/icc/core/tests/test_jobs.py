"""The job layer: queued runs are shared, progress beats, a dead worker's run is noticed."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks import task

from icc.conftest import client_for
from icc.core.jobs import (
    job_beat,
    job_enqueue,
    job_error_line,
    job_run,
    job_run_again,
    job_start,
    job_waiting,
)
from icc.core.models import Job

pytestmark = pytest.mark.django_db


def _count_to_three(job):
    for done in range(1, 4):
        job_beat(job_id=job.pk, total=3, done=done, count="counted")


@task()
def count_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_count_to_three)


def _running_count_job() -> Job:
    """A run of ``count_task`` in progress that gave a sign of life just now."""
    return Job.objects.create(
        kind="test.count",
        key="1",
        task_path=count_task.module_path,
        state="running",
        heartbeat_at=timezone.now(),
    )


def _fail(job):
    raise RuntimeError("the disk is full")


@task()
def failing_task(job_id: int) -> None:
    job_run(job_id=job_id, work=_fail)


def test_changes_in_a_row_queue_one_run(django_capture_on_commit_callbacks):
    first = job_enqueue(kind="test.count", key="1", task=count_task, params={"n": 1})
    second = job_enqueue(kind="test.count", key="1", task=count_task, params={"n": 1})
    other = job_enqueue(kind="test.count", key="2", task=count_task, params={"n": 1})
    assert first.pk == second.pk != other.pk
    assert job_waiting(kind="test.count", key="1")


def test_a_run_reports_progress_then_done(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_enqueue(kind="test.count", key="1", task=count_task)
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.percent, job.counts) == (
        "done",
        3,
        3,
        100,
        {"counted": 3},
    )
    assert job.task_id and job.finished_at and not job.stopped
    assert not job_waiting(kind="test.count", key="1")


def test_a_failure_is_recorded_with_its_error(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the backend records the error
        job_enqueue(kind="test.fail", key="1", task=failing_task)
    job = Job.objects.get(kind="test.fail")
    assert job.state == "failed" and "RuntimeError: the disk is full" in job.error


def test_a_silent_run_is_stopped_and_the_next_start_marks_it_failed(settings):
    old = timezone.now() - dt.timedelta(seconds=settings.ICC_JOB_LEASE_S + 1)
    dead = _running_count_job()
    Job.objects.filter(pk=dead.pk).update(heartbeat_at=old)
    alive = _running_count_job()
    dead.refresh_from_db()
    assert dead.stopped and not alive.stopped
    assert Job.objects.get(pk=dead.pk).state == "running"  # reading wrote nothing
    fresh = job_enqueue(kind="test.count", key="1", task=count_task, enqueue=False)
    assert job_start(job_id=fresh.pk) is not None
    assert job_start(job_id=fresh.pk) is None  # a run starts once
    dead.refresh_from_db()
    assert dead.state == "failed" and "stopped" in dead.error
    assert Job.objects.get(pk=alive.pk).state == "running"


def test_run_again_refuses_a_live_run_and_restarts_a_stopped_one(
    settings, django_capture_on_commit_callbacks
):
    job = _running_count_job()
    with pytest.raises(ValueError, match="still going"):
        job_run_again(job=job)
    Job.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=settings.ICC_JOB_LEASE_S + 1)
    )
    job.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        again = job_run_again(job=job)
    again.refresh_from_db()
    assert again.pk != job.pk and again.state == "done" and again.done == 3
    assert Job.objects.get(pk=job.pk).state == "failed"


def test_the_admin_shows_a_job_and_refuses_to_change_it(users):
    """Jobs are the platform's own records: the secretariat reads them in the admin, and neither
    adds nor edits one there (a run is started from its module's page)."""
    job = Job.objects.create(
        kind="test.count",
        key="1",
        task_path=count_task.module_path,
        error=job_error_line("The background worker stopped during this run."),
    )
    staff = client_for(users["secretariat"])
    url = f"/en/admin/core/job/{job.pk}/change/"
    page = staff.get(url)
    assert page.status_code == 200 and "test.count" in page.content.decode()
    assert "The background worker stopped during this run." in page.content.decode()
    assert "&quot;message&quot;" not in page.content.decode()  # not the stored form
    assert 'name="_save"' not in page.content.decode()
    assert staff.post(url, {"kind": "other"}).status_code == 403
    assert staff.get("/en/admin/core/job/add/").status_code == 403
    job.refresh_from_db()
    assert job.kind == "test.count"


def test_a_jobs_errors_show_in_the_readers_language_whoever_wrote_them(settings):
    """The errors of a run were stored as text in the writer's language (English for the
    worker, French when run again from a French page) and shown so to every reader. Each is
    stored untranslated with its values, and read in the reader's language; the technical
    detail of a failure stays as it was."""
    from django.utils import translation

    job = _running_count_job()
    Job.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=settings.ICC_JOB_LEASE_S + 1)
    )
    job.refresh_from_db()
    with translation.override("fr"):  # run again from a French page
        job_run_again(job=job)
    job.refresh_from_db()
    job.error += job_error_line("The run failed: %(error)s", error="OSError: full")
    with translation.override("en"):
        assert job.error_text == (
            "The background worker stopped during this run.\nThe run failed: OSError: full"
        )
    with translation.override("fr"):
        assert job.error_text == (
            "Le processus d’arrière-plan s’est arrêté pendant cette exécution.\n"
            "L’exécution a échoué : OSError: full"
        )
