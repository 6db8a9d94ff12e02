"""Peer-band edges: the edition's spec, else the one setting (ICC_PEER_BAND_EDGES)."""

import pytest
from django.test import override_settings
from django.utils import translation

from icc.index.peer_bands import peer_bands_default, peer_bands_of
from icc.index.scoring import Bands
from icc.index.selectors import peer_label
from icc.index.services import edition_import_xlsform
from icc.index.tests.conftest import SMALL_SOURCE
from icc.index.xlsform.source import form_from_source
from icc.index.xlsform.write import form_write

pytestmark = pytest.mark.django_db
OTHER_DEFAULT = {"population_edges": [100_000, 500_000], "foreign_born_edges": [10]}


def _import(method: dict[str, object], name: str = "bands"):
    source = {**SMALL_SOURCE, "method": method}
    content = form_write(form_from_source(source))
    edition = edition_import_xlsform(filename="b.xlsx", content=content, name=name, year=2023)
    assert edition.edition is not None
    return edition.edition


@override_settings(ICC_PEER_BAND_EDGES=OTHER_DEFAULT)
def test_a_questionnaire_without_edges_gets_the_setting_recorded_in_its_spec():
    edition = _import({"min_answered_share": 0.5})
    assert edition.method["bands"] == {
        "population_edges": [100_000, 500_000],
        "foreign_born_edges": [10],
    }
    with translation.override("fr"):
        label = peer_label(edition=edition, kind="population", band=1)
    assert label == "villes de 100\u00a0000 à 500\u00a0000 habitant·e·s"


@override_settings(ICC_PEER_BAND_EDGES=OTHER_DEFAULT)
def test_a_questionnaires_own_edges_win():
    edition = _import({"population_edges": [250_000], "foreign_born_edges": [12.5]})
    assert peer_bands_of(edition.method) == Bands((250_000,), (12.5,))
    with translation.override("en"):
        label = peer_label(edition=edition, kind="foreign_born", band=0)
    assert label == "cities with less than 12.5\u00a0% foreign-born residents"


def test_the_default_is_the_setting():
    assert peer_bands_default() == Bands((200_000,), (15,))
    with override_settings(ICC_PEER_BAND_EDGES=OTHER_DEFAULT):
        assert peer_bands_of({}) == Bands((100_000, 500_000), (10,))  # an unscored edition
