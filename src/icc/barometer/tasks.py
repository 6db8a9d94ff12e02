"""Background task of the barometer: the whole pipeline, with progress on its job."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django_tasks import task

from icc.barometer.selectors import RUN_JOB
from icc.core.jobs import job_beat, job_run

if TYPE_CHECKING:
    from icc.core.models import Job


def _run(job: Job) -> None:
    from icc.barometer.services import barometer_run

    def progress(done: int, total: int, what: str) -> None:
        job_beat(job_id=job.pk, done=done, total=total, current=what)

    barometer_run(
        scheduler=job.params.get("scheduler") or None,
        model=job.params.get("model", "fast"),
        progress=progress,
    )


@task()
def barometer_run_task(job_id: int) -> None:
    """Run the barometer's pipeline (queued by ``barometer_run_enqueue``)."""
    job_run(job_id=job_id, work=_run)


__all__ = ["RUN_JOB", "barometer_run_task"]
