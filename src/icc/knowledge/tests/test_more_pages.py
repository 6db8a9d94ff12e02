"""Detail pages, the coordinators' and the secretariat's pages, paging bounds of the API."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import Client

from icc.conftest import client_for
from icc.knowledge.models import NewsletterIssue, NewsSeries, Publication, PublicationVersion
from icc.search.models import SearchDocument


def test_detail_pages_and_a_theme_page(make_practice, make_news):
    series = NewsSeries.objects.create(slug="testimonies", title_en="Testimonies")
    make_news("hello", title="Hello network", series=series, body="<p>Body text</p>")
    practice = make_practice("walks", title="Welcome walks", themes=("refugees",))
    brief = Publication.objects.create(
        slug="brief", title_en="A brief", kind="policy_brief", published_on=dt.date(2020, 6, 1),
        date_precision="month",
    )  # fmt: skip
    brief.practices.add(practice)
    brief.themes.set([practice.themes.get()])
    PublicationVersion.objects.create(publication=brief, language="es", url="https://x.test/es")
    client = Client()
    news = client.get("/en/knowledge/news/hello/").content.decode()
    assert "Body text" in news and "Testimonies" in news
    assert (
        "Hello network"
        in client.get("/en/knowledge/news/", {"series": "testimonies"}).content.decode()
    )
    page = client.get("/en/knowledge/publications/brief/").content.decode()
    assert "June 2020" in page and "Spanish" in page and "Welcome walks" in page
    assert (
        "A brief"
        in client.get("/en/knowledge/publications/", {"kind": "policy_brief"}).content.decode()
    )
    assert (
        "A brief"
        not in client.get("/en/knowledge/publications/", {"kind": "study"}).content.decode()
    )
    theme = client.get("/en/knowledge/themes/refugees/").content.decode()
    assert "Welcome walks" in theme and "A brief" in theme
    assert client.get("/en/knowledge/themes/nope/").status_code == 404
    assert client.get("/en/knowledge/publications/nope/").status_code == 404


def test_my_practices_and_the_secretariat_pages(users, make_practice):
    make_practice("walks", title="Welcome walks", status="draft")
    make_practice("elsewhere", place="reggio-emilia", title="Reggio practice", status="draft")
    mine = (
        client_for(users["city_coordinator"]).get("/en/knowledge/practices/mine/").content.decode()
    )
    assert "Welcome walks" in mine and "Reggio practice" not in mine
    staff = client_for(users["secretariat"])
    for url in ("/en/knowledge/practices/moderation/", "/en/knowledge/practices/new/",
                "/en/knowledge/practices/walks/edit/", "/en/knowledge/calls/new/",
                "/en/knowledge/newsletter/issues/", "/en/knowledge/practices/import/",
                "/en/knowledge/publications/import/"):  # fmt: skip
        assert staff.get(url).status_code == 200, url
    assert (
        client_for(users["city_coordinator"]).get("/en/knowledge/practices/moderation/").status_code
        == 403
    )
    assert staff.get("/en/knowledge/publications/export.xlsx").status_code == 200


def test_an_issue_is_edited_before_sending_and_frozen_after(users, make_news):
    make_news("one", title="First news")
    make_news("two", title="Second news")
    staff = client_for(users["secretariat"])
    staff.post("/en/knowledge/newsletter/issues/new/")
    issue = NewsletterIssue.objects.get()
    form = staff.get("/en/knowledge/newsletter/issues/1/edit/").content.decode()
    assert "First news" in form and "Second news" in form
    keep = issue.news.get(slug="two").pk
    staff.post(
        "/en/knowledge/newsletter/issues/1/edit/",
        {"subject": "Spring issue", "intro": "Hello", "news": [keep]},
    )
    issue.refresh_from_db()
    assert issue.subject == "Spring issue" and [n.slug for n in issue.news.all()] == ["two"]
    staff.post("/en/knowledge/newsletter/issues/1/send/")
    issue.refresh_from_db()
    assert issue.status in ("sending", "sent")
    staff.post("/en/knowledge/newsletter/issues/1/edit/", {"subject": "Changed"})
    issue.refresh_from_db()
    assert issue.subject == "Spring issue"


@pytest.mark.parametrize("url", ["/api/v1/practices", "/api/v1/publications", "/api/v1/news"])
def test_api_paging_is_bounded(db, url):
    assert Client().get(url, {"limit": 0}).status_code == 422
    assert Client().get(url, {"offset": -1}).status_code == 422


def test_reindex_command_puts_published_items(make_practice, make_news):
    make_practice("walks")
    make_practice("draft", status="draft")
    make_news("hello")
    out = io.StringIO()
    call_command("knowledge_reindex", stdout=out)
    assert out.getvalue().strip() == "2 items put into the search."
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {"practice", "news"}


def test_a_city_is_not_offered_a_form_it_could_not_save(users, make_practice):
    make_practice("walks", title="Welcome walks", status="submitted")
    city = client_for(users["city_coordinator"])
    answer = city.get("/fr/knowledge/practices/walks/edit/", follow=True)
    html = answer.content.decode()
    assert answer.redirect_chain == [("/fr/knowledge/practices/walks/", 302)]
    assert "ne peut pas être modifiée à cette étape" in html
    assert 'name="summary"' not in html
    # the secretariat edits at any step
    assert (
        client_for(users["secretariat"]).get("/en/knowledge/practices/walks/edit/").status_code
        == 200
    )
