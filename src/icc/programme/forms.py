from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.programme.models import Grant, lead_among_partners_text
from icc.programme.report import FORMATS, LANGUAGES


class GrantForm(forms.ModelForm[Grant]):
    """The administration's grant form (``GrantAdmin`` gives its model and fields): the lead
    place is not also a partner."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        lead, partners = cleaned.get("lead_place"), cleaned.get("partner_places")
        if lead is not None and partners is not None and lead in partners:
            self.add_error("partner_places", lead_among_partners_text(str(lead)))
        return cleaned


class ReportMakeForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=[("en", _("English")), ("fr", _("French"))],
        initial=list(LANGUAGES),
        widget=forms.CheckboxSelectMultiple,
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats"),
        choices=[(f, f.upper()) for f in FORMATS],
        initial=list(FORMATS),
        widget=forms.CheckboxSelectMultiple,
    )


class ExpenseImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=_("Check only, write nothing"), required=False)
