"""``place_roles_for_user``: the one answer to "what is this person to this place?"."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icc.accounts.models import User
from icc.accounts.selectors import PlaceRole, place_roles_for_user, user_scope
from icc.conftest import client_for


def _roles(user, place):
    return place_roles_for_user(user=user, place_id=place.pk)


def test_each_role_on_each_place(users, directory):
    bilbao, getxo, reggio = directory["bilbao"], directory["getxo"], directory["reggio"]
    assert _roles(users["city_coordinator"], bilbao) == {PlaceRole.CITY_COORDINATOR}
    assert _roles(users["city_coordinator"], getxo) == frozenset()
    assert _roles(users["expert"], bilbao) == {PlaceRole.EXPERT}
    # the RECI network holds Bilbao and Getxo, not Reggio Emilia
    assert _roles(users["network_coordinator"], bilbao) == {PlaceRole.NETWORK_COORDINATOR}
    assert _roles(users["network_coordinator"], getxo) == {PlaceRole.NETWORK_COORDINATOR}
    assert _roles(users["network_coordinator"], reggio) == frozenset()
    assert _roles(users["secretariat"], reggio) == {PlaceRole.SECRETARIAT}
    assert _roles(users["resident"], bilbao) == frozenset()
    assert _roles(AnonymousUser(), bilbao) == frozenset()


def test_the_scope_is_read_in_one_query(users, directory, django_assert_num_queries):
    user = User.objects.get(pk=users["network_coordinator"].pk)
    with django_assert_num_queries(1):
        user_scope(user=user)
        for key in ("bilbao", "getxo", "reggio", "braga"):
            place_roles_for_user(user=user, place_id=directory[key].pk)


def test_a_network_coordinator_opens_the_workspace_of_member_places_only(users, directory):
    client = client_for(users["network_coordinator"])
    assert client.get("/en/network/places/getxo/workspace/").status_code == 200
    assert client.get("/en/network/places/reggio-emilia/workspace/").status_code == 403


def test_place_pages_read_the_place_and_the_roles_once(users, directory):
    client = client_for(users["city_coordinator"])
    for url in ("/en/network/places/bilbao/", "/en/network/places/bilbao/workspace/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        sql = [q["sql"] for q in queries.captured_queries]
        assert sum('"network_place"."slug" = \'bilbao\'' in s for s in sql) == 1, url
        assert sum('FROM "accounts_roleassignment"' in s for s in sql) == 1, url
