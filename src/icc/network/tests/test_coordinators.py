"""Coordinators have one source: the role assignment. The public card hangs on it, so the
directory never lists someone without the role, and revoking the role unlists them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from icc.accounts.models import Role, RoleAssignment
from icc.accounts.services import contact_account_create, role_revoke
from icc.conftest import client_for
from icc.network.models import Coordinator
from icc.network.services import coordinator_add, coordinator_remove

PLACE_PAGE = "/en/network/places/bilbao/"


def _ane(directory):
    return coordinator_add(
        user=contact_account_create(full_name="Ane Etxeberria", email="ane@example.org"),
        place=directory["bilbao"],
        role_title={"en": "ICC coordinator", "fr": "Coordinatrice ICC"},
        organisation="City of Bilbao",
        email="icc@bilbao.example.org",
    )


def test_listing_a_coordinator_gives_the_role(directory, users):
    card = _ane(directory)
    assignment = card.assignment
    assert (assignment.role, assignment.place_id) == (Role.CITY_COORDINATOR, directory["bilbao"].pk)
    assert not assignment.user.is_active and not assignment.user.has_usable_password()
    page = client_for(None).get(PLACE_PAGE).content.decode()
    assert "Ane Etxeberria" in page and "ICC coordinator, City of Bilbao" in page
    french = client_for(None).get("/fr/network/places/bilbao/").content.decode()
    assert "Coordinatrice ICC" in french


def test_a_role_holder_without_a_card_is_not_listed(directory, users):
    page = client_for(None).get(PLACE_PAGE).content.decode()
    assert users["city_coordinator"].username not in page
    assert "No coordinator listed." in page


@pytest.mark.parametrize("how", ["coordinator_remove", "role_revoke"])
def test_revoking_the_role_unlists_the_coordinator(directory, users, how):
    card = _ane(directory)
    assignment = card.assignment
    if how == "coordinator_remove":
        coordinator_remove(coordinator=card)
    else:
        role_revoke(assignment=assignment)
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not Coordinator.objects.exists()
    assert "Ane Etxeberria" not in client_for(None).get(PLACE_PAGE).content.decode()


def test_adding_twice_updates_the_one_card(directory, users):
    first = _ane(directory)
    again = coordinator_add(
        user=first.assignment.user, place=directory["bilbao"], role_title={"en": "Coordinator"}
    )
    assert again.pk == first.pk
    assert Coordinator.objects.values_list("role_en", flat=True).get() == "Coordinator"


def test_a_coordinator_has_one_place_or_one_network(directory, users):
    with pytest.raises(ValueError, match="one place or one network"):
        coordinator_add(
            user=users["resident"],
            place=directory["bilbao"],
            network=directory["reci"],
            role_title={"en": "Coordinator"},
        )


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_every_listed_coordinator_into_a_role_holder(directory, users):
    executor = MigrationExecutor(connection)
    before = [("network", "0003_coordinator_assignment")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    OldCoordinator = apps.get_model("network", "Coordinator")
    city = users["city_coordinator"]
    OldCoordinator.objects.create(
        name="Linked Person", role="Coordinator", place_id=directory["bilbao"].pk, user_id=city.pk
    )
    OldCoordinator.objects.create(
        name="Ana García", role="Coordinator", place_id=directory["getxo"].pk
    )
    OldCoordinator.objects.create(
        name="Ana García", role="Network coordinator", network_id=directory["reci"].pk
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    cards = {(c.assignment.place_id, c.assignment.network_id): c for c in Coordinator.objects.all()}
    linked = cards[(directory["bilbao"].pk, None)].assignment
    assert linked.user_id == city.pk and linked.role == Role.CITY_COORDINATOR  # reused its role
    assert RoleAssignment.objects.filter(user=city).count() == 1
    getxo = cards[(directory["getxo"].pk, None)]
    assert getxo.name == "Ana García" and not getxo.assignment.user.is_active
    reci = cards[(None, directory["reci"].pk)]
    assert reci.assignment.role == Role.NETWORK_COORDINATOR
    assert reci.assignment.user_id != getxo.assignment.user_id  # two namesakes, two accounts
