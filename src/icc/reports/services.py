"""Writes of the reports module: stored PDF reports and the bulk runs that make them.

- ``report_file_make`` makes a place's PDF again only when it no longer matches: the edition's
  results version (``EditionResult.version``) or the place profile and layout
  (``profile_key``). A GET never calls it: it runs in bulk runs, which background tasks do.
- A bulk run is a ``core.Job`` of kind ``reports.batch``. ``report_batch_create`` queues one
  (the secretariat's button, and after every computation of an edition's results when
  ``ICC_REPORTS_FOLLOW_RESULTS`` is on, so that the PDFs follow the results); ``report_batch_run``
  does the work, for the task or for ``icc report --all``. It is deliberately *not* one
  transaction: each report is stored in its own, and the progress (with the job's heartbeat) is
  committed after each one, so that the progress bar moves, a failure keeps what was done, and a
  dead worker is noticed (``Job.stopped``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from icc.core.jobs import job_beat, job_enqueue, job_error_line, job_run, job_step
from icc.core.stored_files import stored_file_replace
from icc.index.result_selectors import edition_get_by_id, edition_result_get
from icc.network.selectors import place_get_public
from icc.reports.models import ReportFile
from icc.reports.report.data import ReportData, report_data
from icc.reports.report.render import report_pdf
from icc.reports.selectors import BATCH_JOB, profile_key, report_file_get, report_places

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

    from icc.core.models import Job
    from icc.index.models import Edition
    from icc.network.models import Place

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "fr")
REPORT_FAILED = gettext_noop("The report %(report)s failed: %(error)s")


def report_threads() -> int:
    """How many reports are typeset at once: ``ICC_REPORTS_THREADS``, by default every core."""
    return max(1, int(settings.ICC_REPORTS_THREADS))


Progress = Callable[["Job"], None]


def _is_fresh(stored: ReportFile | None, version: int, profile: str) -> bool:
    return (
        stored is not None
        and stored.results_version == version
        and stored.profile_key == profile
        and bool(stored.file.name)
        and stored.file.storage.exists(str(stored.file.name))
    )


@dataclass(frozen=True)
class ReportWork:
    """A report to typeset: its data, read from the database, and where it will be stored."""

    place: Place
    edition: Edition
    lang: str
    data: ReportData
    profile: str


def report_work_prepare(
    *, place: Place, edition: Edition, lang: str, force: bool = False
) -> tuple[ReportFile | None, ReportWork | None]:
    """The stored report when it is still fresh (and no work), else the work to make it: every
    read of the database happens here, so that typesetting can run in another thread."""
    result = edition_result_get(edition=edition)
    version = result.version if result else 0
    with translation.override(lang):
        profile = profile_key(place=place)
        stored = report_file_get(place_id=place.pk, edition=edition, lang=lang)
        if not force and _is_fresh(stored, version, profile):
            return stored, None
        data = report_data(place=place, edition=edition)
    return None, ReportWork(place=place, edition=edition, lang=lang, data=data, profile=profile)


def report_work_typeset(work: ReportWork) -> bytes:
    """The PDF of a prepared report. Reads nothing from the database; Typst releases Python's
    lock while it lays out, so several of these run on several cores."""
    with translation.override(work.lang):
        return report_pdf(work.data)


def report_work_store(work: ReportWork, pdf: bytes) -> ReportFile:
    return _report_file_store(
        place=work.place,
        edition=work.edition,
        lang=work.lang,
        keys=(work.data.edition_result.version, work.profile),
        pdf=pdf,
        synthetic=work.data.synthetic,
    )


def report_file_make(
    *, place: Place, edition: Edition, lang: str, force: bool = False
) -> tuple[ReportFile, bool]:
    """The stored PDF report of ``place`` in ``edition`` and ``lang``, made (again) from the
    stored results when missing or out of date; returns it and whether it was made now.

    Raises ``ReportUnavailable``. The PDF is made outside any transaction (it takes seconds,
    and an open write transaction would block every other writer of a SQLite database that
    long); storing it is one transaction.
    """
    stored, work = report_work_prepare(place=place, edition=edition, lang=lang, force=force)
    if work is None:
        assert stored is not None  # fresh
        return stored, False
    return report_work_store(work, report_work_typeset(work)), True


@transaction.atomic
def _report_file_store(
    *,
    place: Place,
    edition: Edition,
    lang: str,
    keys: tuple[int, str],
    pdf: bytes,
    synthetic: bool,
) -> ReportFile:
    """Store a made PDF under a new name; the file it replaces goes once this commits."""
    version, profile = keys
    stored = report_file_get(place_id=place.pk, edition=edition, lang=lang)
    record = stored or ReportFile(place_id=place.pk, edition=edition, lang=lang)
    record.results_version = version
    record.profile_key = profile
    record.size = len(pdf)
    record.is_synthetic = synthetic
    record.generated_at = timezone.now()
    name = f"icc-index-{edition.name}-{place.slug}-{lang}-v{version}-{profile[:6]}.pdf"
    stored_file_replace(record.file, name=name, content=pdf)
    record.save()
    return record


@transaction.atomic
def report_batch_create(
    *,
    edition: Edition,
    languages: Sequence[str] = LANGUAGES,
    user: AbstractBaseUser | None = None,
    enqueue: bool = True,
) -> Job:
    """A bulk run over every place with a result in ``edition``; with ``enqueue``, the
    background task starts it once the transaction commits (a run of the same edition and
    languages still waiting is reused)."""
    from icc.reports.tasks import report_batch_task

    languages = list(dict.fromkeys(languages))  # each language once, in the order given
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(
            _("Reports are made in %(known)s; “%(given)s” cannot be used.")
            % {"known": ", ".join(LANGUAGES), "given": ", ".join(unknown) or "—"}
        )
    return job_enqueue(
        kind=BATCH_JOB,
        key=str(edition.pk),
        task=report_batch_task,
        params={"edition_id": edition.pk, "languages": languages},
        total=len(report_places(edition=edition)) * len(languages),
        user_id=user.pk if user is not None else None,
        enqueue=enqueue,
    )


def reports_follow_results(sender: type, edition_id: int, **kwargs: Any) -> None:
    """Receiver of ``index.signals.results_computed`` (connected in ``ReportsConfig.ready``):
    with ``ICC_REPORTS_FOLLOW_RESULTS``, queue a bulk run so the stored PDFs match the new
    results, and a GET of a report PDF only reads."""
    if settings.ICC_REPORTS_FOLLOW_RESULTS:
        report_batch_create(edition=edition_get_by_id(pk=edition_id))


def report_batch_run(
    *, job_id: int, on_progress: Progress | None = None, part: int | None = None
) -> Job | None:
    """Make or check the reports of a bulk run, committing progress after each one (see the
    module docstring for why this is not one transaction). None: the run was not waiting.

    ``part``: how many reports this call makes before queuing the rest as a new task (so that a
    computation of results waits minutes at most, not the whole run); None: all of them."""

    def work(job: Job) -> bool:
        return _run(job, on_progress, part)

    job = job_run(job_id=job_id, work=work)
    if job is not None and on_progress:
        on_progress(job)
    return job


def _run(job: Job, on_progress: Progress | None, part: int | None) -> bool:
    """The reports from ``job.done`` on (``part`` of them at most); True when more remain."""
    edition = edition_get_by_id(pk=job.params["edition_id"])
    places = report_places(edition=edition)
    work = [(row.slug, lang) for row in places for lang in job.params["languages"]]
    start = min(job.done, len(work))
    end = len(work) if part is None else min(start + part, len(work))
    job_beat(job_id=job.pk, total=len(work), done=start)

    def finished(label: str, count: str, error: str = "") -> None:
        job_beat(job_id=job.pk, current=label, count=count, error=error)
        job_step(job_id=job.pk)
        if on_progress:
            job.refresh_from_db()
            on_progress(job)

    # The database is read and written in this thread only; the typesetting of the prepared
    # reports runs on every core (``ICC_REPORTS_THREADS``), and each PDF is stored as it comes.
    with ThreadPoolExecutor(max_workers=report_threads()) as pool:
        typesetting: dict[Future[bytes], tuple[ReportWork, str]] = {}
        for slug, lang in work[start:end]:
            place = place_get_public(slug=slug)
            label = f"{place.name} ({lang})"
            try:
                _stored, prepared = report_work_prepare(place=place, edition=edition, lang=lang)
            except Exception as error:  # one broken report must not stop the others
                logger.exception("Report of %s (%s, %s) failed.", slug, edition.name, lang)
                finished(
                    label, "failed", job_error_line(REPORT_FAILED, report=label, error=str(error))
                )
                continue
            if prepared is None:
                finished(label, "skipped")
            else:
                typesetting[pool.submit(report_work_typeset, prepared)] = (prepared, label)
        for future in as_completed(typesetting):
            prepared, label = typesetting[future]
            try:
                report_work_store(prepared, future.result())
            except Exception as error:
                logger.exception("Report of %s failed.", label)
                finished(
                    label, "failed", job_error_line(REPORT_FAILED, report=label, error=str(error))
                )
            else:
                finished(label, "generated")
    return end < len(work)
