"""Writes of the anti-rumours module: keyword-only, typed, atomic.

Rules written here, so that pages, the admin, the demo and tests obey them alike:
- a strategy has the five stages of the method from the start, in order;
- a rumour is private to its city until it is shared (``rumour_share``); sharing shares its
  counter-arguments with it; unsharing takes both back;
- an agent's contact data exist only under consent: adding contact data needs a consent date
  and purpose; withdrawing consent erases name, e-mail and phone at once;
- a certificate of participation exists only for an agent who attended.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser
from icc.antirumours.models import (
    PUBLIC_SUMMARY_MAX,
    Agent,
    AgentKind,
    Campaign,
    CampaignMaterial,
    CounterArgument,
    CounterArgumentKind,
    FocusGroupNote,
    Format,
    Rumour,
    RumourTheme,
    Stage,
    StageDocument,
    StageKind,
    StageStatus,
    Strategy,
    Training,
    TrainingAttendance,
)
from icc.antirumours.shared_search import SEARCH_KIND, SEARCH_SOURCE
from icc.events.services.setup import EventSpec, event_upsert, theme_upsert
from icc.search.services import document_put, document_remove

if TYPE_CHECKING:
    from icc.accounts.models import User
    from icc.events.models import EventKind


class AntirumoursError(ValueError):
    """A write refused for a reason the person can fix; the message says how."""


def _user_or_none(user: AnyUser) -> "User | None":
    return user if user.is_authenticated else None


@transaction.atomic
def strategy_start(*, place_id: int, is_demo: bool = False) -> Strategy:
    """The city's strategy with its five stages (idempotent)."""
    strategy, _created = Strategy.objects.get_or_create(
        place_id=place_id, defaults={"is_demo": is_demo}
    )
    existing = set(strategy.stages.values_list("kind", flat=True))
    Stage.objects.bulk_create(
        Stage(strategy=strategy, kind=kind) for kind in StageKind if kind.value not in existing
    )
    return strategy


@transaction.atomic
def strategy_public_set(*, strategy: Strategy, public_summary: str, is_public: bool) -> Strategy:
    """The public page's summary (at most ``PUBLIC_SUMMARY_MAX`` characters) and whether the
    page is shown."""
    public_summary = public_summary.strip()
    if len(public_summary) > PUBLIC_SUMMARY_MAX:
        raise AntirumoursError(
            _("The public summary is %(length)s characters long; shorten it to %(most)s at most.")
            % {"length": len(public_summary), "most": PUBLIC_SUMMARY_MAX}
        )
    strategy.public_summary = public_summary
    strategy.is_public = is_public
    strategy.save(update_fields=["public_summary", "is_public", "updated_at"])
    return strategy


@transaction.atomic
def stage_update(
    *,
    stage: Stage,
    status: StageStatus,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    people: str,
    notes: str,
) -> Stage:
    """Change a stage; refuses an end before its start."""
    if starts_on and ends_on and ends_on < starts_on:
        raise AntirumoursError(_("The stage must end after it starts: check the two dates."))
    stage.status, stage.starts_on, stage.ends_on = status, starts_on, ends_on
    stage.people, stage.notes = people.strip(), notes.strip()
    stage.save()
    return stage


@transaction.atomic
def stage_document_add(
    *, stage: Stage, title: str, file: UploadedFile[Any] | None = None, url: str = ""
) -> StageDocument:
    if not file and not url:
        raise AntirumoursError(_("Give a file or a link for the document."))
    document = StageDocument(stage=stage, title=title.strip(), url=url)
    if file:
        document.file = file
    document.save()
    return document


def _clean_choices(values: Iterable[str], allowed: Iterable[str], what: str) -> list[str]:
    allowed_set = set(allowed)
    cleaned = list(dict.fromkeys(values))
    unknown = [value for value in cleaned if value not in allowed_set]
    if unknown:
        raise AntirumoursError(
            _("Unknown %(what)s: %(values)s.") % {"what": what, "values": ", ".join(unknown)}
        )
    return cleaned


@transaction.atomic
def rumour_create(
    *,
    place_id: int,
    text: str,
    language: str,
    target_group: str,
    themes: Sequence[str] = (),
    where_circulates: str = "",
    first_seen: dt.date | None = None,
    is_demo: bool = False,
) -> Rumour:
    """Add a rumour to the city's register (private until shared)."""
    if not text.strip():
        raise AntirumoursError(_("Write the rumour as people say it."))
    return Rumour.objects.create(
        place_id=place_id,
        text=text.strip(),
        language=language,
        target_group=target_group.strip(),
        themes=_clean_choices(themes, RumourTheme.values, _("theme")),
        where_circulates=where_circulates.strip(),
        first_seen=first_seen,
        is_demo=is_demo,
    )


@transaction.atomic
def rumour_update(
    *,
    rumour: Rumour,
    text: str,
    language: str,
    target_group: str,
    themes: Sequence[str],
    where_circulates: str,
    first_seen: dt.date | None,
) -> Rumour:
    if not text.strip():
        raise AntirumoursError(_("Write the rumour as people say it."))
    rumour.text, rumour.language, rumour.target_group = text.strip(), language, target_group
    rumour.themes = _clean_choices(themes, RumourTheme.values, _("theme"))
    rumour.where_circulates, rumour.first_seen = where_circulates.strip(), first_seen
    rumour.save()
    _shared_changed(rumour)
    return rumour


@transaction.atomic
def counter_argument_add(
    *,
    rumour: Rumour,
    kind: CounterArgumentKind,
    text: str,
    language: str,
    source: str = "",
    source_date: dt.date | None = None,
    formats: Sequence[str] = (),
) -> CounterArgument:
    """Add a fact (which needs its source) or a counter-narrative to a rumour."""
    if not text.strip():
        raise AntirumoursError(_("Write the counter-argument."))
    if kind == CounterArgumentKind.FACT and not source.strip():
        raise AntirumoursError(_("A fact needs its source: say where the figure comes from."))
    argument = CounterArgument.objects.create(
        rumour=rumour,
        kind=kind,
        text=text.strip(),
        language=language,
        source=source.strip(),
        source_date=source_date,
        formats=_clean_choices(formats, Format.values, _("format")),
    )
    _shared_changed(rumour)
    return argument


@transaction.atomic
def rumour_share(*, rumour: Rumour, user: AnyUser) -> Rumour:
    """Share a rumour and its counter-arguments with the whole network (and the public)."""
    if rumour.shared_at is None:
        rumour.shared_at = timezone.now()
        rumour.shared_by = _user_or_none(user)
        rumour.save(update_fields=["shared_at", "shared_by"])
    _shared_changed(rumour)
    return rumour


@transaction.atomic
def rumour_unshare(*, rumour: Rumour) -> Rumour:
    """Take a rumour back into the city's private register."""
    rumour.shared_at = None
    rumour.shared_by = None
    rumour.save(update_fields=["shared_at", "shared_by"])
    _shared_changed(rumour)
    return rumour


def _shared_changed(rumour: Rumour) -> None:
    """Keep the network's search in line with what is shared: a shared rumour is a public
    document (its text, then its counter-arguments), an unshared one is taken out. Its vector
    is computed in the background after the commit."""
    key = str(rumour.pk)
    if rumour.shared_at is None:
        document_remove(source=SEARCH_SOURCE, kind=SEARCH_KIND, key=key)
        return
    arguments = list(rumour.counter_arguments.order_by("id"))
    document_put(
        source=SEARCH_SOURCE,
        kind=SEARCH_KIND,
        key=key,
        language=rumour.language,
        title=rumour.text,
        summary=" ".join(argument.text for argument in arguments)[:4000],
        url=reverse("antirumours:rumour", kwargs={"rumour_id": rumour.pk}),
        facets={"theme": list(rumour.themes), "country": rumour.place.country_id},
        place_id=rumour.place_id,
    )


@transaction.atomic
def rumour_delete(*, rumour: Rumour) -> None:
    """Take a rumour out of the register (and out of the search when it was shared)."""
    document_remove(source=SEARCH_SOURCE, kind=SEARCH_KIND, key=str(rumour.pk))
    rumour.delete()


@transaction.atomic
def focus_group_note_add(
    *,
    place_id: int,
    held_on: dt.date,
    participants: str,
    notes: str,
    location: str = "",
    user: AnyUser | None = None,
) -> FocusGroupNote:
    return FocusGroupNote.objects.create(
        place_id=place_id,
        held_on=held_on,
        participants=participants.strip(),
        location=location.strip(),
        notes=notes.strip(),
        created_by=_user_or_none(user) if user else None,
    )


@transaction.atomic
def agent_add(
    *,
    place_id: int,
    kind: AgentKind,
    name: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    languages: str = "",
    consent_on: dt.date | None = None,
    consent_purpose: str = "",
    joined_on: dt.date | None = None,
    is_demo: bool = False,
) -> Agent:
    """Add an agent; personal and contact data need the consent's date and purpose, and
    consent cannot be given on a day still to come."""
    if consent_on is not None and consent_on > timezone.localdate():
        raise AntirumoursError(
            _(
                "The consent date %(date)s is still to come: give the day the person agreed, "
                "today at the latest."
            )
            % {"date": date_format(consent_on, "SHORT_DATE_FORMAT")}
        )
    if (name or email or phone) and not (consent_on and consent_purpose.strip()):
        raise AntirumoursError(
            _(
                "Personal and contact data are kept only with consent: give the date the "
                "person agreed and what for, or leave name, e-mail and phone empty."
            )
        )
    if not (name or organisation):
        raise AntirumoursError(_("Give a name or an organisation."))
    return Agent.objects.create(
        place_id=place_id,
        kind=kind,
        name=name.strip(),
        organisation=organisation.strip(),
        email=email.strip(),
        phone=phone.strip(),
        languages=languages.strip(),
        consent_on=consent_on,
        consent_purpose=consent_purpose.strip(),
        joined_on=joined_on or timezone.localdate(),
        is_demo=is_demo,
    )


@transaction.atomic
def agent_consent_withdraw(*, agent: Agent, on: dt.date | None = None) -> Agent:
    """The person withdrew consent: erase name, e-mail and phone now; keep an anonymous row."""
    agent.name = agent.email = agent.phone = ""
    agent.consent_purpose = ""
    agent.consent_withdrawn_on = on or timezone.localdate()
    agent.save()
    return agent


@transaction.atomic
def training_create(
    *,
    place_id: int,
    slug: str,
    title: str,
    start: dt.datetime,
    end: dt.datetime,
    timezone_name: str,
    venue: str = "",
    description: str = "",
    hours: Decimal = Decimal(0),
    language: str = "en",
    is_demo: bool = False,
) -> Training:
    """A training of agents: an event of the events module (a workshop at the city), tied to
    the city here; refuses an end before its start."""
    if end < start:
        raise AntirumoursError(_("The training must end after it starts: check the two times."))
    theme_upsert(slug="anti-rumours", name={"en": "Anti-rumours", "fr": "Anti-rumeurs"})
    spec = EventSpec(
        slug=slug,
        kind=cast("EventKind", "workshop"),
        start=start,
        end=end,
        timezone=timezone_name,
        title={"en": title},
        description={"en": description} if description else {},
        place_id=place_id,
        venue_name=venue,
        languages=(language,),
        themes=("anti-rumours",),
        is_fictional=is_demo,
    )
    event = event_upsert(spec=spec)
    training, _created = Training.objects.update_or_create(
        event=event, defaults={"place_id": place_id, "hours": hours}
    )
    return training


@transaction.atomic
def training_attendance_set(
    *, training: Training, expected: Iterable[int], attended: Iterable[int]
) -> list[TrainingAttendance]:
    """Who was expected (agent ids of the city) and who attended (a subset)."""
    expected_ids = set(expected) | set(attended)
    attended_ids = set(attended)
    own = set(
        Agent.objects.filter(place_id=training.place_id, pk__in=expected_ids).values_list(
            "pk", flat=True
        )
    )
    if own != expected_ids:
        raise AntirumoursError(_("Only the city's own agents can attend its trainings."))
    training.attendance.exclude(agent_id__in=expected_ids).delete()
    rows = []
    for agent_id in sorted(expected_ids):
        row, _created = TrainingAttendance.objects.update_or_create(
            training=training, agent_id=agent_id, defaults={"attended": agent_id in attended_ids}
        )
        rows.append(row)
    return rows


@transaction.atomic
def campaign_create(
    *,
    place_id: int,
    title: str,
    starts_on: dt.date,
    description: str = "",
    where: str = "",
    ends_on: dt.date | None = None,
    partners: str = "",
    reach_people: int = 0,
    reach_posts: int = 0,
    reach_media: int = 0,
    rumour_ids: Sequence[int] = (),
    is_public: bool = True,
    is_demo: bool = False,
) -> Campaign:
    """A campaign or action; its rumours must come from the same city's register."""
    if ends_on and ends_on < starts_on:
        raise AntirumoursError(_("The campaign must end after it starts: check the two dates."))
    rumours = list(Rumour.objects.filter(place_id=place_id, pk__in=rumour_ids))
    if len(rumours) != len(set(rumour_ids)):
        raise AntirumoursError(_("A campaign can only answer rumours of the city's register."))
    campaign = Campaign.objects.create(
        place_id=place_id,
        title=title.strip(),
        description=description.strip(),
        where=where.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        partners=partners.strip(),
        reach_people=reach_people,
        reach_posts=reach_posts,
        reach_media=reach_media,
        is_public=is_public,
        is_demo=is_demo,
    )
    campaign.rumours.set(rumours)
    return campaign


@transaction.atomic
def campaign_material_add(
    *,
    campaign: Campaign,
    title: str,
    language: str,
    file: UploadedFile[Any] | None = None,
    url: str = "",
) -> CampaignMaterial:
    if not file and not url:
        raise AntirumoursError(_("Give a file or a link for the material."))
    material = CampaignMaterial(campaign=campaign, title=title.strip(), language=language, url=url)
    if file:
        material.file = file
    material.save()
    return material
