"""Background task of the programme module (django-tasks, through ``icc.core.jobs``)."""

from django_tasks import task

from icc.programme.services import annual_report_run


@task()
def annual_report_task(job_id: int) -> None:
    """Make the annual reports a job asks for and store them."""
    annual_report_run(job_id=job_id)
