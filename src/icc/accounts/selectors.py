"""Reads about who may do what. Other apps ask here; they never inspect roles themselves.

Every access check on a place goes through ``place_roles_for_user``: the one place where
"a national-network coordinator answers for the network's member places" is written.
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from icc.accounts.models import Role as Role  # the roles, for other apps to name them
from icc.accounts.models import RoleAssignment, User

# Who may be asking: other apps annotate with this instead of importing the accounts' models.
AnyUser = User | AnonymousUser


class PlaceRole(enum.Enum):
    """The ways a person can be responsible for one place."""

    SECRETARIAT = "secretariat"
    CITY_COORDINATOR = "city_coordinator"
    EXPERT = "expert"
    NETWORK_COORDINATOR = "network_coordinator"
    # a module role: only asked for with ``module_roles=True`` (the anti-rumours app), so that it
    # opens the city's anti-rumours work and nothing else (private notes, index answers)
    ANTIRUMOURS_TEAM = "antirumours_team"


@dataclass(frozen=True)
class UserScope:
    """What a user is responsible for: plain ids, ready for any app's queries."""

    is_authenticated: bool
    is_secretariat: bool
    coordinated_place_ids: frozenset[int]
    coordinated_network_ids: frozenset[int]
    expert_place_ids: frozenset[int]
    # member places of the networks the user coordinates
    network_place_ids: frozenset[int]
    # places whose anti-rumours team the user belongs to (a module role: not in ``place_ids``)
    antirumours_place_ids: frozenset[int] = frozenset()

    @property
    def is_member(self) -> bool:
        """A logged-in person with a role in the network (or the secretariat)."""
        return self.is_secretariat or bool(
            self.coordinated_place_ids or self.coordinated_network_ids or self.expert_place_ids
        )

    @property
    def place_ids(self) -> frozenset[int]:
        """Every place the user answers for through a role (the secretariat's "all" excluded)."""
        return self.coordinated_place_ids | self.expert_place_ids | self.network_place_ids


PUBLIC_SCOPE = UserScope(False, False, frozenset(), frozenset(), frozenset(), frozenset())


def user_scope(*, user: User | AnonymousUser) -> UserScope:
    """The places and networks ``user`` answers for, read in one query and memoised on the user
    object for the request."""
    if not user.is_authenticated or not isinstance(user, User):
        return PUBLIC_SCOPE
    cached: UserScope | None = getattr(user, "_icc_scope", None)
    if cached is not None:
        return cached
    places: set[int] = set()
    networks: set[int] = set()
    expert: set[int] = set()
    network_places: set[int] = set()
    antirumours: set[int] = set()
    # one row per assignment, or per member place for a network coordinator's assignment
    rows = RoleAssignment.objects.filter(user=user).values_list(
        "role", "place_id", "network_id", "network__members"
    )
    for role, place_id, network_id, member_id in rows:
        if role == Role.CITY_COORDINATOR and place_id:
            places.add(place_id)
        elif role == Role.EXPERT and place_id:
            expert.add(place_id)
        elif role == Role.ANTIRUMOURS_TEAM and place_id:
            antirumours.add(place_id)
        elif role == Role.NETWORK_COORDINATOR and network_id:
            networks.add(network_id)
            if member_id:
                network_places.add(member_id)
    scope = UserScope(
        is_authenticated=True,
        is_secretariat=bool(user.is_active and user.is_staff),
        coordinated_place_ids=frozenset(places),
        coordinated_network_ids=frozenset(networks),
        expert_place_ids=frozenset(expert),
        network_place_ids=frozenset(network_places),
        antirumours_place_ids=frozenset(antirumours),
    )
    user._icc_scope = scope  # type: ignore[attr-defined]
    return scope


def place_roles_for_user(
    *, user: User | AnonymousUser, place_id: int, module_roles: bool = False
) -> frozenset[PlaceRole]:
    """The roles ``user`` holds on one place; empty for the public. Every access check on a
    place (its private page, its index response) starts here.

    ``module_roles=True`` adds the roles that open one module only (``ANTIRUMOURS_TEAM``); only
    that module asks for them, so they never open a place's other private data."""
    scope = user_scope(user=user)
    roles: set[PlaceRole] = set()
    if scope.is_secretariat:
        roles.add(PlaceRole.SECRETARIAT)
    if place_id in scope.coordinated_place_ids:
        roles.add(PlaceRole.CITY_COORDINATOR)
    if place_id in scope.expert_place_ids:
        roles.add(PlaceRole.EXPERT)
    if place_id in scope.network_place_ids:
        roles.add(PlaceRole.NETWORK_COORDINATOR)
    if module_roles and place_id in scope.antirumours_place_ids:
        roles.add(PlaceRole.ANTIRUMOURS_TEAM)
    return frozenset(roles)


def role_assignments_for_user(*, user: User | AnonymousUser) -> list[RoleAssignment]:
    """The user's roles with their place or network, for the account page."""
    if not isinstance(user, User):
        return []
    return list(
        RoleAssignment.objects.filter(user=user).select_related("place", "network").order_by("role")
    )


def people_of_place(*, place_id: int, roles: Iterable[Role]) -> list[User]:
    """Active people holding one of ``roles`` on the place (city coordinators, experts)."""
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__place_id=place_id,
            role_assignments__role__in=[role.value for role in roles],
        ).distinct()
    )


def secretariat_people() -> list[User]:
    """Active members of the secretariat."""
    return list(User.objects.filter(is_active=True, is_staff=True))


def experts() -> list[User]:
    """Active people who are an expert for at least one place (the review queue's assignees)."""
    return list(
        User.objects.filter(is_active=True, role_assignments__role=Role.EXPERT)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def place_ids_of_expert(*, user_id: int) -> frozenset[int]:
    """The places ``user_id`` is an expert for."""
    rows = RoleAssignment.objects.filter(user_id=user_id, role=Role.EXPERT, place__isnull=False)
    return frozenset(rows.values_list("place_id", flat=True))


def experts_by_place(*, place_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active experts of each of ``place_ids`` (one query)."""
    grouped: dict[int, list[User]] = {}
    rows = (
        RoleAssignment.objects.filter(
            role=Role.EXPERT, place_id__in=list(place_ids), user__is_active=True
        )
        .select_related("user")
        .order_by("user__last_name", "user__username")
    )
    for row in rows:
        assert row.place_id is not None
        grouped.setdefault(row.place_id, []).append(row.user)
    return grouped
