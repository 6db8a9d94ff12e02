"""Forms of the owner pages: create a survey, import an export, choose what to count."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class SurveyCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    xlsform = forms.FileField(
        label=_("XLSForm file (.xlsx)"),
        help_text=_("A KoboToolbox/ODK XLSForm: survey, choices and settings sheets."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("KoboToolbox or ODK export (.csv or .xlsx)"),
        help_text=_("Export with XML values and headers; rows already imported are skipped."),
    )


class ResultsForm(forms.Form):
    question = forms.ChoiceField(label=_("Question"))
    by = forms.ChoiceField(label=_("Groups of respondents"), required=False)

    def __init__(
        self,
        *args: Any,
        selects: list[tuple[str, str]],
        groupers: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        """``selects``: the questions that can be counted; ``groupers``: the ``select_one``
        questions that can make groups of respondents."""
        super().__init__(*args, **kwargs)
        question = self.fields["question"]
        by = self.fields["by"]
        assert isinstance(question, forms.ChoiceField) and isinstance(by, forms.ChoiceField)
        question.choices = selects
        by.choices = [("", _("Everyone together")), *groupers]
