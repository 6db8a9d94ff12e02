"""Writes of the knowledge base: practices and their moderation, calls for practices,
publications and news, the newsletter (in ``newsletter.py``).

Rules held here (the pages, the API, the admin and the imports all go through them):

- A practice's rich text is sanitised on every write (``sanitise.html_clean``).
- A city coordinator writes practices only for the places they answer for; a practice's
  moderation follows ``workflow.py`` and each step is recorded (``PracticeEvent``) and told to
  the people concerned (``notices.py``).
- Publishing a practice (or a news item, or a publication) puts it in the platform's search once
  the step commits; unpublishing takes it out.
- An answer to a call for practices is a draft practice of the answering city on the call's
  theme; answers are accepted until the deadline (included).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from icc.accounts.selectors import user_scope
from icc.knowledge import search_bridge
from icc.knowledge.models import (
    CallForPractices,
    GoodPractice,
    PracticeArea,
    PracticeEvent,
    PracticeFile,
    PracticeLink,
    PracticeStatus,
    Theme,
)
from icc.knowledge.notices import practice_step_notify
from icc.knowledge.sanitise import html_clean
from icc.knowledge.selectors import coordinated_places, practice_actors
from icc.knowledge.workflow import Action, Actor, State, TransitionError, editable, transition

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from icc.accounts.models import User


def slug_unique(model: type, text: str, *, max_length: int = 110) -> str:
    """A slug from ``text`` not yet used by ``model`` (``-2``, ``-3``… appended)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    manager = model._default_manager  # type: ignore[attr-defined]
    while manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@dataclass(frozen=True)
class PracticeData:
    """What a practice's form holds (in the language it is written in)."""

    title: str
    summary: str = ""
    description: str = ""
    results: str = ""
    contact: str = ""
    language: str = "en"
    languages: Sequence[str] = ()
    period_start: int | None = None
    period_end: int | None = None
    place_ids: Sequence[int] = ()
    theme_ids: Sequence[int] = ()
    area_codes: Sequence[str] = ()
    links: Sequence[tuple[str, str]] = ()


def period_problem(*, start: int | None, end: int | None) -> str:
    """Why a practice's period (years) cannot be, or "" when it can."""
    if start is not None and end is not None and end < start:
        return _(
            "The practice cannot end (%(end)s) before it started (%(start)s): write the year it "
            "ended, or leave it empty if it goes on."
        ) % {"start": start, "end": end}
    return ""


def _check_places(*, user: User, place_ids: Iterable[int]) -> None:
    allowed = {pk for pk, _name in coordinated_places(user=user)}
    wanted = set(place_ids)
    if not wanted:
        raise ValidationError(_("Choose at least one city."))
    if not wanted <= allowed:
        raise PermissionDenied(_("You may write practices only for the cities you coordinate."))


def text_set(obj: object, name: str, lang: str, value: str) -> None:
    """Write ``value`` as the ``lang`` text of field ``name``; the English text (the fallback of
    every language) follows the original while nobody has written an English one."""
    old = getattr(obj, f"{name}_{lang}") or ""
    setattr(obj, f"{name}_{lang}", value)
    english = getattr(obj, f"{name}_en") or ""
    if lang != "en" and (not english or english == old):
        setattr(obj, f"{name}_en", value)


def _apply(practice: GoodPractice, data: PracticeData) -> None:
    lang = data.language
    practice.language = lang
    for name in ("title", "summary", "results"):
        text_set(practice, name, lang, getattr(data, name).strip())
    text_set(practice, "description", lang, html_clean(data.description))
    practice.contact = data.contact.strip()
    codes = [c for c in dict.fromkeys([lang, *data.languages]) if c]
    practice.languages = ",".join(codes)
    practice.period_start = data.period_start
    practice.period_end = data.period_end


def _apply_relations(practice: GoodPractice, data: PracticeData) -> None:
    from icc.network.selectors import PlaceFilters, place_list

    places = list(place_list(filters=PlaceFilters()).filter(pk__in=list(data.place_ids)))
    practice.places.set(places)
    if places and practice.country_id is None:
        practice.country_id = places[0].country_id
        practice.save(update_fields=["country"])
    practice.themes.set(Theme.objects.filter(pk__in=list(data.theme_ids)))
    practice.areas.all().delete()
    PracticeArea.objects.bulk_create(
        [PracticeArea(practice=practice, code=code) for code in dict.fromkeys(data.area_codes)]
    )
    practice.links.all().delete()
    PracticeLink.objects.bulk_create(
        [PracticeLink(practice=practice, label=label, url=url) for label, url in data.links if url]
    )


@transaction.atomic
def practice_create(
    *, user: User, data: PracticeData, call: CallForPractices | None = None
) -> GoodPractice:
    """A new draft practice for places ``user`` coordinates."""
    _check_places(user=user, place_ids=data.place_ids)
    practice = GoodPractice(slug=slug_unique(GoodPractice, data.title), created_by=user, call=call)
    _apply(practice, data)
    practice.save()
    _apply_relations(practice, data)
    PracticeEvent.objects.create(
        practice=practice, action="create", status=practice.status, actor=user
    )
    return practice


@transaction.atomic
def practice_update(*, user: User, practice: GoodPractice, data: PracticeData) -> GoodPractice:
    """Change a practice (its city while it is a draft or changes are requested; the
    secretariat at any step). A published practice changed is indexed again on commit."""
    actors = practice_actors(user=user, practice=practice)
    if not editable(state=State(practice.status), actors=actors):
        raise PermissionDenied(_("This practice cannot be changed at this step."))
    if Actor.SECRETARIAT not in actors:
        _check_places(user=user, place_ids=data.place_ids)
    _apply(practice, data)
    practice.save()
    _apply_relations(practice, data)
    if practice.status == PracticeStatus.PUBLISHED:
        search_bridge.practice_index(practice_id=practice.pk)
    return practice


@transaction.atomic
def practice_transition(
    *, user: User, practice: GoodPractice, action: Action, note: str = ""
) -> GoodPractice:
    """Take ``action`` on ``practice`` (``workflow.py``'s rules), record it and tell the people
    concerned; publishing puts it in search on commit, unpublishing takes it out."""
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    actors = practice_actors(user=user, practice=practice)
    try:
        target = transition(state=State(practice.status), action=action, actors=actors)
    except TransitionError as error:
        raise PermissionDenied(_("This step is not possible now.")) from error
    if action == Action.REQUEST_CHANGES and not note.strip():
        raise ValidationError(_("Say what should change."))
    now = timezone.now()
    practice.status = target.value
    if action == Action.SUBMIT:
        practice.submitted_at = now
    elif action == Action.PUBLISH:
        practice.published_at = now
    elif action == Action.UNPUBLISH:
        practice.published_at = None
    if action == Action.REQUEST_CHANGES:
        practice.moderation_note = note.strip()
    practice.save(
        update_fields=["status", "submitted_at", "published_at", "moderation_note", "updated_at"]
    )
    PracticeEvent.objects.create(
        practice=practice, action=action.value, status=target.value, actor=user, note=note.strip()
    )
    practice_step_notify(practice=practice, action=action, actor=user, note=note.strip())
    if action == Action.PUBLISH:
        search_bridge.practice_index(practice_id=practice.pk)
    elif action == Action.UNPUBLISH:
        search_bridge.practice_remove(practice_id=practice.pk)
    return practice


ATTACHMENT_TYPES = (".pdf", ".docx", ".odt", ".xlsx", ".pptx", ".txt")
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".webp")
FILE_MAX_BYTES = 10 * 1024 * 1024


@transaction.atomic
def practice_file_add(
    *, user: User, practice: GoodPractice, kind: str, title: str, file: UploadedFile[Any]
) -> PracticeFile:
    """Attach a document or an image to a practice its author may edit (types and size
    checked: ``ATTACHMENT_TYPES``, ``IMAGE_TYPES``, ``FILE_MAX_BYTES``)."""
    actors = practice_actors(user=user, practice=practice)
    if not editable(state=State(practice.status), actors=actors):
        raise PermissionDenied(_("This practice cannot be changed at this step."))
    allowed = IMAGE_TYPES if kind == PracticeFile.Kind.IMAGE else ATTACHMENT_TYPES
    name = (file.name or "").lower()
    if not name.endswith(allowed):
        raise ValidationError(
            _("Files of this type cannot be attached. Accepted: %(types)s.")
            % {"types": ", ".join(allowed)}
        )
    if (file.size or 0) > FILE_MAX_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."))
    return PracticeFile.objects.create(
        practice=practice, kind=kind, title=title.strip()[:300], file=file
    )


# --- calls for practices -------------------------------------------------------------------


@transaction.atomic
def call_open(
    *, user: User, theme: Theme, title: str, description: str, deadline: dt.date
) -> CallForPractices:
    """Open a call for practices on ``theme`` (the secretariat)."""
    if not user_scope(user=user).is_secretariat:
        raise PermissionDenied
    if deadline < timezone.localdate():
        raise ValidationError(_("The deadline is in the past."))
    return CallForPractices.objects.create(
        theme=theme, title=title.strip(), description=description.strip(), deadline=deadline,
        opened_by=user,
    )  # fmt: skip


@transaction.atomic
def call_answer(
    *,
    user: User,
    call: CallForPractices,
    place_id: int,
    title: str,
    summary: str,
    contact: str = "",
    language: str = "en",
) -> GoodPractice:
    """A city's short answer to ``call``: a draft practice on the call's theme, for the city
    to complete and submit."""
    if call.deadline < timezone.localdate():
        raise ValidationError(_("This call closed on %(date)s.") % {"date": call.deadline})
    data = PracticeData(
        title=title,
        summary=summary,
        contact=contact,
        language=language,
        place_ids=[place_id],
        theme_ids=[call.theme_id],
    )
    return practice_create(user=user, data=data, call=call)
