"""Template helpers of the events pages, and the "events held here" block of a place page
(``{% load events_tags %}{% events_held_at place %}``: the network app stays unaware of events).
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext

from icc.events.forms.editor import EDITOR_LANGUAGES, Refusal
from icc.events.models import Event, RegistrationField
from icc.events.selectors import events_at_place
from icc.language import current_language, language_name

register = template.Library()


def _french() -> bool:
    return current_language() == "fr"


@register.filter
def clock(value: dt.datetime | dt.time | None) -> str:
    """A time of day as programmes print it, in the value's own zone: « 9h30 », « 11h » in
    French, "9:30", "11:00" otherwise."""
    if value is None:
        return ""
    if _french():
        return f"{value.hour}h{value.minute:02d}" if value.minute else f"{value.hour}h"
    return f"{value.hour}:{value.minute:02d}"


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def dates_text(start: dt.date, end: dt.date) -> str:
    """« 14-15 novembre 2023 », "4 February – 5 March 2020", "23 April 2020"."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{_day(end)}" if _french() else f"{start.day}–{_day(end)}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


@register.simple_tag
def event_dates(event: Event) -> str:
    """The event's dates in its own zone."""
    return dates_text(event.local_start.date(), event.local_end.date())


@register.simple_tag
def event_times(event: Event) -> str:
    """ "9:00 – 16:35" in the event's zone; empty for events known by their dates only."""
    if event.all_day:
        return ""
    return f"{clock(event.local_start)} – {clock(event.local_end)}"


@register.filter
def utc_offset(value: dt.datetime) -> str:
    """ "UTC+01:00" for an aware datetime."""
    offset = value.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def join_and(texts: Sequence[str]) -> str:
    """« A », « A and B », « A, B and C » (``and`` translated)."""
    if len(texts) < 2:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} {gettext('and')} {texts[-1]}"


@register.filter
def names(people: Sequence[Any]) -> str:
    """People of a session as the programme prints them (see ``PersonEntry.label``)."""
    return join_and([p.label for p in people])


@register.filter
def languages_text(codes: Sequence[str]) -> str:
    """ "English and French"; « Anglais et français » (French writes language names in lower
    case inside a phrase)."""
    text = join_and([language_name(code, in_sentence=True) for code in codes])
    return text[:1].upper() + text[1:]


@register.inclusion_tag("events/_place_events.html")
def events_held_at(place: Any) -> dict[str, Any]:
    """The "events held here" section of a place's page."""
    return {"place": place, **events_at_place(place_id=place.pk)}


@register.inclusion_tag("events/_translated_inputs.html")
def translated_inputs(
    obj: Any,
    name: str,
    label: str,
    prefix: str,
    key: object = "",
    required: bool = False,
    long: bool = False,
    refused: Refusal | None = None,
) -> dict[str, Any]:
    """English and French inputs of a translated field for the programme editor, filled from
    ``obj`` (None for an empty "add" form), or with what was typed when the form was
    ``refused``; ids are ``{prefix}{key}-{field}``, unique."""
    cells = []
    for language in EDITOR_LANGUAGES:
        field = f"{name}_{language}"
        stored = (getattr(obj, field, "") or "") if obj is not None else ""
        cells.append(
            {
                "field": field,
                "ident": f"{prefix}{key}-{field}",
                "language_label": language_name(language, in_sentence=True),
                "value": refused.typed(field) if refused else stored,
                "needed": required and language == "en",
                "errors": refused.errors_of(field) if refused else [],
            }
        )
    return {"cells": cells, "label": label, "long": long}


@register.simple_tag(takes_context=True)
def refusal(context: template.Context, op: str, key: object = "") -> Refusal | None:
    """The editor's refused form (``refused`` in the page's context) if it is the form of
    ``op`` on ``key``; None for every other form of the page."""
    refused = context.get("refused")
    if isinstance(refused, Refusal) and (refused.op, refused.key) == (op, str(key)):
        return refused
    return None


@register.simple_tag
def typed(refused: Refusal | None, name: str, stored: object = "") -> object:
    """What was typed in ``name`` when the form was refused, else the ``stored`` value."""
    return refused.typed(name) if refused else stored


@register.inclusion_tag("events/_editor_input.html")
def editor_input(
    refused: Refusal | None,
    name: str,
    prefix: str,
    key: object = "",
    kind: str = "text",
    value: object = "",
    required: bool = False,
) -> dict[str, Any]:
    """One plain input of the programme editor (id ``{prefix}-{key}-{name}``), with what was
    typed and the errors when its form was refused."""
    return {
        "name": name,
        "ident": f"{prefix}-{key}-{name}" if key != "" else f"{prefix}-{name}",
        "kind": kind,
        "value": refused.typed(name) if refused else value,
        "required": required,
        "errors": refused.errors_of(name) if refused else [],
    }


@register.inclusion_tag("events/_editor_errors.html")
def editor_form_errors(refused: Refusal | None) -> dict[str, Any]:
    """A refused editor form's errors that belong to no single field."""
    return {"errors": refused.errors_of("__all__") if refused else []}


@register.simple_tag
def registration_answer(answers: dict[str, Any], field: RegistrationField) -> str:
    """A registrant's answer to one extra question in words (``RegistrationField.answer_text``)."""
    return field.answer_text(answers)
