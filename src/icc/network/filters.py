"""The filters of the place list (page, CSV/XLSX export, API), as one django-filter FilterSet.

Rules held here:

- Every filter lives in the query string: ``q``, ``country`` (ISO code, any case), ``network``
  (slug), ``population_band`` (a key of ``ICC_POPULATION_BAND_EDGES``, e.g. ``50000-100000``),
  ``status``, ``kind``. Empty means "any".
- A value outside the choices is an error with a sentence for the person (the page shows it and
  drops that filter, so an old bookmark still lists places); ``place_list`` given such a value
  matches nothing rather than everything, as the API always has.
"""

import django_filters
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from icc.filtering import CodeChoiceFilter, QueryFilterSet, choice_filter
from icc.network.bands import Band, bands_from_edges
from icc.network.labels import STATUS_LABELS
from icc.network.models import Country, Network, Place, PlaceKind

TRANSLATED_LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)


def population_bands() -> list[Band]:
    """The directory's population bands, from ``ICC_POPULATION_BAND_EDGES``."""
    return bands_from_edges(settings.ICC_POPULATION_BAND_EDGES)


def band_label(band: Band) -> str:
    """ "Under 50,000", "50,000 – 99,999", "1,000,000 and more", formatted for the language."""

    def fmt(n: int) -> str:
        return number_format(n, force_grouping=True)

    if band.low == 0 and band.high is not None:
        return str(_("Under %(high)s inhabitants")) % {"high": fmt(band.high)}
    if band.high is None:
        return str(_("%(low)s inhabitants and more")) % {"low": fmt(band.low)}
    return str(_("%(low)s to %(high)s inhabitants")) % {
        "low": fmt(band.low),
        "high": fmt(band.high - 1),
    }


def _countries() -> list[tuple[str, str]]:
    countries = Country.objects.filter(places__isnull=False).distinct().order_by("name")
    return [(c.code, c.name) for c in countries]


def _networks() -> list[tuple[str, str]]:
    return [(n.slug, n.name) for n in Network.objects.order_by("name")]


class PlaceFilterSet(QueryFilterSet):
    """Filters of the place list; give it ``request.GET`` (or ``None``: no filter) and a
    queryset annotated with facts (``place_queryset_with_facts``)."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=100, strip=True
    )
    country = choice_filter(_("Country"), _countries, CodeChoiceFilter, field_name="country__code")
    network = choice_filter(_("Network"), _networks, field_name="networks__slug")
    population_band = choice_filter(
        _("Population"),
        lambda: [(b.key, band_label(b)) for b in population_bands()],
        method="filter_population_band",
    )
    status = choice_filter(
        _("Membership"), lambda: [(s.value, label) for s, label in STATUS_LABELS.items()]
    )
    kind = choice_filter(_("Kind"), lambda: list(PlaceKind.choices))

    class Meta:
        model = Place
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[Place], name: str, value: str) -> QuerySet[Place]:
        text = Q()
        for lang in TRANSLATED_LANGUAGES:
            text |= Q(**{f"name_{lang}__icontains": value})
            text |= Q(**{f"country__name_{lang}__icontains": value})
        return queryset.filter(text)

    def filter_population_band(
        self, queryset: QuerySet[Place], name: str, value: str
    ) -> QuerySet[Place]:
        band = next(b for b in population_bands() if b.key == value)
        # ``population`` is the annotation of place_queryset_with_facts()
        queryset = queryset.filter(**{"population__gte": band.low})
        return queryset if band.high is None else queryset.filter(**{"population__lt": band.high})

    def filter_queryset(self, queryset: QuerySet[Place]) -> QuerySet[Place]:
        filtered: QuerySet[Place] = super().filter_queryset(queryset)
        return filtered.distinct()
