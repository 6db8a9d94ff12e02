"""Lists, feeds, the API, imports and exports of the knowledge base."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from icc.conftest import FORMULA_PAYLOADS, client_for, download_cells
from icc.knowledge.models import GoodPractice, Publication, PublicationVersion


def _import(client: Client, path: str, name: str, content: bytes) -> str:
    """Post ``content`` as the file ``name`` to an import page and give the page it answers."""
    return client.post(path, {"file": SimpleUploadedFile(name, content)}).content.decode()


def _refused(line: int, column: str) -> str:
    """How the import page's table of refused rows starts the row of a problem."""
    return (
        f'data-line="{line}"><th scope="row" role="rowheader" class="refused-line">'
        f'<span class="refused-phone">Line&nbsp;</span>{line}</th><td role="cell" '
        f'class="refused-column"><span class="refused-phone" aria-hidden="true"> — </span>{column}'
    )


def test_api_lists_published_practices_with_areas_and_languages(make_practice):
    make_practice("walks", areas=("education", "health"), languages="en,es", themes=("refugees",))
    make_practice("hidden", status="submitted")
    rows = Client().get("/api/v1/practices").json()
    assert [r["slug"] for r in rows] == ["walks"]
    row = rows[0]
    assert [a["code"] for a in row["areas"]] == ["education", "health"]
    assert row["languages"] == ["en", "es"]
    assert row["places"] == [{"slug": "bilbao", "name": "Bilbao"}]
    assert row["themes"] == ["refugees"]
    assert Client().get("/api/v1/practices", {"area": "business"}).json() == []
    assert Client().get("/api/v1/practices", {"lang": "xx"}).status_code == 422


def test_api_publications_news_and_themes(db, make_news):
    brief = Publication.objects.create(
        slug="brief", title_en="Brief", kind="policy_brief", published_on=dt.date(2020, 10, 1)
    )
    PublicationVersion.objects.create(publication=brief, language="fr", url="https://x.test/fr")
    make_news("hello")
    client = Client()
    assert client.get("/api/v1/publications").json()[0]["versions"] == [
        {"language": "fr", "url": "https://x.test/fr"}
    ]
    assert [n["slug"] for n in client.get("/api/v1/news").json()] == ["hello"]
    themes = client.get("/api/v1/themes", {"lang": "fr"}).json()
    assert {k: themes[0][k] for k in ("slug", "name")} == {
        "slug": "anti-rumours",
        "name": "Anti-rumeurs",
    }


def test_feeds_and_list_pages(make_practice, make_news):
    make_practice("walks", title="Welcome walks", areas=("education",))
    make_news("hello", title="Hello network")
    client = Client()
    rss = client.get("/en/knowledge/practices/feed.rss")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Welcome walks (Bilbao)" in rss.content.decode()
    atom = client.get("/en/knowledge/news/feed.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Hello network" in atom.content.decode()
    page = client.get("/en/knowledge/practices/", {"country": "IT"}).content.decode()
    assert "0 practices" in page
    fragment = client.get("/en/knowledge/practices/", HTTP_HX_REQUEST="true").content.decode()
    assert "Welcome walks" in fragment and "<html" not in fragment
    for url in ("/en/knowledge/", "/fr/knowledge/news/", "/en/knowledge/publications/",
                "/en/knowledge/themes/", "/en/knowledge/newsletter/"):  # fmt: skip
        assert client.get(url).status_code == 200


def test_a_wrong_filter_is_left_out_and_the_others_still_apply(make_practice):
    make_practice("walks", title="Welcome walks", themes=("refugees",))
    make_practice("pairs", title="School pairs", themes=("youth",))
    page = Client().get("/fr/knowledge/practices/", {"theme": "refugees", "year": "abc"})
    html = page.content.decode()
    assert "Année\u00a0: Saisissez un nombre entier." in html  # said, in French
    assert "1 pratique" in html and "Welcome walks" in html and "School pairs" not in html
    assert 'value="abc"' in html  # what was typed is kept


def test_practices_import_reports_every_bad_line_and_writes_nothing(users, directory):
    staff = client_for(users["secretariat"])
    good = "Mediators,bilbao,es,refugees,published,2020-05-04"
    csv = (
        "title,places,language,themes,status,published_on\n"
        f"{good}\n"
        "Nowhere,atlantis,en,refugees,published,2020-05-04\n"
        ",bilbao,en,,draft,\n"
        "Bad date,bilbao,xx,,published,4 May\n"
    )
    reversed_period = "title,places,language,period_start,period_end\nWalks,bilbao,en,2022,2015\n"
    body = _import(staff, "/en/knowledge/practices/import/", "practices.csv", csv.encode())
    assert "Nothing was imported" in body
    for line, column in ((3, "places"), (4, "title"), (5, "language"), (5, "published_on")):
        assert _refused(line, column) in body
    assert not GoodPractice.objects.exists()
    body = _import(staff, "/en/knowledge/practices/import/", "p.csv", reversed_period.encode())
    assert _refused(2, "period_end") in body and "cannot end (2015) before it started" in body
    assert not GoodPractice.objects.exists()

    csv = f"title,places,language,themes,status,published_on\n{good}\n"
    body = _import(staff, "/en/knowledge/practices/import/", "practices.csv", csv.encode())
    assert "Done: 1 created, 0 updated." in body
    practice = GoodPractice.objects.get()
    assert (practice.status, practice.language, practice.country_id) == ("published", "es", "ES")
    assert practice.published_at.date() == dt.date(2020, 5, 4)


def test_exports_are_formula_safe_and_import_back(users, make_practice):
    make_practice("walks", title=FORMULA_PAYLOADS[0], summary=FORMULA_PAYLOADS[2])
    staff = client_for(users["secretariat"])
    for fmt in ("csv", "xlsx"):
        response = staff.get(f"/en/knowledge/practices/export.{fmt}")
        assert response.status_code == 200
        download_cells(response.getvalue(), fmt)
    assert (
        client_for(users["city_coordinator"]).get("/en/knowledge/practices/export.csv").status_code
        == 403
    )
    exported = staff.get("/en/knowledge/practices/export.csv").getvalue()
    body = _import(staff, "/en/knowledge/practices/import/", "again.csv", exported)
    assert "Done: 0 created, 1 updated." in body
    assert GoodPractice.objects.get().title == FORMULA_PAYLOADS[0]


def test_publications_import(users):
    staff = client_for(users["secretariat"])
    csv = (
        "title,kind,published_on,languages,links,themes\n"
        "Managing gentrification,policy_brief,2020-06-01,en;es,https://a.test/en;https://a.test/es,"
        "gentrification\n"
        "Odd,poster,2020-06-01,en,,\n"
    )
    body = _import(staff, "/en/knowledge/publications/import/", "p.csv", csv.encode())
    assert _refused(3, "kind") in body and not Publication.objects.exists()
    _import(staff, "/en/knowledge/publications/import/", "p.csv", csv.rsplit("Odd", 1)[0].encode())
    publication = Publication.objects.get()
    assert [v.language for v in publication.versions.all()] == ["en", "es"]
    assert [t.slug for t in publication.themes.all()] == ["gentrification"]


def test_a_text_shown_in_another_language_is_marked_with_its_language_not_the_labels(
    make_practice, make_news
):
    """A screen reader reads an English title on a French page in English, and the French
    labels around it (« Où », « Thèmes ») in French; a French translation is marked French."""
    make_practice("walks", title="Welcome walks", summary_en="Walks for newcomers.")
    make_news("hello", title="Hello", title_fr="Bonjour")
    brief = Publication.objects.create(slug="brief", title_en="Brief", kind="policy_brief")
    PublicationVersion.objects.create(publication=brief, language="es", url="https://x.test/es")
    client = Client()
    practice = client.get("/fr/knowledge/practices/walks/").content.decode()
    assert '<h1 lang="en">Welcome walks</h1>' in practice
    assert '<p class="lead" lang="en">Walks for newcomers.</p>' in practice
    assert '<article class="kb-article">' in practice  # the labels keep the page's French
    news = client.get("/fr/knowledge/news/hello/").content.decode()
    assert '<h1 lang="fr">Bonjour</h1>' in news
    publication = client.get("/fr/knowledge/publications/brief/").content.decode()
    assert '<h1 lang="en">Brief</h1>' in publication
    # « Espagnol » is a French word: the link says where it leads (hreflang), not lang="es"
    assert '<li><a href="https://x.test/es" hreflang="es" rel="noopener">Espagnol</a></li>' in (
        publication
    )
