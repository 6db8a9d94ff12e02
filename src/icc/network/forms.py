"""Forms of the directory pages."""

from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from icc.network.bands import Band
from icc.network.labels import STATUS_LABELS
from icc.network.models import Country, Network, PlaceKind
from icc.network.selectors import PlaceFilters, population_bands


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


class PlaceFilterForm(forms.Form):
    """The filters of the place list, read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    population_band = forms.ChoiceField(label=_("Population"), required=False)
    status = forms.ChoiceField(label=_("Membership"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        countries = Country.objects.filter(places__isnull=False).distinct().order_by("name")
        self._choices("country").choices = anything + [(c.code, c.name) for c in countries]
        self._choices("network").choices = anything + [
            (n.slug, n.name) for n in Network.objects.order_by("name")
        ]
        self._choices("population_band").choices = anything + [
            (b.key, band_label(b)) for b in population_bands()
        ]
        self._choices("status").choices = anything + [
            (s.value, lbl) for s, lbl in STATUS_LABELS.items()
        ]
        self._choices("kind").choices = anything + list(PlaceKind.choices)

    def _choices(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def filters(self) -> PlaceFilters:
        """The valid filters; an invalid value (an old bookmark) is dropped, not fatal."""
        if not self.is_bound:
            return PlaceFilters()
        self.is_valid()
        data = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        return PlaceFilters(**data)


class PlacePrivateForm(forms.Form):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    internal_notes = forms.CharField(
        label=_("Internal notes"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class PlaceImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One row per place and year; see the column list below."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only (change nothing)"), required=False, initial=True
    )
