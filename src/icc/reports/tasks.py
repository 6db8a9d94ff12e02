"""Background tasks of the reports module (django-tasks; ``icc db_worker`` runs them), through
the platform's job layer (``icc.core.jobs``): each run has a ``Job`` with its heartbeat."""

from django.conf import settings
from django_tasks import task

from icc.reports.services import report_batch_run


@task()
def report_batch_task(job_id: int) -> dict[str, int]:
    """Make or check the city reports of a bulk run, ``ICC_REPORTS_PER_TASK`` at a time (the
    task queues itself again for the rest); returns the run's counts so far."""
    job = report_batch_run(job_id=job_id, part=settings.ICC_REPORTS_PER_TASK)
    return dict(job.counts) if job is not None else {}
