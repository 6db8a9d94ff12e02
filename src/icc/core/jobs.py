"""Background jobs that survive a dead worker: one record per run, with progress and heartbeat.

Every background task of the platform (results computation, city reports, bulk runs, and the
modules still to come) runs through this layer, so the pages can say how far a run is and notice
a run whose worker died.

API (writes are services, reads are selectors; all keyword-only):

- ``job_enqueue(kind=, key=, task=, params=, total=, user_id=, enqueue=True)`` — in the caller's
  transaction, record a queued ``Job`` and enqueue ``task(job_id=…)`` once the transaction
  commits. A job of the same kind, key and parameters still waiting in the queue is reused: ten
  changes in a row queue one run, which will see all ten. ``enqueue=False`` only records the
  job, for a command that runs it in its own process (``job_run``).
- ``job_run(job_id=, work=)`` — what a task does: starts the job (``job_start``), calls
  ``work(job)``, and records done or failed (with the error text). ``work`` reports progress
  with ``job_beat``/``job_step``; it may do a part of the work and return ``True``: the job is
  queued again and continues from ``job.done`` (long runs in short tasks).
- ``job_start(job_id=)`` — marks the job running and, first, marks failed every *stopped* run of
  the same kind and key (their worker died); returns ``None`` when the job is no longer queued
  (run twice, or already run again).
- ``job_beat(job_id=, done=, total=, current=, count=)`` — progress and a sign of life, committed
  at once so that another process sees it.
- ``job_run_again(job=, user_id=)`` — for the "run again" button: a stopped or failed job is
  marked failed (if it was not yet) and a new one with the same kind, key and parameters is
  enqueued.
- ``job_latest(kind=, key=)``, ``job_get(kind=, key=, pk=)`` — reads. ``Job.stopped`` says,
  without writing anything, whether a running job missed its lease (``ICC_JOB_LEASE_S``).
- ``job_error_line(message, **params)`` — a line of ``Job.error``: the message untranslated
  (mark it with ``gettext_noop``) and its values; pages show ``Job.error_text``, each line in
  the reader's language, whatever language the worker (or the page that wrote it) had.

A task function takes ``job_id`` only; what it works on is in ``job.params``. Rules: a job beats
at least once per step, and one step must take less than the lease.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from icc.core.models import Job

if TYPE_CHECKING:
    from django_tasks.base import Task

logger = logging.getLogger(__name__)

STOPPED = gettext_noop("The background worker stopped during this run.")
FAILED = gettext_noop("The run failed: %(error)s")


def job_error_line(message: str, **params: str) -> str:
    """One line of ``Job.error``: ``message`` untranslated (``gettext_noop``) and its values,
    which ``Job.error_text`` translates for its reader."""
    return json.dumps({"message": message, "params": params}, ensure_ascii=False) + "\n"


@transaction.atomic
def job_enqueue(
    *,
    kind: str,
    key: str,
    task: Task[..., Any],
    params: dict[str, Any] | None = None,
    total: int = 0,
    user_id: int | None = None,
    enqueue: bool = True,
) -> Job:
    """A queued job for ``task``; the task is enqueued once the caller's transaction commits."""
    params = params or {}
    if enqueue:
        queued = Job.objects.select_for_update().filter(
            kind=kind, key=key, state=Job.State.QUEUED, done=0
        )
        waiting = next((job for job in queued if job.params == params), None)
        if waiting is not None:
            return waiting
    job = Job.objects.create(
        kind=kind,
        key=key,
        task_path=task.module_path,
        params=params,
        total=total,
        created_by_id=user_id,
    )
    if not enqueue:
        return job
    job_id = job.pk

    def start() -> None:
        result = task.enqueue(job_id=job_id)
        Job.objects.filter(pk=job_id, task_id="").update(task_id=str(result.id)[:64])

    transaction.on_commit(start)
    return job


def _lease_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.ICC_JOB_LEASE_S)


@transaction.atomic
def job_start(*, job_id: int) -> Job | None:
    """Mark the job running (``None`` when it is not queued any more); stopped runs of the same
    kind and key are marked failed first."""
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.state != Job.State.QUEUED:
        return None
    now = timezone.now()
    stale = Job.objects.filter(
        kind=job.kind, key=job.key, state=Job.State.RUNNING, heartbeat_at__lt=_lease_start()
    )
    stale.update(
        state=Job.State.FAILED,
        finished_at=now,
        error=job_error_line(STOPPED),
    )
    job.state = Job.State.RUNNING
    job.started_at = job.started_at or now
    job.heartbeat_at = now
    job.save(update_fields=["state", "started_at", "heartbeat_at"])
    return job


def job_beat(
    *,
    job_id: int,
    done: int | None = None,
    total: int | None = None,
    current: str | None = None,
    count: str | None = None,
    error: str = "",
) -> None:
    """Record progress and a sign of life; ``count`` adds one to ``counts[count]``."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        job.heartbeat_at = timezone.now()
        if done is not None:
            job.done = done
        if total is not None:
            job.total = total
        if current is not None:
            job.current = current[:200]
        if count:
            job.counts = {**job.counts, count: job.counts.get(count, 0) + 1}
        if error:
            job.error += error
        job.save(update_fields=["heartbeat_at", "done", "total", "current", "counts", "error"])


def job_step(*, job_id: int) -> None:
    """One more step done (a sign of life too)."""
    with transaction.atomic():
        Job.objects.filter(pk=job_id).update(done=F("done") + 1, heartbeat_at=timezone.now())


def _finish(job_id: int, error: str) -> None:
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        job.state = Job.State.FAILED if error else Job.State.DONE
        job.error += error
        job.current = ""
        job.finished_at = job.heartbeat_at = timezone.now()
        job.save(update_fields=["state", "error", "current", "finished_at", "heartbeat_at"])


def _requeue(job: Job) -> None:
    """Queue the job's task again for the rest of its work (its progress is kept)."""
    task: Task[..., Any] = import_string(job.task_path)
    job_id = job.pk
    with transaction.atomic():
        Job.objects.filter(pk=job_id).update(state=Job.State.QUEUED, heartbeat_at=timezone.now())

        def start() -> None:
            result = task.enqueue(job_id=job_id)
            Job.objects.filter(pk=job_id).update(task_id=str(result.id)[:64])

        transaction.on_commit(start)


def job_run(*, job_id: int, work: Callable[[Job], bool | None]) -> Job | None:
    """Start the job, do ``work(job)``, record the outcome. ``None``: the job was not queued
    (nothing done). An exception in ``work`` marks the job failed and is raised again.

    ``work`` returns ``True`` when it did one part and more remains: the job goes back to the
    queue (``done`` kept) and the task runs again for the next part, so that a long run lets
    other tasks, such as results, through between its parts."""
    job = job_start(job_id=job_id)
    if job is None:
        logger.info("Job %s is not queued any more; nothing to do.", job_id)
        return None
    try:
        more = work(job)
    except Exception as error:
        _finish(job_id, job_error_line(FAILED, error=f"{type(error).__name__}: {error}"))
        raise
    if more:
        _requeue(job)
    else:
        _finish(job_id, "")
    job.refresh_from_db()
    return job


@transaction.atomic
def job_run_again(*, job: Job, user_id: int | None = None) -> Job:
    """Mark a stopped job failed and enqueue a new one like it (the "run again" action).

    Raises ``ValueError`` (a full sentence) for a job that is waiting or still alive.
    """
    job = Job.objects.select_for_update().get(pk=job.pk)
    if not (job.stopped or job.state == Job.State.FAILED):
        raise ValueError(
            _("This run is still going; run it again only once it has stopped or failed.")
        )
    if job.state != Job.State.FAILED:
        job.state = Job.State.FAILED
        job.finished_at = timezone.now()
        job.error += job_error_line(STOPPED)
        job.save(update_fields=["state", "finished_at", "error"])
    task: Task[..., Any] = import_string(job.task_path)
    return job_enqueue(
        kind=job.kind,
        key=job.key,
        task=task,
        params=job.params,
        total=job.total,
        user_id=user_id,
    )


def job_latest(*, kind: str, key: str) -> Job | None:
    """The newest job of ``kind`` on ``key``."""
    return Job.objects.filter(kind=kind, key=key).first()


def job_waiting(*, kind: str, key: str) -> bool:
    """Whether a job of ``kind`` on ``key`` is queued or running (and alive)."""
    jobs = Job.objects.filter(kind=kind, key=key)
    return (
        jobs.filter(state=Job.State.QUEUED).exists()
        or jobs.filter(state=Job.State.RUNNING, heartbeat_at__gte=_lease_start()).exists()
    )


def job_get(*, kind: str, key: str, pk: int) -> Job | None:
    """The job ``pk`` if it is of ``kind`` on ``key``."""
    return Job.objects.filter(kind=kind, key=key, pk=pk).first()
