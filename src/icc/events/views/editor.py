"""The secretariat's programme editor: one page, plain forms (no JavaScript needed).

Each form posts an ``op`` (``part-add``, ``slot-up``, ``person-remove``…) and the id of what it
acts on; the view finds the row inside this event only, calls the matching operation from
``icc.events.services.programme`` and returns to the same place on the page. A refused change
(a form error, or a rule of the services) shows the page again with that form open, holding
what was typed, and each error next to its field.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from icc.accounts.access import secretariat_required
from icc.events import selectors
from icc.events.forms.editor import (
    ItemForm,
    PartForm,
    PersonForm,
    Refusal,
    SessionForm,
    SessionPersonForm,
    SlotForm,
    texts_of,
)
from icc.events.models import (
    Event,
    Part,
    PersonRole,
    Session,
    SessionItem,
    SessionKind,
    SessionPerson,
    Slot,
    SlotKind,
)
from icc.events.services import programme as programme_services
from icc.language import labelled

Handler = Callable[[HttpRequest, Event], str]


class Invalid(Exception):
    """A form of the editor did not validate; the message lists its errors (labelled)."""

    def __init__(self, form: forms.Form) -> None:
        self.form = form
        problems = []
        for name, errors in form.errors.items():
            text = " ".join(str(error) for error in errors)
            if name in form.fields:
                text = labelled(str(form.fields[name].label), text)
            problems.append(text)
        super().__init__(" ".join(problems))


def _valid(form: forms.Form) -> forms.Form:
    if not form.is_valid():
        raise Invalid(form)
    return form


def _id(request: HttpRequest) -> int | None:
    """The posted ``id``; None (so: 404) when it is not a number."""
    value = request.POST.get("id", "")
    return int(value) if value.isascii() and value.isdigit() else None


def _direction(request: HttpRequest) -> programme_services.Direction:
    return "up" if request.POST.get("direction") == "up" else "down"


def _part(request: HttpRequest, event: Event) -> Part:
    return get_object_or_404(Part, pk=_id(request), event=event)


def _slot(request: HttpRequest, event: Event) -> Slot:
    return get_object_or_404(Slot, pk=_id(request), part__event=event)


def _session(request: HttpRequest, event: Event) -> Session:
    return get_object_or_404(Session, pk=_id(request), slot__part__event=event)


def _part_fields(request: HttpRequest) -> dict[str, Any]:
    """The part form's values, as ``part_create`` and ``part_update`` take them."""
    form = _valid(PartForm(request.POST))
    return {"title": texts_of(form, "title"), "date": form.cleaned_data["date"]}


def part_add(request: HttpRequest, event: Event) -> str:
    part = programme_services.part_create(event=event, **_part_fields(request))
    return f"part-{part.pk}"


def part_edit(request: HttpRequest, event: Event) -> str:
    part = _part(request, event)
    programme_services.part_update(part=part, **_part_fields(request))
    return f"part-{part.pk}"


def part_delete(request: HttpRequest, event: Event) -> str:
    programme_services.part_delete(part=_part(request, event))
    return "programme"


def part_move(request: HttpRequest, event: Event) -> str:
    part = _part(request, event)
    programme_services.part_move(part=part, direction=_direction(request))
    return f"part-{part.pk}"


def _slot_fields(request: HttpRequest) -> dict[str, Any]:
    """The slot form's values, as ``slot_create`` and ``slot_update`` take them."""
    form = _valid(SlotForm(request.POST))
    return {
        "start": form.cleaned_data["start"],
        "end": form.cleaned_data["end"],
        "kind": SlotKind(form.cleaned_data["kind"]),
        "title": texts_of(form, "title"),
    }


def slot_add(request: HttpRequest, event: Event) -> str:
    part = _part(request, event)
    slot = programme_services.slot_create(part=part, **_slot_fields(request))
    return f"slot-{slot.pk}"


def slot_edit(request: HttpRequest, event: Event) -> str:
    slot = _slot(request, event)
    programme_services.slot_update(slot=slot, **_slot_fields(request))
    return f"slot-{slot.pk}"


def slot_delete(request: HttpRequest, event: Event) -> str:
    slot = _slot(request, event)
    programme_services.slot_delete(slot=slot)
    return f"part-{slot.part_id}"


def slot_move(request: HttpRequest, event: Event) -> str:
    slot = _slot(request, event)
    programme_services.slot_move(slot=slot, direction=_direction(request))
    return f"slot-{slot.pk}"


def _session_fields(request: HttpRequest) -> dict[str, Any]:
    """The session form's values, as ``session_create`` and ``session_update`` take them."""
    form = _valid(SessionForm(request.POST))
    return {
        "kind": SessionKind(form.cleaned_data["kind"]),
        "title": texts_of(form, "title"),
        "description": texts_of(form, "description"),
        "location": texts_of(form, "location"),
    }


def session_add(request: HttpRequest, event: Event) -> str:
    slot = _slot(request, event)
    session = programme_services.session_create(slot=slot, **_session_fields(request))
    return f"session-{session.pk}"


def session_edit(request: HttpRequest, event: Event) -> str:
    session = _session(request, event)
    programme_services.session_update(session=session, **_session_fields(request))
    return f"session-{session.pk}"


def session_delete(request: HttpRequest, event: Event) -> str:
    session = _session(request, event)
    programme_services.session_delete(session=session)
    return f"slot-{session.slot_id}"


def session_move(request: HttpRequest, event: Event) -> str:
    session = _session(request, event)
    programme_services.session_move(session=session, direction=_direction(request))
    return f"session-{session.pk}"


def item_add(request: HttpRequest, event: Event) -> str:
    session = _session(request, event)
    programme_services.session_item_create(
        session=session, text=texts_of(_valid(ItemForm(request.POST)), "text")
    )
    return f"session-{session.pk}"


def _item(request: HttpRequest, event: Event) -> SessionItem:
    return get_object_or_404(SessionItem, pk=_id(request), session__slot__part__event=event)


def item_edit(request: HttpRequest, event: Event) -> str:
    item = _item(request, event)
    programme_services.session_item_update(
        item=item, text=texts_of(_valid(ItemForm(request.POST)), "text")
    )
    return f"session-{item.session_id}"


def item_delete(request: HttpRequest, event: Event) -> str:
    item = _item(request, event)
    programme_services.session_item_delete(item=item)
    return f"session-{item.session_id}"


def item_move(request: HttpRequest, event: Event) -> str:
    item = _item(request, event)
    programme_services.session_item_move(item=item, direction=_direction(request))
    return f"session-{item.session_id}"


def _person_fields(form: forms.Form) -> dict[str, Any]:
    """A person's values in ``form``, as ``person_create`` and ``person_update`` take them."""
    return {
        "name": form.cleaned_data["name"],
        "title": texts_of(form, "title"),
        "organisation": texts_of(form, "organisation"),
    }


def person_add(request: HttpRequest, event: Event) -> str:
    session = _session(request, event)
    form = _valid(SessionPersonForm(request.POST))
    person = form.cleaned_data["person"] or programme_services.person_create(**_person_fields(form))
    programme_services.session_person_add(
        session=session, person=person, role=PersonRole(form.cleaned_data["role"])
    )
    return f"session-{session.pk}"


def _session_person(request: HttpRequest, event: Event) -> SessionPerson:
    return get_object_or_404(SessionPerson, pk=_id(request), session__slot__part__event=event)


def person_remove(request: HttpRequest, event: Event) -> str:
    row = _session_person(request, event)
    programme_services.session_person_remove(session_person=row)
    return f"session-{row.session_id}"


def person_move(request: HttpRequest, event: Event) -> str:
    row = _session_person(request, event)
    programme_services.session_person_move(session_person=row, direction=_direction(request))
    return f"session-{row.session_id}"


def person_edit(request: HttpRequest, event: Event) -> str:
    row = _session_person(request, event)
    programme_services.person_update(
        person=row.person, **_person_fields(_valid(PersonForm(request.POST)))
    )
    return f"session-{row.session_id}"


HANDLERS: dict[str, Handler] = {
    "part-add": part_add,
    "part-edit": part_edit,
    "part-delete": part_delete,
    "part-move": part_move,
    "slot-add": slot_add,
    "slot-edit": slot_edit,
    "slot-delete": slot_delete,
    "slot-move": slot_move,
    "session-add": session_add,
    "session-edit": session_edit,
    "session-delete": session_delete,
    "session-move": session_move,
    "item-add": item_add,
    "item-edit": item_edit,
    "item-delete": item_delete,
    "item-move": item_move,
    "person-add": person_add,
    "person-remove": person_remove,
    "person-move": person_move,
    "person-edit": person_edit,
}


def _refused(request: HttpRequest, event: Event, error: Exception) -> HttpResponse:
    """The page again, the refused form open with what was typed and, next to each field, why
    (``error`` is ``Invalid``, or the ``ValueError`` of a service rule)."""
    messages.error(request, str(error))
    if isinstance(error, Invalid):
        errors = {name: [str(e) for e in found] for name, found in error.form.errors.items()}
    else:
        errors = {"__all__": [str(error)]}
    refused = Refusal(
        op=request.POST.get("op", ""),
        key=request.POST.get("id", ""),
        data=request.POST,
        errors=errors,
    )
    return _editor_page(request, event, refused=refused, status=400)


def _editor_page(
    request: HttpRequest, event: Event, *, refused: Refusal | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "events/editor.html",
        {
            "event": event,
            "parts": selectors.event_programme_parts(event=event),
            "people": selectors.people_list(),
            "slot_kinds": SlotKind.choices,
            "session_kinds": SessionKind.choices,
            "roles": PersonRole.choices,
            "refused": refused,
        },
        status=status,
    )


@secretariat_required
def programme_editor(request: HttpRequest, slug: str) -> HttpResponse:
    """Build and reorder the programme: parts, slots, sessions, people, sub-items. A refused
    change shows the page again with the form as it was sent, not the stored values."""
    event = selectors.event_get_any(slug=slug)
    if request.method != "POST":
        return _editor_page(request, event)
    handler = HANDLERS.get(request.POST.get("op", ""))
    if handler is None:
        messages.error(request, _("Unknown editing action."))
        return redirect(f"{request.path}#programme")
    try:
        anchor = handler(request, event)
    except (Invalid, ValueError) as error:
        return _refused(request, event, error)
    messages.success(request, _("Programme saved."))
    return redirect(f"{request.path}#{anchor}")
