"""The registration form: who you are, plus the event's own questions."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from icc.events.models import FieldKind, RegistrationField

PREFIX = "q_"


def _question(field: RegistrationField) -> forms.Field:
    common: dict[str, Any] = {
        "label": field.label,
        "help_text": field.help_text,
        "required": field.required,
    }
    if field.kind == FieldKind.CHOICE:
        choices = [(o.value, o.label) for o in field.options.all()]
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if field.kind == FieldKind.YES_NO:
        return forms.TypedChoiceField(
            choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
            coerce=lambda value: value == "yes",
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common)


class RegistrationForm(forms.Form):
    """Name, e-mail, organisation, language of e-mails, consent and the extra questions.

    ``editing`` leaves out the e-mail (it identifies the registration) and the consent.
    """

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)  # the column's length
    organisation = forms.CharField(label=_("Organisation or city"), max_length=250, required=False)
    language = forms.ChoiceField(label=_("Language of e-mails"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree that the secretariat keeps these data to organise this event; I can "
            "download or erase them at any time with my personal link."
        )
    )

    def __init__(
        self,
        *args: Any,
        questions: list[RegistrationField],
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        if editing:
            del self.fields["email"]
            del self.fields["consent"]
            del self.fields["language"]
        for question in questions:
            self.fields[PREFIX + question.key] = _question(question)

    def answers(self) -> dict[str, object]:
        """The extra answers keyed by question key (after ``is_valid``)."""
        return {
            q.key: self.cleaned_data.get(PREFIX + q.key)
            for q in self.questions
            if self.cleaned_data.get(PREFIX + q.key) not in (None, "")
        }

    def question_fields(self) -> list[forms.BoundField]:
        return [self[PREFIX + q.key] for q in self.questions]

    def identity_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in ("name", "email", "organisation", "language")
            if name in self.fields
        ]


def initial_answers(answers: dict[str, object]) -> dict[str, object]:
    """A registration's stored answers as form initial values."""
    initial: dict[str, object] = {}
    for key, value in answers.items():
        if value is True:
            initial[PREFIX + key] = "yes"
        elif value is False:
            initial[PREFIX + key] = "no"
        else:
            initial[PREFIX + key] = value
    return initial
