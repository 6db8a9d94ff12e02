"""Forms of the directory pages (the place list's filters are ``filters.PlaceFilterSet``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.core.tabular import field_max_length
from icc.network.models import Place


class PlacePrivateForm(forms.Form):
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=field_max_length(Place, "website"),  # what the column holds
    )
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
