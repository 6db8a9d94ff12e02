"""Reads about who may do what. Other apps ask here; they never inspect roles themselves."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from icc.accounts.models import Role, RoleAssignment, User

# Who may be asking: other apps annotate with this instead of importing the accounts' models.
AnyUser = User | AnonymousUser


@dataclass(frozen=True)
class UserScope:
    """What a user is responsible for: plain ids, ready for any app's queries."""

    is_authenticated: bool
    is_secretariat: bool
    coordinated_place_ids: frozenset[int]
    coordinated_network_ids: frozenset[int]
    expert_place_ids: frozenset[int]

    @property
    def is_member(self) -> bool:
        """A logged-in person with a role in the network (or the secretariat)."""
        return self.is_secretariat or bool(
            self.coordinated_place_ids or self.coordinated_network_ids or self.expert_place_ids
        )


PUBLIC_SCOPE = UserScope(False, False, frozenset(), frozenset(), frozenset())


def user_scope(*, user: User | AnonymousUser) -> UserScope:
    """The places and networks ``user`` answers for; memoised on the user object per request."""
    if not user.is_authenticated or not isinstance(user, User):
        return PUBLIC_SCOPE
    cached: UserScope | None = getattr(user, "_icc_scope", None)
    if cached is not None:
        return cached
    places: set[int] = set()
    networks: set[int] = set()
    expert: set[int] = set()
    rows = RoleAssignment.objects.filter(user=user).values_list("role", "place_id", "network_id")
    for role, place_id, network_id in rows:
        if role == Role.CITY_COORDINATOR and place_id:
            places.add(place_id)
        elif role == Role.EXPERT and place_id:
            expert.add(place_id)
        elif role == Role.NETWORK_COORDINATOR and network_id:
            networks.add(network_id)
    scope = UserScope(
        is_authenticated=True,
        is_secretariat=bool(user.is_active and user.is_staff),
        coordinated_place_ids=frozenset(places),
        coordinated_network_ids=frozenset(networks),
        expert_place_ids=frozenset(expert),
    )
    user._icc_scope = scope  # type: ignore[attr-defined]
    return scope


def role_assignments_for_user(*, user: User | AnonymousUser) -> list[RoleAssignment]:
    """The user's roles with their place or network, for the account page."""
    if not isinstance(user, User):
        return []
    return list(
        RoleAssignment.objects.filter(user=user).select_related("place", "network").order_by("role")
    )
