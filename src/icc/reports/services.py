"""Writes of the reports module: stored PDF reports and bulk runs with their progress.

- ``report_file_refresh`` makes a place's PDF again only when its inputs changed: the edition's
  results (``EditionResult.inputs_key``) or the place profile and layout (``profile_key``).
- A bulk run (``ReportBatch``) is created by ``report_batch_create``, which queues the
  background task once the transaction commits; ``report_batch_run`` does the work, for the
  task or for ``icc report --all``. It is deliberately *not* one transaction: each report is
  stored in its own, and the progress is committed after each one, so that the progress bar of
  the page moves and a failure keeps what was done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from icc.accounts.models import User
from icc.index.models import Edition, EditionResult
from icc.index.scoring_service import edition_results_refresh
from icc.network.models import Place
from icc.reports.models import ReportBatch, ReportFile
from icc.reports.report.data import report_data
from icc.reports.report.render import report_pdf
from icc.reports.selectors import profile_key, report_file_get, report_places

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "fr")
Progress = Callable[[ReportBatch], None]


def _is_fresh(stored: ReportFile | None, inputs_key: str, profile: str) -> bool:
    return (
        stored is not None
        and stored.inputs_key == inputs_key
        and stored.profile_key == profile
        and bool(stored.file.name)
        and stored.file.storage.exists(str(stored.file.name))
    )


def report_file_refresh(
    *,
    place: Place,
    edition: Edition,
    lang: str,
    force: bool = False,
    edition_result: EditionResult | None = None,
) -> tuple[ReportFile, bool]:
    """The stored PDF report of ``place`` in ``edition`` and ``lang``, made (again) when missing
    or out of date; returns it and whether it was made now.

    ``edition_result``: the edition's fresh results when the caller has just refreshed them
    (a bulk run); otherwise they are refreshed here. Raises ``ReportUnavailable``. The PDF is
    made outside any transaction (it takes seconds, and an open write transaction would block
    every other writer of a SQLite database that long); storing it is one transaction.
    """
    if edition_result is None:
        edition_result = edition_results_refresh(edition=edition)
    inputs_key = edition_result.inputs_key if edition_result else ""
    with translation.override(lang):
        profile = profile_key(place=place)
        stored = report_file_get(place=place, edition=edition, lang=lang)
        if not force and _is_fresh(stored, inputs_key, profile):
            assert stored is not None  # _is_fresh says so
            return stored, False
        data = report_data(place=place, edition=edition, refresh=False)
        pdf = report_pdf(data)
    record = _report_file_store(
        place=place,
        edition=edition,
        lang=lang,
        keys=(inputs_key, profile),
        pdf=pdf,
        synthetic=data.synthetic,
    )
    return record, True


@transaction.atomic
def _report_file_store(
    *,
    place: Place,
    edition: Edition,
    lang: str,
    keys: tuple[str, str],
    pdf: bytes,
    synthetic: bool,
) -> ReportFile:
    """Store a made PDF under a new name; the file it replaces goes once this commits."""
    inputs_key, profile = keys
    stored = report_file_get(place=place, edition=edition, lang=lang)
    old_name = str(stored.file.name) if stored and stored.file.name else ""
    record = stored or ReportFile(place=place, edition=edition, lang=lang)
    record.inputs_key = inputs_key
    record.profile_key = profile
    record.size = len(pdf)
    record.is_synthetic = synthetic
    record.generated_at = timezone.now()
    name = f"icc-index-{edition.name}-{place.slug}-{lang}-{inputs_key[:8]}{profile[:4]}.pdf"
    record.file.save(name, ContentFile(pdf), save=False)
    record.save()
    if old_name and old_name != record.file.name:
        storage = record.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return record


@transaction.atomic
def report_batch_create(
    *,
    edition: Edition,
    languages: Sequence[str] = LANGUAGES,
    user: User | None = None,
    enqueue: bool = True,
) -> ReportBatch:
    """A bulk run over every place with a result in ``edition``; with ``enqueue``, the
    background task starts it once the transaction commits."""
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(
            _("Reports are made in %(known)s; “%(given)s” cannot be used.")
            % {"known": ", ".join(LANGUAGES), "given": ", ".join(unknown) or "—"}
        )
    batch = ReportBatch.objects.create(
        edition=edition,
        languages=list(languages),
        created_by=user,
        total=report_places(edition=edition).count() * len(languages),
    )
    if enqueue:
        from icc.reports.tasks import report_batch_task

        def start() -> None:
            result = report_batch_task.enqueue(batch_id=batch.pk)
            ReportBatch.objects.filter(pk=batch.pk, task_id="").update(task_id=result.id)

        transaction.on_commit(start)
    return batch


def _progress_save(batch: ReportBatch, **fields: object) -> None:
    with transaction.atomic():
        ReportBatch.objects.filter(pk=batch.pk).update(**fields)
    batch.refresh_from_db()


def report_batch_run(*, batch_id: int, on_progress: Progress | None = None) -> ReportBatch:
    """Make or check every report of a bulk run, committing progress after each one (see the
    module docstring for why this is not one transaction)."""
    batch = ReportBatch.objects.select_related("edition").get(pk=batch_id)
    if batch.finished:
        return batch
    edition = batch.edition
    edition_result = edition_results_refresh(edition=edition)
    places = list(report_places(edition=edition))
    work = [(place, lang) for place in places for lang in batch.languages]
    _progress_save(
        batch,
        state=ReportBatch.State.RUNNING,
        started_at=timezone.now(),
        total=len(work),
        done=0,
        generated=0,
        skipped=0,
        failed=0,
        error="",
    )
    if on_progress:
        on_progress(batch)
    try:
        _run(batch, work, edition_result, on_progress)
    except Exception:
        _progress_save(batch, state=ReportBatch.State.FAILED, finished_at=timezone.now())
        raise
    _progress_save(batch, state=ReportBatch.State.DONE, finished_at=timezone.now(), current="")
    if on_progress:
        on_progress(batch)
    return batch


def _run(
    batch: ReportBatch,
    work: list[tuple[Place, str]],
    edition_result: EditionResult | None,
    on_progress: Progress | None,
) -> None:
    edition = batch.edition
    for place, lang in work:
        _progress_save(batch, current=f"{place.name} ({lang})")
        try:
            _record, made = report_file_refresh(
                place=place, edition=edition, lang=lang, edition_result=edition_result
            )
        except Exception as error:  # one broken report must not stop the others
            logger.exception("Report of %s (%s, %s) failed.", place.slug, edition.name, lang)
            _progress_save(
                batch,
                done=F("done") + 1,
                failed=F("failed") + 1,
                error=f"{batch.error}{place.name} ({lang}): {error}\n",
            )
        else:
            counter = "generated" if made else "skipped"
            _progress_save(batch, done=F("done") + 1, **{counter: F(counter) + 1})
        if on_progress:
            on_progress(batch)
