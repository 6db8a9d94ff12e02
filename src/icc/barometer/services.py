"""Writes of the barometer: imports (posts, sensing values, observations), the pipeline run.

Rules held here:

- Imports read and check every line first (no transaction open), then write in one short
  transaction with ``bulk_create``. A post already there (same source and id), or twice in the
  file, is not added again: re-running an import adds nothing.
- Lines read = new + already there + quarantined, for every import.
- A post's text is kept only until the pipeline has processed it, unless
  ``ICC_BAROMETER_RETENTION_DAYS`` is set: then it is kept that many days after processing and
  cleared by the next run after that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from icc.barometer import aggregate
from icc.barometer.ingest import Quarantine, posts_read, sensing_read
from icc.barometer.models import Cell, Observation, Post, SensingValue
from icc.barometer.observation_form import PURPOSE as OBSERVATION_PURPOSE
from icc.barometer.observation_form import observation_from_answers, observation_xlsform
from icc.barometer.pipeline import Chunk, classify_chunks
from icc.barometer.selectors import RUN_JOB, RUN_KEY
from icc.barometer.text.language import country_languages
from icc.core.jobs import job_beat, job_enqueue, job_run
from icc.network.selectors import place_ids_by_slug, places_by_ids
from icc.surveys.selectors import submissions_answers, surveys_for_place
from icc.surveys.services import survey_create

if TYPE_CHECKING:
    from icc.accounts.selectors import AnyUser
    from icc.core.models import Job
    from icc.surveys.models import Survey

BATCH = 1000
M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class ImportOutcome:
    read: int
    added: int
    existing: int
    quarantined: int
    quarantine: Quarantine

    def __post_init__(self) -> None:
        assert self.read == self.added + self.existing + self.quarantined


def _new_saved(
    manager: models.Manager[M], new: list[M], *, read: int, usable: int, quarantine: Quarantine
) -> ImportOutcome:
    """Write an import's new rows in one short transaction and count the outcome (``usable``:
    the lines accepted, new or already there)."""
    with transaction.atomic():
        manager.bulk_create(new, batch_size=BATCH)
    return ImportOutcome(
        read=read,
        added=len(new),
        existing=usable - len(new),
        quarantined=len(quarantine.items),
        quarantine=quarantine,
    )


def _places(slugs: Iterable[str]) -> dict[str, int]:
    return place_ids_by_slug(slugs=set(slugs))


class _HasPlace(Protocol):
    @property
    def place(self) -> str: ...
    @property
    def line(self) -> int: ...


_Placed = TypeVar("_Placed", bound=_HasPlace)


def _with_known_places(
    items: Sequence[_Placed], quarantine: Quarantine, *, cells: Callable[[Any], dict[str, str]]
) -> tuple[dict[str, int], list[_Placed]]:
    """The ids of the places the items name, and the items whose place exists; the others go
    to the quarantine with their reason."""
    place_ids = _places(item.place for item in items)
    usable = []
    for item in items:
        if item.place in place_ids:
            usable.append(item)
        else:
            quarantine.add(
                item.line,
                _("No place has the slug “%(slug)s”.") % {"slug": item.place[:80]},
                cells(item),
            )
    return place_ids, usable


def posts_import(
    *,
    file: IO[bytes],
    filename: str,
    source: str = "import",
    place: str = "",
    synthetic: bool = False,
) -> ImportOutcome:
    """Import posts from a JSON-lines or CSV file (see ``ingest``)."""
    posts, quarantine, n_lines = posts_read(file, filename, source=source, place=place)
    place_ids, usable = _with_known_places(
        posts, quarantine, cells=lambda p: {"id": p.external_id, "place": p.place}
    )
    existing_keys: set[tuple[str, str]] = set()
    keys = sorted({(p.source, p.external_id) for p in usable})
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        ids = {k[1] for k in batch}
        existing_keys |= set(
            Post.objects.filter(external_id__in=ids).values_list("source", "external_id")
        )
    new: list[Post] = []
    seen = set(existing_keys)
    for post in usable:
        key = (post.source, post.external_id)
        if key in seen:
            continue
        seen.add(key)
        new.append(
            Post(
                place_id=place_ids[post.place],
                neighbourhood=post.neighbourhood,
                source=post.source,
                external_id=post.external_id,
                created_at=post.created_at,
                author=post.author,
                language=post.language,
                language_given=bool(post.language),
                text=post.text,
                synthetic=synthetic,
            )
        )
    return _new_saved(Post.objects, new, read=n_lines, usable=len(usable), quarantine=quarantine)


def sensing_import(*, file: IO[bytes], filename: str, synthetic: bool = False) -> ImportOutcome:
    """Import social-sensing values from CSV; a value already there for the same place,
    indicator and period is kept as it is."""
    values, quarantine, n_lines = sensing_read(file, filename)
    place_ids, usable = _with_known_places(values, quarantine, cells=lambda v: {"place": v.place})
    existing = set(
        SensingValue.objects.filter(place_id__in=set(place_ids.values())).values_list(
            "place_id", "indicator", "period"
        )
    )
    new = []
    for value in usable:
        key = (place_ids[value.place], value.indicator, value.period)
        if key in existing:
            continue
        existing.add(key)
        new.append(
            SensingValue(
                place_id=key[0],
                indicator=value.indicator,
                period=value.period,
                value=value.value,
                unit=value.unit,
                direction=value.direction,
                synthetic=synthetic,
            )
        )
    return _new_saved(
        SensingValue.objects, new, read=n_lines, usable=len(usable), quarantine=quarantine
    )


def observation_record(
    *,
    place_id: int,
    source: str,
    external_id: str,
    observed_at: dt.datetime,
    people: int,
    mixed: bool,
    interaction: str,
    location: str = "",
    neighbourhood: str = "",
    duration_minutes: int = 0,
    synthetic: bool = False,
) -> bool:
    """Store one observation (from the form, an export or the demo); False when already there."""
    if interaction not in Observation.Interaction.values:
        raise ValueError(_("The interaction must be positive, neutral or conflict."))
    _observation, created = Observation.objects.get_or_create(
        source=source,
        external_id=external_id,
        defaults={
            "place_id": place_id,
            "observed_at": observed_at,
            "people": people,
            "mixed": mixed,
            "interaction": interaction,
            "location": location[:200],
            "neighbourhood": neighbourhood[:100],
            "duration_minutes": duration_minutes,
            "synthetic": synthetic,
        },
    )
    return created


@dataclass(frozen=True)
class RunOutcome:
    processed: int
    cells: int
    hidden: int
    texts_cleared: int


Progress = Callable[[int, int, str], None]


def _process(chunk_size: int, scheduler: str | None, model: str, progress: Progress) -> int:
    """Classify every post not yet processed; returns how many."""
    ids = list(Post.objects.filter(processed=False).order_by("pk").values_list("pk", flat=True))
    place_ids = Post.objects.filter(processed=False).values_list("place_id", flat=True)
    countries = {p.pk: p.country_id for p in places_by_ids(ids=set(place_ids))}
    chunks = []
    for start in range(0, len(ids), chunk_size):
        part = ids[start : start + chunk_size]
        rows = list(Post.objects.filter(pk__in=part).order_by("pk"))
        chunks.append(
            Chunk(
                ids=[r.pk for r in rows],
                texts=[r.text for r in rows],
                languages=[r.language if r.language_given else None for r in rows],
                priors=[country_languages(countries.get(r.place_id)) for r in rows],
            )
        )
    retention = settings.ICC_BAROMETER_RETENTION_DAYS
    until = timezone.now() + dt.timedelta(days=retention) if retention > 0 else None
    done = 0
    for chunk, results in classify_chunks(chunks, scheduler=scheduler, model=model):
        posts = []
        for pk, text, result in zip(chunk.ids, chunk.texts, results.rows(), strict=True):
            post = Post(
                pk=pk,
                language=str(result["lang"]),
                sentiment=aggregate_code(str(result["sentiment"])),
                confidence=float(result["confidence"]),  # type: ignore[arg-type]
                affiliative=int(result["affiliative"]),  # type: ignore[call-overload]
                othering=int(result["othering"]),  # type: ignore[call-overload]
                mentions_groups=bool(result["mentions_groups"]),
                processed=True,
                text="" if until is None else text,
                text_until=until,
            )
            posts.append(post)
        with transaction.atomic():
            Post.objects.bulk_update(
                posts,
                [
                    "language", "sentiment", "confidence", "affiliative", "othering",
                    "mentions_groups", "processed", "text", "text_until",
                ],
                batch_size=BATCH,
            )  # fmt: skip
        done += len(posts)
        progress(
            done,
            len(ids),
            _("Classified %(done)s of %(total)s posts") % {"done": done, "total": len(ids)},
        )
    return done


def aggregate_code(label: str) -> int:
    return ("negative", "neutral", "positive").index(label)


def cells_rows(*, seed: int = 0, n_boot: int = 200) -> list[aggregate.CellResult]:
    """The barometer's cells computed from what is stored (nothing written)."""
    posts = [
        aggregate.PostRow(
            place_id=p["place_id"],
            neighbourhood=p["neighbourhood"],
            day=timezone.localtime(p["created_at"]).date(),
            sentiment=p["sentiment"] or 0,  # never None: processed posts only
            affiliative=p["affiliative"],
            othering=p["othering"],
            mentions_groups=p["mentions_groups"],
            language=p["language"],
        )
        for p in Post.objects.filter(processed=True, sentiment__isnull=False)
        .order_by("pk")
        .values(
            "place_id",
            "neighbourhood",
            "created_at",
            "sentiment",
            "affiliative",
            "othering",
            "mentions_groups",
            "language",
        )
    ]
    observations = [
        aggregate.ObservationRow(
            place_id=o["place_id"],
            neighbourhood=o["neighbourhood"],
            day=timezone.localtime(o["observed_at"]).date(),
            mixed=o["mixed"],
            interaction=o["interaction"],
        )
        for o in Observation.objects.order_by("pk").values(
            "place_id", "neighbourhood", "observed_at", "mixed", "interaction"
        )
    ]
    sensing = [
        aggregate.SensingRow(
            place_id=s["place_id"],
            indicator=s["indicator"],
            day=s["period"],
            value=s["value"],
            direction=s["direction"],
        )
        for s in SensingValue.objects.order_by("pk").values(
            "place_id", "indicator", "period", "value", "direction"
        )
    ]
    return aggregate.cells_compute(
        posts,
        observations,
        sensing,
        k=settings.ICC_BAROMETER_MIN_POSTS,
        n_boot=n_boot,
        seed=seed,
    )


def barometer_run(
    *,
    scheduler: str | None = None,
    model: str = "fast",
    chunk_size: int = 2000,
    progress: Progress | None = None,
) -> RunOutcome:
    """The whole pipeline: classify new posts (in-process, or on the Dask cluster at
    ``scheduler``, one task per chunk), clear texts past their retention, recompute every cell."""
    report = progress or (lambda done, total, what: None)

    def classifying(done: int, total: int, what: str) -> None:
        report(done, total + 1, what)  # one step more: the cells

    processed = _process(chunk_size, scheduler, model, classifying)
    for place_id in Post.objects.values_list("place_id", flat=True).distinct().order_by():
        observations_from_surveys(place_id=place_id)
    cleared = (
        Post.objects.filter(text_until__lt=timezone.now())
        .exclude(text="")
        .update(text="", text_until=None)
    )
    report(processed, processed + 1, _("Computing the cells"))
    results = cells_rows()
    now = timezone.now()
    with transaction.atomic():
        Cell.objects.all().delete()
        Cell.objects.bulk_create(
            [
                Cell(
                    place_id=r.place_id,
                    neighbourhood=r.neighbourhood,
                    period=r.period,
                    start=r.start,
                    n_posts=r.n_posts,
                    hidden=r.hidden,
                    score=r.score,
                    low=r.low,
                    high=r.high,
                    values=r.values,
                    computed_at=now,
                )
                for r in results
            ],
            batch_size=BATCH,
        )
    report(processed + 1, processed + 1, _("Done"))
    return RunOutcome(
        processed=processed,
        cells=len(results),
        hidden=sum(r.hidden for r in results),
        texts_cleared=cleared,
    )


def quarantine_write(outcome: ImportOutcome, path: Path) -> None:
    outcome.quarantine.write(path)


def _run_job(*, params: dict[str, str], user_id: int | None, enqueue: bool = True) -> Job:
    """The background job of a run of the pipeline (``job_enqueue``'s answer)."""
    from icc.barometer.tasks import barometer_run_task

    return job_enqueue(
        kind=RUN_JOB,
        key=RUN_KEY,
        task=barometer_run_task,
        params=params,
        user_id=user_id,
        enqueue=enqueue,
    )


def barometer_run_enqueue(*, user_id: int | None, model: str = "fast") -> Job:
    """Queue a run of the pipeline as a background job (one waiting run is reused)."""
    return _run_job(params={"model": model}, user_id=user_id)


def barometer_run_recorded(
    *,
    scheduler: str | None = None,
    model: str = "fast",
    chunk_size: int = 2000,
    progress: Progress | None = None,
    user_id: int | None = None,
) -> RunOutcome:
    """``barometer_run`` now, in this process (the command line), recorded as a background job
    of the barometer so that its pages show the progress while it runs."""
    job = _run_job(
        params={"model": model, "scheduler": scheduler or ""}, user_id=user_id, enqueue=False
    )
    outcomes: list[RunOutcome] = []

    def work(job: Job) -> None:
        def beat(done: int, total: int, what: str) -> None:
            job_beat(job_id=job.pk, done=done, total=total, current=what)
            if progress is not None:
                progress(done, total, what)

        outcomes.append(
            barometer_run(scheduler=scheduler, model=model, chunk_size=chunk_size, progress=beat)
        )

    job_run(job_id=job.pk, work=work)
    return outcomes[0]


def observation_survey_create(*, place_id: int, created_by: AnyUser | None = None) -> Survey:
    """A draft survey of the place with the barometer's observation form: the city opens it to
    fill it on a phone (its public link), or imports KoboToolbox/ODK exports into it."""
    return survey_create(
        place_id=place_id,
        title=_("Observation of interactions in public spaces"),
        xlsform_file=observation_xlsform(),
        filename="barometer-observation.xlsx",
        purpose=OBSERVATION_PURPOSE,
        created_by=created_by,
    )


def observations_from_surveys(*, place_id: int) -> tuple[int, int]:
    """Store the observations submitted to the place's observation surveys (phone or import);
    returns (added, unusable). A submission already stored is not added again."""
    added = unusable = 0
    for survey in surveys_for_place(place_id=place_id, purpose=OBSERVATION_PURPOSE):
        for row in submissions_answers(survey_id=survey.pk):
            try:
                answers = observation_from_answers(row.answers, row.submitted_at)
            except ValueError:
                unusable += 1
                continue
            added += observation_record(
                place_id=place_id,
                source=f"survey-{survey.pk}",
                external_id=str(row.id),
                observed_at=answers.observed_at,
                people=answers.people,
                mixed=answers.mixed,
                interaction=answers.interaction,
                location=answers.location,
                neighbourhood=answers.neighbourhood,
                duration_minutes=answers.duration_minutes,
            )
    return added, unusable
