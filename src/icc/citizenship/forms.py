"""Forms of the test pages: starting a test, creating and joining a group session."""

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.citizenship.selectors import LanguageChoice


class StartForm(forms.Form):
    """The language of the test and, if the person wishes, their city (for statistics only)."""

    language = forms.ChoiceField(label=_("Language of the test"), widget=forms.RadioSelect)
    city = forms.CharField(
        label=_("Your city (optional)"),
        required=False,
        max_length=100,
        help_text=_("Only used to count completions by city; leave it empty if you prefer."),
    )

    def __init__(self, *args: object, languages: list[LanguageChoice], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["language"].choices = [(lang.code, lang.name) for lang in languages]  # type: ignore[attr-defined]


class GroupForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the session (optional)"),
        required=False,
        max_length=120,
        help_text=_("Shown to participants when they join, e.g. “Neighbourhood centre, Tuesday”."),
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Session code"),
        max_length=12,
        help_text=_("The six letters and digits shown by your facilitator."),
    )
