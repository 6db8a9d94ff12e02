"""Background tasks of the anti-rumours module: the rumour radar (``icc db_worker`` runs it)."""

import datetime as dt
from typing import TYPE_CHECKING

from django_tasks import task

from icc.core.jobs import job_run

if TYPE_CHECKING:
    from icc.core.models import Job


def _radar(job: "Job") -> bool:
    from icc.antirumours.services.radar import radar_compute

    radar_compute(
        place_id=int(job.params["place_id"]), month=dt.date.fromisoformat(job.params["month"])
    )
    return False


@task(priority=-10)
def radar_task(job_id: int) -> None:
    """Count the month's posts per rumour for one city."""
    job_run(job_id=job_id, work=_radar)
