from django import forms
from django.utils.translation import gettext_lazy as _

from icc.programme.report import FORMATS, LANGUAGES


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
