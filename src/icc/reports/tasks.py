"""Background tasks of the reports module (django-tasks; ``icc db_worker`` runs them), through
the platform's job layer (``icc.core.jobs``): each run has a ``Job`` with its heartbeat."""

from django_tasks import task

from icc.reports.services import report_batch_run


@task()
def report_batch_task(job_id: int) -> dict[str, int]:
    """Make or check every city report of a bulk run; returns its counts."""
    job = report_batch_run(job_id=job_id)
    return dict(job.counts) if job is not None else {}
