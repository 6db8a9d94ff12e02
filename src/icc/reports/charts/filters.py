"""The filters of the index charts as one django-filter FilterSet: names, choices, checks.

Rules held here (``query.py`` turns a valid filter set into a ``ChartQuery``):

- The query string is the charts' shared and bookmarked address: parameter names and values are
  those the charts have always read. Empty values mean "any" (or the default).
- ``area`` and ``places`` may be repeated (``area=education&area=language``) or comma-separated.
- ``edition`` is checked first, since the areas and bands it has decide what else is valid.
- Every wrong value is an error whose message names the parameter, the value, and what to use
  instead; ``ChartFilterSet.first_error`` gives the first in the page's order of the filters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from icc.filtering import QueryFilterSet
from icc.index.selectors import EditionRecord, edition_find, editions_with_results
from icc.network import selectors as network_selectors
from icc.network.lifecycle import Status

VIEWS: tuple[str, ...] = ("ranking", "profile", "progress", "scatter", "distribution")
VARIANTS: tuple[str, ...] = ("advanced", "core")
SCATTER_X: tuple[str, ...] = ("population", "foreign_born", "non_nationals")
BAND_PARAMS: tuple[str, ...] = ("population_band", "foreign_born_band", "non_nationals_band")
MAX_PLACES = 12  # lines on one progress chart stay readable up to about a dozen
# The order in which problems are reported (the first one is named).
PARAM_ORDER = (
    "view",
    "index",
    "edition",
    "area",
    "country",
    "network",
    "status",
    "places",
    "x",
    *BAND_PARAMS,
)


def not_allowed(name: str, value: str, allowed: Sequence[str]) -> str:
    """The sentence for a value outside the allowed ones."""
    return _("“%(value)s” is not a valid value for %(name)s; use one of: %(allowed)s.") % {
        "value": value,
        "name": name,
        "allowed": ", ".join(allowed),
    }


class CodesWidget(forms.TextInput):
    """Codes given repeated (``area=a&area=b``), comma-separated (``area=a,b``) or both."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name) or ""]
        codes = [part.strip() for value in values for part in str(value).split(",")]
        return list(dict.fromkeys(code for code in codes if code))


class CodesField(forms.Field):
    widget = CodesWidget

    def to_python(self, value: Any) -> tuple[str, ...]:
        return tuple(value or ())


class CodesFilter(django_filters.Filter):
    field_class = CodesField


class ChartFilterForm(forms.Form):
    """Checks that need the database or the edition; fields come from ``ChartFilterSet``."""

    editions: list[EditionRecord]
    edition: EditionRecord | None = None
    network_place_ids: frozenset[int] | None = None

    def _choice(self, name: str, allowed: Sequence[str]) -> str:
        value: str = self.cleaned_data.get(name) or ""
        if value and value not in allowed:
            raise forms.ValidationError(not_allowed(name, value, allowed))
        return value

    def clean_view(self) -> str:
        return self._choice("view", VIEWS) or "ranking"

    def clean_index(self) -> str:
        return self._choice("index", VARIANTS) or "advanced"

    def clean_status(self) -> str:
        return self._choice("status", [s.value for s in Status])

    def clean_x(self) -> str:
        return self._choice("x", SCATTER_X) or "population"

    def clean_edition(self) -> str:
        name: str = self.cleaned_data.get("edition") or ""
        self.editions = editions_with_results()
        if not name:
            if not self.editions:
                raise forms.ValidationError(_("No edition of the index has published results yet."))
            self.edition = self.editions[0]
            return self.edition.name
        found = next((e for e in self.editions if e.name == name), None) or edition_find(name=name)
        if found is None:
            names = ", ".join(e.name for e in self.editions) or _("none yet")
            raise forms.ValidationError(
                _("There is no index edition named “%(name)s”; editions with results: %(names)s.")
                % {"name": name, "names": names}
            )
        self.edition = found
        return name

    def clean_country(self) -> str:
        code: str = (self.cleaned_data.get("country") or "").upper()
        if code and not network_selectors.country_exists(code=code):
            raise forms.ValidationError(
                _(
                    "There is no country with the code “%(code)s”; use a two-letter ISO code "
                    "such as ES."
                )
                % {"code": code}
            )
        return code

    def clean_network(self) -> str:
        slug: str = self.cleaned_data.get("network") or ""
        if slug:
            self.network_place_ids = network_selectors.network_place_ids(slug=slug)
            if self.network_place_ids is None:
                raise forms.ValidationError(
                    _("There is no network “%(slug)s”; use the slug of a network, such as reci.")
                    % {"slug": slug}
                )
        return slug

    def clean_places(self) -> tuple[str, ...]:
        places: tuple[str, ...] = self.cleaned_data.get("places") or ()
        if len(places) > MAX_PLACES:
            raise forms.ValidationError(
                _("Choose at most %(max)d places; %(count)d were given.")
                % {"max": MAX_PLACES, "count": len(places)}
            )
        return places


class ChartFilterSet(QueryFilterSet):
    """The charts' filters. Give it the query string (``QueryDict`` or ``{name: [values]}``);
    the checks that depend on the edition (areas, bands) are ``query.chart_query_parse``'s."""

    # what to show: read and checked here, used by the chart views, not to narrow the places
    view = django_filters.CharFilter(method="show")
    edition = django_filters.CharFilter(method="show")
    index = django_filters.CharFilter(method="show")
    area = CodesFilter(method="show")
    population_band = django_filters.CharFilter(method="show")
    foreign_born_band = django_filters.CharFilter(method="show")
    non_nationals_band = django_filters.CharFilter(method="show")
    places = CodesFilter(method="show")
    x = django_filters.CharFilter(method="show")
    # which places: ``qs`` is the directory's places these keep
    country = django_filters.CharFilter(field_name="country__code")
    network = django_filters.CharFilter(field_name="networks__slug")
    status = django_filters.CharFilter(field_name="status")

    class Meta:
        form = ChartFilterForm

    def __init__(self, params: QueryDict | Mapping[str, Sequence[str]]) -> None:
        data = params if isinstance(params, QueryDict) else _query_dict(params)
        super().__init__(data, queryset=network_selectors.place_queryset_with_facts())

    @property
    def checked_form(self) -> ChartFilterForm:
        """The form, checked (``first_error`` says whether it is valid)."""
        form = self.form
        assert isinstance(form, ChartFilterForm)
        form.is_valid()
        return form

    def show(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return queryset

    def first_error(self) -> tuple[str, str] | None:
        """``(parameter, message)`` of the first wrong value, or None when all are valid."""
        errors = self.form.errors
        for name in PARAM_ORDER:
            if name in errors:
                return name, str(errors[name][0])
        return None


def _query_dict(params: Mapping[str, Sequence[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, [values] if isinstance(values, str) else list(values))
    return data
