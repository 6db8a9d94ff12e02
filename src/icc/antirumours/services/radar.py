"""The rumour radar: the city's posts imported by the barometer, matched to its register by
cross-lingual similarity and counted per rumour and month (``radar.radar_counts``). Runs as a
background job started from the radar page; only counts are stored."""

import datetime as dt

import numpy as np
from django.db import transaction

from icc.antirumours.models import RadarCount, Rumour
from icc.antirumours.radar import DEFAULT_THRESHOLD, radar_counts
from icc.barometer.selectors import posts_for_place_month
from icc.search.vectors import passages_embed

RADAR_JOB = "antirumours.radar"


def radar_compute(
    *, place_id: int, month: dt.date, threshold: float = DEFAULT_THRESHOLD
) -> list[RadarCount]:
    """Count the month's matching posts for each rumour of the city and store the counts
    (replacing the month's previous ones)."""
    month = month.replace(day=1)
    rumours = list(Rumour.objects.filter(place_id=place_id).order_by("id"))
    texts = [
        post.text
        for post in posts_for_place_month(place_id=place_id, month=month, with_text=True)
        if post.text
    ]
    counts = [0] * len(rumours)
    if rumours and texts:
        counts = radar_counts(
            rumours=np.asarray(passages_embed([rumour.text for rumour in rumours])),
            posts=np.asarray(passages_embed(texts)),
            threshold=threshold,
        )
    with transaction.atomic():
        RadarCount.objects.filter(rumour__place_id=place_id, month=month).delete()
        return RadarCount.objects.bulk_create(
            RadarCount(
                rumour=rumour,
                month=month,
                posts=count,
                posts_read=len(texts),
                threshold=threshold,
            )
            for rumour, count in zip(rumours, counts, strict=True)
        )


def radar_enqueue(*, place_id: int, month: dt.date, user_id: int | None = None) -> None:
    """Queue the radar of one month for the background worker (started after the commit)."""
    from icc.antirumours.tasks import radar_task
    from icc.core.jobs import job_enqueue

    job_enqueue(
        kind=RADAR_JOB,
        key=f"{place_id}",
        task=radar_task,
        params={"place_id": place_id, "month": month.replace(day=1).isoformat()},
        user_id=user_id,
    )
