"""Reads of the reports module: which place and edition a report is for, stored files, runs.

Access: a city report shows a published response's results, which are public, so the report
of a place with a published response is public; without one there is no report (404). The bulk
runs are for the secretariat (checked by the views with ``secretariat_required``).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from icc.core.jobs import job_get, job_latest
from icc.index.result_selectors import (
    PlaceResultData,
    edition_find,
    edition_names,
    place_results_of,
    response_published_synthetic,
)
from icc.network.selectors import place_facts_by_year, place_get_public
from icc.reports.models import ReportFile

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from icc.core.models import Job
    from icc.index.models import Edition
    from icc.network.models import Place

# Bump when the report's layout or content changes, so stored PDFs are made again.
REPORT_LAYOUT_VERSION = "1"
BATCH_JOB = "reports.batch"  # key: the edition's id; params: {"edition_id", "languages"}


def report_target_get(*, edition_name: str, slug: str) -> tuple[Edition, Place]:
    """The edition and place of a public report; 404 unless the place has a published
    response to the edition."""
    edition = edition_find(name=edition_name)
    if edition is None:
        raise Http404(_("There is no index edition named “%(name)s”.") % {"name": edition_name})
    try:
        place = place_get_public(slug=slug)
    except Http404:
        raise Http404(
            _("There is no place with the address “%(slug)s”.") % {"slug": slug}
        ) from None
    if response_published_synthetic(edition=edition, place_id=place.pk) is None:
        raise Http404(
            _("%(place)s has no published response to edition %(edition)s, so it has no report.")
            % {"place": place.name, "edition": edition.name}
        )
    return edition, place


class EditionNotFound(LookupError):
    """No edition has the name given (the message is a full sentence)."""


def edition_for_command(*, name: str) -> Edition:
    """The edition named ``name``; ``EditionNotFound`` with a full sentence otherwise."""
    edition = edition_find(name=name)
    if edition is None:
        names = ", ".join(edition_names()) or _("none yet")
        raise EditionNotFound(
            _("There is no index edition named “%(name)s”; editions: %(names)s.")
            % {"name": name, "names": names}
        )
    return edition


def report_places(*, edition: Edition) -> list[PlaceResultData]:
    """Places with a published result in ``edition``, by name."""
    return sorted(place_results_of(edition=edition), key=lambda r: r.name)


def profile_key(*, place: Place) -> str:
    """A key of what a report shows besides the results: the place's names, facts, membership
    steps and networks, and the report layout version."""
    payload = {
        "layout": REPORT_LAYOUT_VERSION,
        "place": [place.name, place.status, place.kind, place.country_id, str(place.updated_at)],
        "facts": place_facts_by_year(place=place),
        "steps": list(place.membership_steps.order_by("date", "id").values_list("step", "date")),
        "networks": sorted(place.networks.values_list("slug", flat=True)),
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def report_file_get(*, place_id: int, edition: Edition, lang: str) -> ReportFile | None:
    """The stored PDF of a place's report in ``lang``, whatever results it was made from."""
    return ReportFile.objects.filter(place_id=place_id, edition=edition, lang=lang).first()


def report_files_of(*, edition: Edition) -> QuerySet[ReportFile]:
    """The stored reports of an edition, by place and language."""
    return (
        ReportFile.objects.filter(edition=edition)
        .select_related("place")
        .order_by("place__name", "lang")
    )


def report_batch_latest(*, edition: Edition) -> Job | None:
    """The newest bulk run of ``edition``'s reports."""
    return job_latest(kind=BATCH_JOB, key=str(edition.pk))


def report_batch_get(*, edition: Edition, pk: int) -> Job:
    """Bulk run ``pk`` of ``edition``; 404 otherwise."""
    batch = job_get(kind=BATCH_JOB, key=str(edition.pk), pk=pk)
    if batch is None:
        raise Http404(_("There is no such bulk report run."))
    return batch
