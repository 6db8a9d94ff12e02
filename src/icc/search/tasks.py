"""Background task of the search: compute the documents' missing vectors (``icc db_worker``
runs it), through the platform's job layer so that each run has its heartbeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django_tasks import task

from icc.core.jobs import job_beat, job_run
from icc.search.services import documents_embed

if TYPE_CHECKING:
    from icc.core.models import Job

PART = 256  # vectors per run; a longer backlog goes back to the queue between parts


def _embed(job: Job) -> bool:
    computed, missing = documents_embed(limit=PART)
    job_beat(job_id=job.pk, done=job.done + computed, total=job.done + computed + missing)
    return computed > 0 and missing > 0


@task(priority=-10)  # behind results and reports
def documents_embed_task(job_id: int) -> None:
    """Compute the vectors of new and changed documents (queued by ``document_put``)."""
    job_run(job_id=job_id, work=_embed)
