"""The search page: words in one language find items in others, facets narrow, htmx swaps the
results and the address keeps every choice; it fits a phone."""

from __future__ import annotations

from typing import Any

import pytest

from icc.conftest import client_for
from icc.search.services import document_put


def test_page_lists_results_with_facets(corpus: None) -> None:
    answer = client_for(None).get("/en/search/", {"q": "emprendedores inmigrantes"})
    html = answer.content.decode()
    assert answer.status_code == 200
    assert "Support for migrant entrepreneurs" in html
    assert 'lang="en"' in html and "written in English" in html
    assert "<legend>Theme</legend>" in html and "entrepreneurship" in html
    assert answer["Vary"].count("HX-Request") == 1


def test_facet_filter_and_fragment(corpus: None) -> None:
    client = client_for(None)
    answer = client.get(
        "/en/search/", {"theme": ["sport"], "lang": "it"}, headers={"HX-Request": "true"}
    )
    html = answer.content.decode()
    assert "<html" not in html  # the fragment only
    assert "Lo sport come strumento di inclusione" in html
    assert "El deporte como herramienta" not in html
    assert "1 result" in html
    assert 'value="sport" id="facet-theme-1" checked' in html
    # a history restore gets the whole page
    restore = client.get(
        "/en/search/",
        {"theme": ["sport"]},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


def test_french_page_and_bad_input(db: Any) -> None:
    document_put(source="t", kind="news", key="1", language="fr", title="Fête de quartier")
    answer = client_for(None).get("/fr/search/", {"q": "fete", "page": "0", "lang": "xx"})
    html = answer.content.decode()
    assert answer.status_code == 200
    assert "<h1>Rechercher</h1>" in html
    assert "ne sont pas valides" in html
    assert "Fête de quartier" in html
    assert "en cours d’indexation" in html  # its vector is not computed yet


def test_french_page_writes_language_names_in_lower_case_in_its_sentences(db: Any) -> None:
    document_put(source="t", kind="news", key="1", language="en", title="Street party")
    html = client_for(None).get("/fr/search/", {"q": "street"}).content.decode()
    # a practice, a publication, a news item (actualité), a rumour: all feminine in French
    assert "écrite en anglais" in html and "Anglais" not in html.split("<option")[-1]
    assert "Résultats écrits en : anglais (1)" in html
    assert '<option value="en">Anglais</option>' in html  # a name on its own keeps its capital
    english = client_for(None).get("/en/search/", {"q": "street"}).content.decode()
    assert "written in English" in english and "Results written in: English (1)" in english


def test_paging(db: Any) -> None:
    for i in range(23):
        document_put(source="t", kind="news", key=str(i), language="en", title=f"Item {i}")
    client = client_for(None)
    first = client.get("/en/search/").content.decode()
    assert "Page 1 of 2" in first and "page=2" in first
    second = client.get("/en/search/", {"page": 2}).content.decode()
    assert second.count('class="search-hit"') == 3


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_in_a_browser(page: Any, corpus: None) -> None:
    page.goto(page.base + "/en/search/")
    page.fill("#id_q", "mediatori culturali per pazienti stranieri")
    page.wait_for_url("**q=mediatori**")
    first = page.locator(".search-hit h3 a").first
    page.wait_for_function(
        "() => document.querySelector('.search-hit h3 a').textContent.includes('ediat')"
    )
    assert first.get_attribute("lang") in {"es", "en"}
    page.check("input[name=theme][value=health]")
    page.wait_for_url("**theme=health**")
    page.wait_for_function("() => document.querySelectorAll('.search-hit').length === 2")
    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('.search-hit').length > 2")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "/fr/search/?q=logement")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
