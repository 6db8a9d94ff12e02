"""The filters of the event list, read from the query string (so a filtered list has a URL)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icc.events.models import EventKind
from icc.events.models.event import WORKING_LANGUAGES
from icc.events.selectors import EventFilters, languages_in_use, themes_in_use

FORMAT_CHOICES = [
    ("", _("Any")),
    ("in_person", _("In person (or hybrid)")),
    ("online", _("Online (or hybrid)")),
    ("hybrid", _("Hybrid only")),
]
WHEN_CHOICES = [("", _("Any time")), ("upcoming", _("Upcoming")), ("past", _("Past"))]


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(label=_("Working language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False, choices=FORMAT_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        names = dict(WORKING_LANGUAGES)
        self._choices("kind").choices = anything + list(EventKind.choices)
        self._choices("theme").choices = anything + [(t.slug, t.name) for t in themes_in_use()]
        self._choices("language").choices = anything + [
            (code, names.get(code, code)) for code in languages_in_use()
        ]

    def _choices(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def filters(self) -> EventFilters:
        """The valid filters (an invalid value is dropped, as if absent)."""
        if not self.is_bound:
            return EventFilters()
        self.is_valid()
        data = self.cleaned_data
        return EventFilters(
            kind=data.get("kind", ""),
            theme=data.get("theme", ""),
            language=data.get("language", ""),
            format=data.get("format", ""),
            when=data.get("when", ""),
        )
