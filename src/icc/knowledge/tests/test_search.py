"""Published practices are found by the platform's search; unpublished ones are not."""

from icc.conftest import client_for
from icc.knowledge.services import PracticeData, practice_create, practice_transition
from icc.knowledge.workflow import Action
from icc.search.services import document_put


def search(q):
    return client_for(None).get("/api/v1/search", {"q": q}).json()["items"]


def practice_moved(capture, user, data, action):
    """A practice ``user`` writes and moves on by ``action``, indexed for search at commit."""
    with capture(execute=True):
        practice = practice_create(user=user, data=data)
        practice_transition(user=user, practice=practice, action=action)
    return practice


def test_a_published_practice_is_found_and_an_unpublished_one_is_not(
    users, directory, django_capture_on_commit_callbacks
):
    practice = practice_moved(
        django_capture_on_commit_callbacks,
        users["city_coordinator"],
        PracticeData(
            title="Intercultural mediators in health centres",
            summary="Mediators help patients and staff understand each other.",
            place_ids=[directory["bilbao"].pk],
            area_codes=["health"],
        ),
        Action.SUBMIT,
    )
    assert search("mediators") == []  # submitted, not published
    with django_capture_on_commit_callbacks(execute=True):
        practice_transition(user=users["secretariat"], practice=practice, action=Action.PUBLISH)
    items = search("mediators")
    assert [(i["type"], i["title"], i["language"], i["url"]) for i in items] == [
        (
            "practice",
            "Intercultural mediators in health centres",
            "en",
            "/en/knowledge/practices/intercultural-mediators-in-health-centres/",
        )
    ]
    with django_capture_on_commit_callbacks(execute=True):
        practice_transition(user=users["secretariat"], practice=practice, action=Action.UNPUBLISH)
    assert search("mediators") == []


def test_a_practice_written_in_spanish_is_found_by_an_english_query(
    users, directory, django_capture_on_commit_callbacks
):
    practice_moved(
        django_capture_on_commit_callbacks,
        users["secretariat"],
        PracticeData(
            title="Paseos de bienvenida por los barrios",
            summary="Vecinos voluntarios acompañan a las familias recién llegadas a "
            "descubrir los servicios y asociaciones de su barrio.",
            language="es",
            place_ids=[directory["bilbao"].pk],
        ),
        Action.PUBLISH,
    )
    items = search("volunteers welcome newly arrived families in the neighbourhood")
    assert items and items[0]["title"] == "Paseos de bienvenida por los barrios"
    assert items[0]["language"] == "es"


def test_search_page_names_facets_and_links_in_the_visitors_language(
    make_practice, django_capture_on_commit_callbacks
):
    from icc.knowledge.models import Publication
    from icc.knowledge.search_bridge import knowledge_reindex

    make_practice("welcome-walks", title="Welcome walks", themes=("refugees",))
    Publication.objects.create(slug="walks-study", title_en="Welcome walks study", kind="study")
    with django_capture_on_commit_callbacks(execute=True):
        knowledge_reindex()
        # a shared rumour's theme is named by the anti-rumours module
        document_put(source="antirumours", kind="rumour", key="1", language="en",
                     title="Newcomers take our walks", facets={"theme": ["jobs"]})  # fmt: skip
    html = client_for(None).get("/fr/search/", {"q": "walks"}).content.decode()
    assert 'href="/fr/knowledge/practices/welcome-walks/"' in html  # not the English page
    assert 'href="/fr/knowledge/publications/walks-study/"' in html
    assert ">Personnes réfugiées <" in html and ">refugees <" not in html  # the theme's name
    assert ">Étude <" in html and ">study <" not in html  # the type's label, not its code
    assert ">Emploi et salaires <" in html


def test_news_dated_in_the_future_is_found_by_itself_once_its_date_has_come(
    make_news, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from icc.knowledge.search_bridge import news_index
    from icc.search.selectors import search as search_now
    from icc.search.selectors import similar

    due = timezone.now() + dt.timedelta(days=2)
    item = make_news("summer-festival", title="Summer festival of neighbours", published=due)
    with django_capture_on_commit_callbacks(execute=True):
        news_index(news_id=item.pk)  # what saving it in the admin does
    # not yet: neither by its words, nor by its meaning, nor in the list without words
    assert search("festival") == []
    assert search_now(q="festival").total == 0 and search_now(q="").total == 0
    assert similar(text="A summer festival of neighbours") == []
    # two days later the same search finds it, with nothing run in between
    later = due + dt.timedelta(minutes=1)
    assert [h.title for h in search_now(q="festival", now=later).hits] == [
        "Summer festival of neighbours"
    ]
    assert search_now(q="", now=later).facets["year"][0].value == str(due.year)
    near = similar(text="A summer festival of neighbours", now=later)  # by its meaning
    assert [h.title for h in near] == ["Summer festival of neighbours"]
