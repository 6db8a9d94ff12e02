"""The filters of the event list (page and API), as one django-filter FilterSet.

Rules held here:

- Every filter lives in the query string (so a filtered list has a URL): ``when`` (``upcoming``
  or ``past``), ``kind``, ``theme`` (slug), ``language`` (working language code), ``format``
  (``in_person`` and ``online`` include hybrid events; ``hybrid`` only those), and ``place``
  (slug, API only). Empty means "any".
- Upcoming events come soonest first, past events latest first, all events by start.
- A value outside the choices is an error with a sentence for the person (the page shows it and
  drops that filter); ``event_list`` given such a value matches nothing, as the API always has.
"""

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from icc.events.models import PUBLIC_STATUSES, Event, EventFormat, EventKind, Theme
from icc.events.models.event import WORKING_LANGUAGES
from icc.filtering import QueryFilterSet, choice_filter

FORMAT_CHOICES = [
    ("in_person", _("In person (or hybrid)")),
    ("online", _("Online (or hybrid)")),
    ("hybrid", _("Hybrid only")),
]
FORMATS_INCLUDED = {
    "in_person": [EventFormat.IN_PERSON, EventFormat.HYBRID],
    "online": [EventFormat.ONLINE, EventFormat.HYBRID],
    "hybrid": [EventFormat.HYBRID],
}
WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


def themes_in_use() -> QuerySet[Theme]:
    """Themes of at least one public event, for the filters."""
    return Theme.objects.filter(events__status__in=PUBLIC_STATUSES).distinct().order_by("slug")


def languages_in_use() -> list[str]:
    """Working languages of public events, for the filters."""
    codes = (
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .order_by()  # the events' own ordering would make ``distinct`` keep one row per event
        .values_list("languages__code", flat=True)
        .distinct()
    )
    return sorted({code for code in codes if code})


def _language_choices() -> list[tuple[str, Any]]:
    names = dict(WORKING_LANGUAGES)
    return [(code, names.get(code, code)) for code in languages_in_use()]


class EventFilterSet(QueryFilterSet):
    """Filters of the public event list; give it ``request.GET`` (or ``None``: no filter), the
    public events, and the time that divides upcoming from past."""

    when = choice_filter(_("When"), WHEN_CHOICES, any_label=_("Any time"), method="filter_when")
    kind = choice_filter(_("Kind"), lambda: EventKind.choices)
    theme = choice_filter(
        _("Theme"),
        lambda: [(t.slug, t.name) for t in themes_in_use()],
        field_name="themes__slug",
    )
    language = choice_filter(_("Working language"), _language_choices, field_name="languages__code")
    format = choice_filter(_("Format"), FORMAT_CHOICES, method="filter_format")
    place = django_filters.CharFilter(field_name="place__slug", widget=forms.HiddenInput)

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Event] | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(data, queryset)
        self.now = now or timezone.now()

    def filter_when(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        if value == "upcoming":
            return queryset.filter(end__gte=self.now)
        return queryset.filter(end__lt=self.now)

    def filter_format(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return queryset.filter(format__in=FORMATS_INCLUDED[value])

    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        filtered: QuerySet[Event] = super().filter_queryset(queryset)
        when = getattr(self.form, "cleaned_data", {}).get("when")
        order = ("-start", "-id") if when == "past" else ("start", "id")
        return filtered.order_by(*order).distinct()
