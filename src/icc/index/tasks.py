"""Background tasks of the index (django-tasks; ``icc db_worker`` runs them), through the
platform's job layer (``icc.core.jobs``): each run has a ``Job`` with its heartbeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django_tasks import task

from icc.core.jobs import job_beat, job_run
from icc.index.models import Edition, EditionResult
from icc.index.scoring_service import DEFAULT_DRAWS, edition_results_compute

if TYPE_CHECKING:
    from icc.core.models import Job

RESULTS_JOB = "index.results"  # key: the edition's id; params: {"edition_id": …}


def _results_compute(job: Job) -> None:
    edition = Edition.objects.filter(pk=job.params["edition_id"]).first()
    if edition is None:  # deleted since
        return
    job_beat(job_id=job.pk, total=1, current=edition.name)
    stored = EditionResult.objects.filter(edition=edition).values_list("n_draws", flat=True)
    edition_results_compute(edition=edition, n_draws=stored.first() or DEFAULT_DRAWS)
    job_beat(job_id=job.pk, done=1)


@task(priority=10)  # ahead of report runs waiting in the queue
def edition_results_task(job_id: int) -> None:
    """Compute and store an edition's results (queued by ``edition_results_invalidate``)."""
    job_run(job_id=job_id, work=_results_compute)
