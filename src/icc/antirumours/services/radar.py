"""The rumour radar: the city's posts imported by the barometer, matched to its register by
cross-lingual similarity and counted per rumour and month (``radar.radar_counts``). Runs as a
background job started from the radar page. Stored: the counts, and for each rumour a few short
examples of the posts counted (mentions, links and e-mail addresses masked, 200 characters at
most), shown to the city's team only, so that it sees what the radar found."""

import datetime as dt
import re

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from icc.antirumours.models import RadarCount, Rumour
from icc.antirumours.radar import DEFAULT_THRESHOLD, radar_counts, radar_examples
from icc.antirumours.services import AntirumoursError
from icc.barometer.selectors import posts_for_place_month
from icc.search.vectors import passages_embed

RADAR_JOB = "antirumours.radar"
EXAMPLES_PER_RUMOUR = 3
EXAMPLE_LENGTH = 200
_MASKS = (
    (re.compile(r"https?://\S+|www\.\S+"), "[link]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[e-mail]"),
    (re.compile(r"@\w+"), "@user"),
)


def example_text(text: str) -> str:
    """A post as an example: links, e-mail addresses and mentions masked, cut to a length."""
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_LENGTH else text[: EXAMPLE_LENGTH - 1].rstrip() + "…"


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
    examples: list[list[str]] = [[] for _ in rumours]
    if rumours and texts:
        rumour_vectors = np.asarray(passages_embed([rumour.text for rumour in rumours]))
        post_vectors = np.asarray(passages_embed(texts))
        counts = radar_counts(rumours=rumour_vectors, posts=post_vectors, threshold=threshold)
        found = radar_examples(
            rumours=rumour_vectors,
            posts=post_vectors,
            threshold=threshold,
            per_rumour=EXAMPLES_PER_RUMOUR,
        )
        examples = [[example_text(texts[i]) for i in chosen] for chosen in found]
    with transaction.atomic():
        RadarCount.objects.filter(rumour__place_id=place_id, month=month).delete()
        return RadarCount.objects.bulk_create(
            RadarCount(
                rumour=rumour,
                month=month,
                posts=count,
                posts_read=len(texts),
                threshold=threshold,
                examples=shown,
            )
            for rumour, count, shown in zip(rumours, counts, examples, strict=True)
        )


def radar_enqueue(*, place_id: int, month: dt.date, user_id: int | None = None) -> None:
    """Queue the radar of one month for the background worker (started after the commit); a
    month still to come has no posts to count and is refused."""
    this_month = timezone.localdate().replace(day=1)
    if month.replace(day=1) > this_month:
        raise AntirumoursError(
            _("%(month)s is still to come: choose this month (%(this)s) or an earlier one.")
            % {
                "month": date_format(month, "YEAR_MONTH_FORMAT"),
                "this": this_month.strftime("%Y-%m"),
            }
        )
    from icc.antirumours.tasks import radar_task
    from icc.core.jobs import job_enqueue

    job_enqueue(
        kind=RADAR_JOB,
        key=f"{place_id}",
        task=radar_task,
        params={"place_id": place_id, "month": month.replace(day=1).isoformat()},
        user_id=user_id,
    )
