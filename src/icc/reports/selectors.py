"""Reads of the reports module: which place and edition a report is for, stored files, runs.

Access: a city report shows a published response's results, which are public, so the report
of a place with a published response is public; without one there is no report (404). The bulk
runs are for the secretariat (checked by the views with ``secretariat_required``).
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from icc.index.models import Edition, Response
from icc.index.workflow import State
from icc.network.models import Place
from icc.reports.models import ReportBatch, ReportFile

# Bump when the report's layout or content changes, so stored PDFs are made again.
REPORT_LAYOUT_VERSION = "1"


def report_target_get(*, edition_name: str, slug: str) -> tuple[Edition, Place]:
    """The edition and place of a public report; 404 unless the place has a published
    response to the edition."""
    edition = Edition.objects.filter(name=edition_name).first()
    if edition is None:
        raise Http404(_("There is no index edition named “%(name)s”.") % {"name": edition_name})
    place = Place.objects.select_related("country").filter(slug=slug).first()
    if place is None:
        raise Http404(_("There is no place with the address “%(slug)s”.") % {"slug": slug})
    published = Response.objects.filter(place=place, edition=edition, state=State.PUBLISHED)
    if not published.exists():
        raise Http404(
            _("%(place)s has no published response to edition %(edition)s, so it has no report.")
            % {"place": place.name, "edition": edition.name}
        )
    return edition, place


def place_find(*, name: str) -> Place:
    """The place whose slug or name (in any language) is ``name``, ignoring case.

    Raises ``Place.DoesNotExist`` with a full sentence when none or several match.
    """
    text = name.strip()
    match = Q(slug__iexact=text)
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        match |= Q(**{f"name_{lang}__iexact": text})
    found = list(Place.objects.filter(match).select_related("country").distinct()[:5])
    if not found:
        raise Place.DoesNotExist(
            _("No place is named “%(name)s”; give its name or its slug, e.g. bilbao.")
            % {"name": text}
        )
    if len(found) > 1:
        raise Place.DoesNotExist(
            _("Several places are named “%(name)s” (%(slugs)s); give the slug of the one you mean.")
            % {"name": text, "slugs": ", ".join(p.slug for p in found)}
        )
    return found[0]


def edition_find(*, name: str) -> Edition:
    """The edition named ``name``; ``Edition.DoesNotExist`` with a full sentence otherwise."""
    edition = Edition.objects.filter(name=name).first()
    if edition is None:
        names = ", ".join(Edition.objects.values_list("name", flat=True)) or _("none yet")
        raise Edition.DoesNotExist(
            _("There is no index edition named “%(name)s”; editions: %(names)s.")
            % {"name": name, "names": names}
        )
    return edition


def report_places(*, edition: Edition) -> QuerySet[Place]:
    """Places with a published response and a result in ``edition``, by name."""
    return (
        Place.objects.filter(
            index_results__edition=edition,
            index_responses__edition=edition,
            index_responses__state=State.PUBLISHED,
        )
        .select_related("country")
        .distinct()
        .order_by("name")
    )


def profile_key(*, place: Place) -> str:
    """A key of what a report shows besides the results: the place's names, facts, membership
    steps and networks, and the report layout version."""
    payload = {
        "layout": REPORT_LAYOUT_VERSION,
        "place": [place.name, place.status, place.kind, place.country_id, str(place.updated_at)],
        "facts": list(
            place.facts.order_by("year").values_list(
                "year",
                "population",
                "population_source",
                "foreign_born_pct",
                "foreign_born_source",
                "non_nationals_pct",
                "non_nationals_source",
                "approximate",
            )
        ),
        "steps": list(place.membership_steps.order_by("date", "id").values_list("step", "date")),
        "networks": sorted(place.networks.values_list("slug", flat=True)),
    }
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def report_file_get(*, place: Place, edition: Edition, lang: str) -> ReportFile | None:
    return ReportFile.objects.filter(place=place, edition=edition, lang=lang).first()


def report_files_of(*, edition: Edition) -> QuerySet[ReportFile]:
    """The stored reports of an edition, by place and language."""
    return (
        ReportFile.objects.filter(edition=edition)
        .select_related("place")
        .order_by("place__name", "lang")
    )


def report_batch_latest(*, edition: Edition) -> ReportBatch | None:
    return ReportBatch.objects.filter(edition=edition).first()


def report_batch_get(*, edition: Edition, pk: int) -> ReportBatch:
    batch = ReportBatch.objects.filter(edition=edition, pk=pk).first()
    if batch is None:
        raise Http404(_("There is no such bulk report run."))
    return batch
