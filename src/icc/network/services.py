"""Writes to the network directory: keyword-only, typed, atomic."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from icc.accounts.selectors import Role
from icc.accounts.services import role_assign, role_revoke
from icc.network.lifecycle import STATUS_AFTER, Step
from icc.network.models import (
    Coordinator,
    MembershipStep,
    Network,
    NetworkMembership,
    Place,
    PlaceFact,
)
from icc.network.selectors import membership_step_problem_after
from icc.network.timeline import timeline_source_register as timeline_source_register

if TYPE_CHECKING:  # a type only: the network queries no account table
    from icc.accounts.models import User


class MembershipStepError(ValueError):
    """A membership step that cannot be recorded. The message, in the active language, names
    the place, says what was wrong and which step may be recorded instead."""


@transaction.atomic
def membership_step_record(
    *, place: Place, step: Step | str, date: dt.date, note: str = "", is_demo_date: bool = False
) -> MembershipStep:
    """Record the next membership step of ``place`` and update its status (``step`` may be
    given as its code, ``"member"``, as the shell does).

    Raises ``MembershipStepError`` (a ``ValueError``) when ``step`` is not a step of the
    lifecycle, may not follow the latest one, or when ``date`` is earlier than the latest step.
    """
    place = Place.objects.select_for_update().get(pk=place.pk)
    try:
        step = Step(step)
    except ValueError as error:
        raise MembershipStepError(
            _("“%(step)s” is not a membership step; use one of: %(steps)s.")
            % {"step": step, "steps": ", ".join(s.value for s in Step)}
        ) from error
    latest = place.membership_steps.order_by("-date", "-id").first()
    previous = Step(latest.step) if latest else None
    problem = membership_step_problem_after(latest=latest, step=step, date=date)
    if problem:
        raise MembershipStepError(
            _("The next membership step of %(place)s cannot be recorded: %(problem)s")
            % {"place": place.name, "problem": problem}
        )
    record = MembershipStep.objects.create(
        place=place, step=step.value, date=date, note=note, is_demo_date=is_demo_date
    )
    place.status = STATUS_AFTER[step].value
    if step is Step.MEMBER and (place.member_since is None or previous is not Step.SUSPENDED):
        place.member_since = date
    place.save(update_fields=["status", "member_since", "updated_at"])
    return record


@transaction.atomic
def place_fact_set(
    *,
    place: Place,
    year: int,
    population: int | None,
    foreign_born_pct: Decimal | None,
    non_nationals_pct: Decimal | None,
    population_source: str = "",
    foreign_born_source: str = "",
    non_nationals_source: str = "",
    approximate: bool = False,
) -> PlaceFact:
    """Create or replace the facts of ``place`` for ``year``."""
    fact, _ = PlaceFact.objects.update_or_create(
        place=place,
        year=year,
        defaults={
            "population": population,
            "foreign_born_pct": foreign_born_pct,
            "non_nationals_pct": non_nationals_pct,
            "population_source": population_source,
            "foreign_born_source": foreign_born_source,
            "non_nationals_source": non_nationals_source,
            "approximate": approximate,
        },
    )
    return fact


@transaction.atomic
def place_private_update(*, place: Place, internal_notes: str, website: str) -> Place:
    """Change the fields a city coordinator keeps up to date themselves."""
    place.internal_notes = internal_notes
    place.website = website
    place.save(update_fields=["internal_notes", "website", "updated_at"])
    return place


@transaction.atomic
def network_member_add(*, network: Network, place: Place, joined: int | None = None) -> None:
    """Add ``place`` to ``network`` (no-op when it is already a member)."""
    NetworkMembership.objects.get_or_create(
        network=network, place=place, defaults={"joined": joined}
    )


@transaction.atomic
def coordinator_add(
    *,
    user: "User",
    place: Place | None = None,
    network: Network | None = None,
    role_title: Mapping[str, str],
    organisation: str = "",
    email: str = "",
    phone: str = "",
    is_fictional: bool = False,
) -> Coordinator:
    """Make ``user`` the coordinator of ``place`` (city coordinator) or ``network`` (network
    coordinator) and list them publicly: the role (access) and the contact card are written
    together. ``role_title`` is the shown title by language (``{"en": …, "fr": …}``).

    Raises ``ValueError`` unless exactly one of ``place`` and ``network`` is given."""
    if (place is None) == (network is None):
        raise ValueError("A coordinator coordinates one place or one network.")
    assignment = role_assign(
        user=user,
        role=Role.CITY_COORDINATOR if place is not None else Role.NETWORK_COORDINATOR,
        place_id=place.pk if place is not None else None,
        network_id=network.pk if network is not None else None,
    )
    card = Coordinator.objects.filter(assignment=assignment).first() or Coordinator(
        assignment=assignment
    )
    for language, title in role_title.items():
        setattr(card, f"role_{language}", title)
    card.organisation, card.email, card.phone = organisation, email, phone
    card.is_fictional = is_fictional
    card.save()
    return card


@transaction.atomic
def coordinator_remove(*, coordinator: Coordinator) -> None:
    """The person stops coordinating: the role goes, and the public card with it."""
    role_revoke(assignment=coordinator.assignment)
