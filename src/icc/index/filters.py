"""The filters of the review queue (every response of an edition), as one django-filter FilterSet.

Rules held here:

- Every filter lives in the query string: ``q`` (place name, any content language), ``state``,
  ``country`` (ISO code, any case), ``network`` (slug), ``assignee`` (an expert's user id: the
  responses of the places they are expert for), ``changed`` (``yes``: answers changed since the
  last review verdict) and ``sort`` (``-updated``, the default, ``updated`` or ``place``).
- A value outside the choices is an error with a sentence for the person; the page shows it and
  drops that filter (``QueryFilterSet.valid_values``).
- The queryset given must carry the ``changed_count`` and ``last_change`` annotations and the
  default order
  (``review_queue.queue_queryset``).
"""

from typing import Any

import django_filters
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from icc.accounts.selectors import experts, place_ids_of_expert
from icc.filtering import CodeChoiceFilter, QueryFilterSet, choice_filter
from icc.index.labels import STATE_LABELS
from icc.index.models import Response
from icc.network.selectors import country_list_with_members, network_list

TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)

SORTS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "-updated": (_("Last change, newest first"), ("-last_change", "-pk")),
    "updated": (_("Last change, oldest first"), ("last_change", "pk")),
    "place": (_("Place name"), ("place__name", "pk")),
}


def _countries() -> list[tuple[str, str]]:
    return [(c.code, c.name) for c in country_list_with_members()]


def _networks() -> list[tuple[str, str]]:
    return [(n.slug, n.name) for n in network_list().order_by("name")]


def _experts() -> list[tuple[str, str]]:
    return [(str(u.pk), u.get_full_name() or u.username) for u in experts()]


class ResponseFilterSet(QueryFilterSet):
    """Filters of the review queue; give it ``request.GET`` (or ``None``) and
    ``queue_queryset(...)``."""

    q = django_filters.CharFilter(
        label=_("Search a place"), method="filter_text", max_length=100, strip=True
    )
    state = choice_filter(
        _("State"), lambda: [(s.value, label) for s, label in STATE_LABELS.items()]
    )
    country = choice_filter(
        _("Country"), _countries, CodeChoiceFilter, field_name="place__country__code"
    )
    network = choice_filter(_("Network"), _networks, field_name="place__networks__slug")
    assignee = choice_filter(_("Expert"), _experts, method="filter_assignee")
    changed = choice_filter(
        _("Changes"),
        [("yes", _("Answers changed since the last review"))],
        method="filter_changed",
    )
    sort = choice_filter(
        _("Sort by"),
        [(key, label) for key, (label, _fields) in SORTS.items() if key != "-updated"],
        any_label=SORTS["-updated"][0],
        method="filter_sort",
    )

    class Meta:
        model = Response
        fields: list[str] = []

    def filter_text(
        self, queryset: QuerySet[Response], name: str, value: str
    ) -> QuerySet[Response]:
        text = Q()
        for lang in TRANSLATED_LANGUAGES:
            text |= Q(**{f"place__name_{lang}__icontains": value})
        return queryset.filter(text)

    def filter_assignee(
        self, queryset: QuerySet[Response], name: str, value: str
    ) -> QuerySet[Response]:
        return queryset.filter(place_id__in=place_ids_of_expert(user_id=int(value)))

    def filter_changed(
        self, queryset: QuerySet[Response], name: str, value: str
    ) -> QuerySet[Response]:
        # ``changed_count`` is the annotation of ``queue_queryset``
        return queryset.filter(**{"changed_count__gt": 0})

    def filter_sort(
        self, queryset: QuerySet[Response], name: str, value: str
    ) -> QuerySet[Response]:
        return queryset.order_by(*SORTS[value][1])

    def filter_queryset(self, queryset: QuerySet[Response]) -> QuerySet[Response]:
        filtered: QuerySet[Response] = super().filter_queryset(queryset)
        return filtered.distinct()
