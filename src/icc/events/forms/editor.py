"""Forms of the programme editor. Translated texts are edited in the two working languages
(English, the fallback, is required where the text is); other languages go through the
administration or a programme file."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.core.forms import DateInput, TimeInput
from icc.events.models import Person, PersonRole, SessionKind, SlotKind
from icc.events.services.programme import Texts
from icc.language import language_name

EDITOR_LANGUAGES = ("en", "fr")


def _translated(
    form: forms.Form, name: str, label: str, *, required: bool = False, long: bool = False
) -> None:
    for language in EDITOR_LANGUAGES:
        widget = forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput
        form.fields[f"{name}_{language}"] = forms.CharField(
            label=f"{label} ({language_name(language, in_sentence=True)})",
            required=required and language == "en",
            widget=widget,
            max_length=None if long else 400,
        )


@dataclass(frozen=True)
class Refusal:
    """An editor form the server refused (``op`` on the row ``key``, the posted ``id``): what
    was typed and why, so that the page shows that form again, open, as it was sent."""

    op: str
    key: str
    data: Mapping[str, str]
    errors: Mapping[str, list[str]]

    def typed(self, name: str) -> str:
        return str(self.data.get(name, ""))

    def errors_of(self, name: str) -> list[str]:
        return list(self.errors.get(name, []))


def texts_of(form: forms.Form, name: str) -> Texts:
    """``{"en": …, "fr": …}`` of a translated field (after ``is_valid``)."""
    return {lang: form.cleaned_data.get(f"{name}_{lang}") or "" for lang in EDITOR_LANGUAGES}


class PartForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "title", str(_("Title")), required=True)


class SlotForm(forms.Form):
    start = forms.TimeField(label=_("Start"), widget=TimeInput())
    end = forms.TimeField(label=_("End"), required=False, widget=TimeInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=SlotKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "title", str(_("Title of the break")))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must come after the start."))
        return data


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "title", str(_("Title")), required=True)
        _translated(self, "description", str(_("Description")), long=True)
        _translated(self, "location", str(_("Location (if not the venue)")))


class ItemForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "text", str(_("Sub-item")), required=True)


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _translated(self, "title", str(_("Title or function")))
        _translated(self, "organisation", str(_("Organisation")))


class SessionPersonForm(forms.Form):
    """Someone already known, or a new person, with their role in the session."""

    role = forms.ChoiceField(label=_("Role"), choices=PersonRole.choices)
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Known person"), queryset=Person.objects.none(), required=False
    )
    name = forms.CharField(label=_("or a new person's name"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = Person.objects.order_by("name")
        _translated(self, "title", str(_("New person's title or function")))
        _translated(self, "organisation", str(_("New person's organisation")))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not (data.get("name") or "").strip():
            raise forms.ValidationError(_("Choose a known person or give a new person's name."))
        return data
