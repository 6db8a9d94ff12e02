"""Forms of the anti-rumours pages; services apply the rules, forms only parse."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from icc.antirumours.models import (
    Agent,
    Campaign,
    CampaignMaterial,
    CounterArgument,
    FocusGroupNote,
    Format,
    Rumour,
    RumourTheme,
    Stage,
    StageDocument,
    Strategy,
)
from icc.core.forms import DateInput, TimeInput
from icc.language import language_name

#: Languages a rumour, counter-argument or material can be written in (ISO 639-1).
LANGUAGE_CODES = ("en", "fr", "es", "it", "pt", "de", "uk", "ca", "eu", "el", "nl", "pl", "ar")


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in LANGUAGE_CODES]


def language_field() -> forms.ChoiceField:
    """The language something is written in, one of ``LANGUAGE_CODES``."""
    return forms.ChoiceField(label=_("language"), choices=language_choices)


def checkboxes(
    label: StrOrPromise,
    choices: Any,
    *,
    field: type[forms.MultipleChoiceField] = forms.MultipleChoiceField,
    **options: Any,
) -> forms.MultipleChoiceField:
    """One checkbox per choice, none required (``field``: a typed one with ``coerce``)."""
    return field(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        **options,
    )


class StrategyPublicForm(forms.ModelForm[Strategy]):
    class Meta:
        model = Strategy
        fields = ["public_summary", "is_public"]


class StageForm(forms.ModelForm[Stage]):
    class Meta:
        model = Stage
        fields = ["status", "starts_on", "ends_on", "people", "notes"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class StageDocumentForm(forms.ModelForm[StageDocument]):
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")

    class Meta:
        model = StageDocument
        fields = ["title", "file", "url"]


class RumourForm(forms.ModelForm[Rumour]):
    language = language_field()
    themes = checkboxes(_("themes"), RumourTheme.choices)

    class Meta:
        model = Rumour
        fields = ["text", "language", "target_group", "themes", "where_circulates", "first_seen"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "first_seen": DateInput()}


class CounterArgumentForm(forms.ModelForm[CounterArgument]):
    language = language_field()
    formats = checkboxes(_("formats"), Format.choices)

    class Meta:
        model = CounterArgument
        fields = ["kind", "text", "language", "source", "source_date", "formats"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "source_date": DateInput()}


class FocusGroupNoteForm(forms.ModelForm[FocusGroupNote]):
    class Meta:
        model = FocusGroupNote
        fields = ["held_on", "participants", "location", "notes"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}


class AgentForm(forms.ModelForm[Agent]):
    class Meta:
        model = Agent
        fields = [
            "kind", "name", "organisation", "email", "phone", "languages", "consent_on",
            "consent_purpose",
        ]  # fmt: skip
        widgets = {"consent_on": DateInput()}


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    day = forms.DateField(label=_("day"), widget=DateInput())
    start = forms.TimeField(label=_("from"), widget=TimeInput())
    end = forms.TimeField(label=_("to"), widget=TimeInput())
    venue = forms.CharField(label=_("venue"), max_length=200, required=False)
    hours = forms.DecimalField(label=_("hours"), min_value=0, max_digits=5, decimal_places=1)
    language = language_field()


class AttendanceForm(forms.Form):
    """One checkbox per agent for "expected" and one for "attended"."""

    def __init__(self, *args: Any, agents: list[Agent], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(agent.pk, str(agent)) for agent in agents]
        for name, label in (("expected", _("expected")), ("attended", _("attended"))):
            self.fields[name] = checkboxes(
                label, choices, field=forms.TypedMultipleChoiceField, coerce=int
            )


class CampaignForm(forms.ModelForm[Campaign]):
    def __init__(self, *args: Any, rumours: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rumours"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = rumours

    class Meta:
        model = Campaign
        fields = [
            "title", "description", "where", "starts_on", "ends_on", "partners", "reach_people",
            "reach_posts", "reach_media", "rumours", "is_public",
        ]  # fmt: skip
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "rumours": forms.CheckboxSelectMultiple,
        }


class MaterialForm(forms.ModelForm[CampaignMaterial]):
    url = forms.URLField(label=_("link"), required=False, assume_scheme="https")
    language = language_field()

    class Meta:
        model = CampaignMaterial
        fields = ["title", "language", "file", "url"]
