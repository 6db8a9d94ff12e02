"""Background tasks of the reports module (django-tasks; ``icc db_worker`` runs them)."""

from django_tasks import task

from icc.reports.services import report_batch_run


@task()
def report_batch_task(batch_id: int) -> dict[str, int]:
    """Make or check every city report of a bulk run; returns its counts."""
    batch = report_batch_run(batch_id=batch_id)
    return {
        "total": batch.total,
        "generated": batch.generated,
        "skipped": batch.skipped,
        "failed": batch.failed,
    }
