"""Every route of the platform, requested with GET by every kind of visitor.

The test walks every URL pattern of ``icc.urls`` (``django.urls.get_resolver()``, into every
``include``; the language prefix of ``i18n_patterns`` is the active language's when a route is
reversed), fills each route's path parameters with real objects of two cities — Bilbao (city A)
and Reggio Emilia (city B), each with private objects in every module — and requests it with
GET as: an anonymous visitor, Bilbao's city coordinator, Reggio Emilia's, an expert assigned to
Bilbao, and the secretariat. For every route and visitor:

- no server error (500) and no exception;
- a GET writes nothing to the database: no INSERT, UPDATE or DELETE is sent while the request
  runs, nothing is queued to run after the commit, and the row count and highest key of every
  table are the same after it. Each request runs in a savepoint that is rolled back, so one
  request cannot hide another's write. Sessions (``django_session``: the logins made before, a
  visitor's session, ``last_login`` is written at login, not by these GETs) are left out:
  keeping a session is not a change of the platform's data. The platform keeps no cache in the
  database (Django's local-memory cache and the process's kept answers, which are live here:
  every app has a data version), so there is no cache table to leave out;
- a private text never appears in the answer to someone who may not read it. Each city has one
  in every module (the workspace's notes and membership step notes, index evidence, a draft
  practice, an unshared rumour, an agent's e-mail, focus-group notes, a personal notice, a
  private search document), the secretariat some of its own (a draft event, an unpublished
  publication, news dated next month, a draft newsletter, a line of expenditure), members a
  coordinator's contact card and a search document shared with the network; a registrant's
  e-mail is the secretariat's, and that of whoever holds the registrant's personal link;
- a route of a city's private objects (``private(...)`` below) answers Bilbao's objects with
  302-to-login, 401, 403, 404 or 405 to the anonymous visitor and to Reggio Emilia's
  coordinator, and Reggio Emilia's objects the same way to Bilbao's coordinator and to Bilbao's
  expert: never a 200. Bilbao's coordinator gets 200 for Bilbao's objects (or what ``owner``
  says), which shows that the route was filled with an object that exists;
- every route answers something other than 404 to at least one visitor (a fill that points at
  nothing would pass the checks above without testing them), unless it says why (``absent``).

The same routes are also asked in French, as htmx asks them, with query parameters no form
offers, about a member with nothing in most modules (Getxo), about the index edition open for
answers (drafts) and about an event in preparation, by the visitors of ``VARIANTS``: no error,
no write, no leak there either.

A route that the table ``ROUTES`` cannot fill is listed in ``NOT_COVERED`` with the reason; a
route in neither table (a new page) makes ``test_every_route_is_covered_or_listed`` fail. The
admin is left out (Django's own pages, with their own permission checks); static files are
served by WhiteNoise before the URL patterns and have none.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from icc.accounts.models import User
from icc.antirumours import services as antirumours_services
from icc.antirumours.demo import antirumours_demo_load
from icc.antirumours.models import (
    AgentKind,
    Campaign,
    Stage,
    SurveyRound,
    Training,
    TrainingAttendance,
)
from icc.barometer.models import Cell
from icc.caching.data_version import TRACKED
from icc.citizenship.content import content_load
from icc.citizenship.models import Response as CitizenshipResponse
from icc.citizenship.services import group_create, response_start
from icc.conftest import client_for
from icc.core.models import DataVersion
from icc.events.models import Event, EventStatus, Registration, Session
from icc.events.tests.conftest import bilbao, make_event  # noqa: F401  (fixtures)
from icc.events.tokens import registration_token
from icc.index.models import Edition, Response
from icc.index.tests.conftest import answers_save
from icc.knowledge.models import (
    CallForPractices,
    NewsletterIssue,
    Publication,
    Subscriber,
    Theme,
)
from icc.knowledge.newsletter import confirm_token, unsubscribe_token
from icc.knowledge.tests.conftest import make_news, make_practice  # noqa: F401  (fixtures)
from icc.network.models import MembershipStep
from icc.network.services import coordinator_add
from icc.notifications.models import Notification
from icc.programme.demo import programme_demo_load
from icc.programme.models import AnnualReportFile, Expense
from icc.reports.services import report_batch_create
from icc.reports.tests.conftest import _media, edition_make, editions  # noqa: F401  (fixtures)
from icc.search.services import document_put
from icc.surveys.services import survey_open
from icc.surveys.tests.conftest import survey_make

# The visitors, and the ``users`` fixture's account of each (None: anonymous).
ROLES: dict[str, str | None] = {
    "anonymous": None,
    "coordinator_a": "city_coordinator",  # Bilbao's city coordinator
    "coordinator_b": "other_city_coordinator",  # Reggio Emilia's
    "expert": "expert",  # an expert assigned to Bilbao
    "secretariat": "secretariat",
}
# Who reads a city's private objects and who must not, for the routes marked private.
OUTSIDERS = {"A": ("anonymous", "coordinator_b"), "B": ("coordinator_a", "expert")}
OWNER = {"A": "coordinator_a", "B": "coordinator_b"}
CITY_KEYS = {"A": "bilbao", "B": "reggio"}  # keys of the ``directory`` fixture

# Texts for the secretariat alone (a draft event, an unpublished publication, news dated in
# the future, a draft newsletter, a line of expenditure), for members (a coordinator's contact
# card, a search document shared with the network) and for whoever holds a personal link.
SECRETARIAT_ONLY = (
    "draft-event-secret",
    "unpublished-publication-secret",
    "future-news-secret",
    "draft-issue-secret",
    "expense-line-secret",
)
MEMBERS_ONLY = ("coordinator-contact@example.org", "members-only-document")
REGISTRANT = "registrant-private@example.org"


@dataclass(frozen=True)
class Fill:
    """How one route is filled: each path parameter names an object of the world (a key of
    ``World.objects``) or, after "=", is given as is; ``query`` is added to the address;
    ``private``: those are a city's private objects (see the module's docstring); ``owner``: the
    status the city's own coordinator gets (200 unless said); ``absent``: why the route answers
    404 to everyone; ``opens``: private texts that the address itself opens (a personal link)."""

    params: dict[str, str] = field(default_factory=dict)
    query: str = ""
    private: bool = False
    owner: int = 200
    absent: str = ""
    opens: tuple[str, ...] = ()


def fill(*, query: str = "", absent: str = "", opens: tuple[str, ...] = (), **params: str) -> Fill:
    return Fill(params=params, query=query, absent=absent, opens=opens)


def private(*, owner: int = 200, query: str = "", **params: str) -> Fill:
    return Fill(params=params, query=query, private=True, owner=owner)


NONE = fill()

# Every route by ``namespace:name``, and how it is filled.
ROUTES: dict[str, Fill] = {
    # the API
    "api:api-root": fill(absent="django-ninja's root: it answers 404, it only anchors the paths"),
    "api:openapi-json": NONE,
    "api:openapi-view": NONE,
    "api:places": NONE,
    "api:place_detail": fill(slug="place"),
    "api:place_private": private(slug="place"),
    "api:countries": NONE,
    "api:networks": NONE,
    "api:network_detail": fill(slug="network"),
    "api:editions": NONE,
    "api:edition_summary": fill(edition="edition"),
    "api:edition_results": fill(edition="edition"),
    "api:edition_responses": fill(edition="edition"),
    "api:charts_data": NONE,
    "api:event_list": NONE,
    "api:events_calendar_feed": NONE,
    "api:event_detail": fill(slug="event"),
    "api:event_programme": fill(slug="event"),
    "api:event_calendar": fill(slug="event"),
    "api:test_get": NONE,
    "api:response_create": NONE,
    "api:search_get": fill(query="q=private"),
    "api:practice_list": NONE,
    "api:publication_list": NONE,
    "api:news_list": NONE,
    "api:theme_list": NONE,
    "api:shared_list": fill(query="q=rumour"),
    # the platform shell
    "set_language": NONE,
    "citizenship_join_short": fill(code="group_code"),
    "javascript-catalog": NONE,
    "core:home": NONE,
    "core:account": NONE,
    "accounts:login": NONE,
    "accounts:logout": NONE,
    "accounts:password_reset": NONE,
    "accounts:password_reset_done": NONE,
    "accounts:password_reset_confirm": fill(uidb64="reset_uid", token="reset_token"),
    "accounts:password_reset_complete": NONE,
    # network
    "network:overview": NONE,
    "network:place_list": NONE,
    "network:place_list_export": fill(fmt="=csv"),
    "network:place_import": NONE,
    "network:place_detail": fill(slug="place"),
    "network:place_workspace": private(slug="place"),
    "network:network_detail": fill(slug="network"),
    # reports
    "reports:charts": NONE,
    "reports:charts_export": fill(fmt="=csv"),
    "reports:place_report": fill(edition="edition", slug="place"),
    "reports:place_report_pdf": fill(edition="edition", slug="place"),
    "reports:batches": fill(edition="edition"),
    "reports:batch_progress": fill(edition="edition", pk="batch"),
    "reports:batch_run_again": fill(edition="edition", pk="batch"),
    # index
    "index:home": NONE,
    "index:results": fill(edition="edition"),
    "index:queue": fill(edition="open_edition"),
    "index:queue_bulk": fill(edition="open_edition"),
    "index:export": fill(edition="edition", fmt="=csv"),
    "index:response_overview": private(edition="open_edition", slug="place"),
    "index:response_action": private(edition="open_edition", slug="place", owner=405),
    "index:comment_add": private(edition="open_edition", slug="place", owner=405),
    "index:answer_history": private(edition="open_edition", slug="place", query="since=review"),
    "index:answer_save": private(edition="open_edition", slug="place", code="question", owner=405),
    "index:response_area": private(edition="open_edition", slug="place", area="area"),
    # events
    "events:list": NONE,
    "events:feed_ics": NONE,
    "events:detail": fill(slug="event"),
    "events:agenda": fill(slug="event"),
    "events:agenda_pdf": fill(slug="event"),
    "events:event_ics": fill(slug="event"),
    "events:session_ics": fill(slug="event", pk="session"),
    "events:register": fill(slug="event"),
    "events:registration_manage": fill(
        slug="event", token="registration_token", opens=(REGISTRANT,)
    ),
    "events:registration_data": fill(slug="event", token="registration_token", opens=(REGISTRANT,)),
    "events:registrations": fill(slug="event"),
    "events:registrations_export": fill(slug="event", fmt="=csv"),
    "events:check_in": fill(slug="event"),
    "events:programme_editor": fill(slug="event"),
    # knowledge
    "knowledge:home": NONE,
    "knowledge:practice_list": NONE,
    "knowledge:practices_rss": NONE,
    "knowledge:practices_atom": NONE,
    "knowledge:practice_new": NONE,
    "knowledge:my_practices": NONE,
    "knowledge:moderation": NONE,
    "knowledge:practices_export": fill(fmt="=csv"),
    "knowledge:practices_import": NONE,
    "knowledge:practice_detail": private(slug="draft_practice"),
    "knowledge:practice_edit": private(slug="draft_practice"),
    "knowledge:practice_file_add": private(slug="draft_practice", owner=405),
    "knowledge:practice_step": private(slug="draft_practice", action="=submit", owner=405),
    "knowledge:call_list": NONE,
    "knowledge:call_new": NONE,
    "knowledge:call_answer": fill(pk="call"),
    "knowledge:publication_list": NONE,
    "knowledge:publications_export": fill(fmt="=csv"),
    "knowledge:publications_import": NONE,
    "knowledge:publication_detail": fill(slug="publication"),
    "knowledge:news_list": NONE,
    "knowledge:news_rss": NONE,
    "knowledge:news_atom": NONE,
    "knowledge:news_detail": fill(slug="news"),
    "knowledge:theme_list": NONE,
    "knowledge:theme_detail": fill(slug="theme"),
    "knowledge:newsletter": NONE,
    "knowledge:subscribe": NONE,
    "knowledge:subscribe_confirm": fill(token="confirm_token"),
    "knowledge:unsubscribe": fill(token="unsubscribe_token"),
    "knowledge:issue_admin_list": NONE,
    "knowledge:issue_compose": NONE,
    "knowledge:issue_edit": fill(number="draft_issue"),
    "knowledge:issue_preview": fill(number="draft_issue"),
    "knowledge:issue_send": fill(number="draft_issue"),
    "knowledge:issue_detail": fill(number="sent_issue"),
    # citizenship
    "citizenship:start": NONE,
    "citizenship:question": fill(number="=1"),
    "citizenship:language": NONE,
    "citizenship:alone": NONE,
    "citizenship:result": fill(public_id="test_result"),
    "citizenship:print": NONE,
    "citizenship:guide": NONE,
    "citizenship:group_new": NONE,
    "citizenship:facilitate": fill(secret="group_secret"),
    "citizenship:facilitate_live": fill(secret="group_secret"),
    "citizenship:facilitate_close": fill(secret="group_secret"),
    "citizenship:facilitate_export": fill(secret="group_secret", fmt="=csv"),
    "citizenship:group_qr": fill(code="group_code"),
    "citizenship:join": NONE,
    "citizenship:join_code": fill(code="group_code"),
    "citizenship:stats": NONE,
    "citizenship:stats_export": fill(fmt="=csv"),
    # surveys
    "surveys:public": fill(token="survey_token"),
    "surveys:public_fields": fill(token="survey_token"),
    "surveys:thanks": fill(token="survey_token"),
    "surveys:place": private(slug="place"),
    "surveys:detail": private(survey_id="survey"),
    "surveys:state": private(survey_id="survey", owner=405),
    "surveys:import": private(survey_id="survey", owner=405),
    "surveys:export": private(survey_id="survey", fmt="=csv"),
    # notifications
    "notifications:list": NONE,
    "notifications:open": private(notification_id="notification", owner=405),
    "notifications:read_all": NONE,
    "notifications:preferences": NONE,
    # barometer
    "barometer:home": NONE,
    "barometer:run": NONE,
    "barometer:run_progress": NONE,
    "barometer:compare_chart": NONE,
    "barometer:place": private(slug="place"),
    "barometer:chart": private(slug="place", kind="=score"),
    "barometer:export": private(slug="place"),
    # anti-rumours
    "antirumours:shared": fill(query="q=rumour"),
    "antirumours:city": fill(slug="place"),
    "antirumours:strategy": private(slug="place"),
    "antirumours:strategy_start": private(slug="place", owner=405),
    "antirumours:stage": private(stage_id="stage"),
    "antirumours:register": private(slug="place"),
    "antirumours:rumour": private(rumour_id="rumour"),
    "antirumours:rumour_share": private(rumour_id="rumour"),
    "antirumours:diagnosis": private(slug="place"),
    "antirumours:template": private(slug="place"),
    "antirumours:round": private(round_id="round"),
    "antirumours:round_import": private(round_id="round", owner=405),
    "antirumours:agents": private(slug="place"),
    "antirumours:radar": private(slug="place"),
    "antirumours:agent_withdraw": private(agent_id="agent", owner=405),
    "antirumours:trainings": private(slug="place"),
    "antirumours:training": private(training_id="training"),
    "antirumours:certificate": private(attendance_id="attendance"),
    "antirumours:campaigns": private(slug="place"),
    "antirumours:campaign": private(campaign_id="campaign"),
    # search
    "search:search": fill(query="q=private"),
    # programme
    "programme:home": NONE,
    "programme:year": fill(year="year"),
    "programme:report_make": fill(year="year"),
    "programme:report_file": fill(pk="annual_report"),
    "programme:expenses_export": fill(year="year", fmt="=csv"),
    "programme:expenses_import": NONE,
    "programme:records_import": fill(kind="=grants"),
}

# Routes the fixture cannot fill, by key, and why (none today: every route is filled). A new
# route goes in ``ROUTES`` or here; an unnamed one can only go here (it cannot be reversed).
NOT_COVERED: dict[str, str] = {}


# -- the routes ------------------------------------------------------------------------------


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # Django's admin: its own pages and permission checks
            part = "<lang>/" if isinstance(entry.pattern, LocalePrefixPattern) else ""
            inner = ":".join(n for n in (namespace, entry.namespace or "") if n)
            yield from _walk(entry.url_patterns, prefix + (part or str(entry.pattern)), inner)
        elif getattr(entry.callback, "__module__", "") != "django.views.static":
            route = prefix + str(entry.pattern)
            if entry.name is None:
                yield route, route  # unnamed: it cannot be reversed, so it must be listed
            else:
                yield (f"{namespace}:{entry.name}" if namespace else entry.name), route


def project_routes() -> dict[str, str]:
    """Every route of the project (the admin left out) by key, with its pattern."""
    found: dict[str, str] = {}
    for key, route in _walk(get_resolver().url_patterns, "", ""):
        assert key not in found, f"two routes are named {key}: {found[key]} and {route}"
        found[key] = route
    return found


def test_every_route_is_covered_or_listed() -> None:
    """A new route fails here until it is filled in ``ROUTES`` or listed in ``NOT_COVERED``."""
    routes = project_routes()
    missing = sorted(set(routes) - set(ROUTES) - set(NOT_COVERED))
    assert missing == [], (
        "routes neither filled in ROUTES nor listed in NOT_COVERED (with the reason) of "
        f"{__name__}: " + ", ".join(f"{key} ({routes[key]})" for key in missing)
    )
    assert sorted(set(ROUTES) & set(NOT_COVERED)) == []
    stale = sorted((set(ROUTES) | set(NOT_COVERED)) - set(routes))
    assert stale == [], f"rows for routes that no longer exist: {stale}"


# -- the world: two cities with private objects in every module -------------------------------


@dataclass
class World:
    """The path values of each city's objects (``objects["A"]["place"] == "bilbao"``), and the
    private texts with the visitors who may read each."""

    objects: dict[str, dict[str, str]]
    markers: dict[str, frozenset[str]]


def _marker(city: str, what: str) -> str:
    return f"{CITY_KEYS[city]}-private-{what}"


def _antirumours(place: Any, city: str) -> dict[str, str]:
    """The demo's strategy, rounds, training and campaign, and private objects of our own."""
    rumour = antirumours_services.rumour_create(
        place_id=place.pk,
        text=f"A rumour the city keeps to itself: {_marker(city, 'rumour')}.",
        language="en",
        target_group="newcomers",
        themes=["welfare"],
    )
    agent = antirumours_services.agent_add(
        place_id=place.pk,
        kind=AgentKind.VOLUNTEER,
        name="Agent of the test",
        email=f"{_marker(city, 'agent')}@example.org",
        phone="+34 600 000 000",
        consent_on=dt.date(2025, 3, 1),
        consent_purpose="Invitations to anti-rumours trainings",
        joined_on=dt.date(2025, 3, 1),
    )
    antirumours_services.focus_group_note_add(
        place_id=place.pk,
        held_on=dt.date(2025, 2, 1),
        participants="Shopkeepers of the old town",
        notes=f"Heard at the market: {_marker(city, 'focus')}.",
    )
    training = Training.objects.filter(place=place).first()
    assert training is not None
    return {
        "stage": str(Stage.objects.filter(strategy__place=place).first().pk),
        "rumour": str(rumour.pk),
        "round": str(SurveyRound.objects.filter(place=place).first().pk),
        "agent": str(agent.pk),
        "training": str(training.pk),
        "attendance": str(TrainingAttendance.objects.filter(training=training).first().pk),
        "campaign": str(Campaign.objects.filter(place=place).first().pk),
    }


def _index(place: Any, city: str, edition: Edition) -> dict[str, str]:
    """A draft response to the open edition with evidence only the city's people may read."""
    response = Response.objects.create(place=place, edition=edition, state="draft")
    answers_save(
        response, {"commitment_strategy": "yes"}, evidence=f"Our plan: {_marker(city, 'evidence')}."
    )
    return {"question": "commitment_strategy", "area": "commitment"}


def _knowledge_shared(practice_make: Any, news_make: Any) -> dict[str, str]:
    theme = Theme.objects.order_by("pk").first()
    assert theme is not None
    practice_make("open-doors", areas=("commitment",))
    news = news_make("network-meets")
    publication = Publication.objects.create(
        slug="city-guide", title_en="City guide", kind="guide", published_on=dt.date(2024, 5, 1)
    )
    call = CallForPractices.objects.create(
        theme=theme, title_en="Call on welcome", deadline=dt.date.today() + dt.timedelta(days=30)
    )
    sent = NewsletterIssue.objects.create(
        number=1, subject_en="First issue", status="sent", sent_at=timezone.now()
    )
    sent.news.add(news)
    NewsletterIssue.objects.create(number=2, subject_en="Second issue")
    subscriber = Subscriber.objects.create(email="reader@example.org")
    return {
        "theme": theme.slug,
        "news": news.slug,
        "publication": publication.slug,
        "call": str(call.pk),
        "sent_issue": "1",
        "draft_issue": "2",
        "confirm_token": confirm_token(subscriber),
        "unsubscribe_token": unsubscribe_token(subscriber),
    }


def _not_public(event_make: Any, news_make: Any) -> None:
    draft = event_make("draft-meeting", status=EventStatus.DRAFT)
    Event.objects.filter(pk=draft.pk).update(title_en="draft-event-secret")
    Publication.objects.create(
        slug="unpublished-guide", title_en="unpublished-publication-secret", kind="guide",
        published_on=dt.date(2024, 5, 1), is_published=False,
    )  # fmt: skip
    news_make("future-news", title="future-news-secret", published=timezone.now() + _MONTH)
    NewsletterIssue.objects.filter(number=2).update(subject_en="draft-issue-secret")
    Expense.objects.create(
        year=2020, activity_en="expense-line-secret", category="events", amount_eur=Decimal(100)
    )
    document_put(
        source="tests", kind="note", key="members", language="en", visibility="shared",
        title="A search document for members: members-only-document",
    )  # fmt: skip


_MONTH = dt.timedelta(days=30)


def _barometer(place: Any) -> None:
    for month in range(1, 4):
        Cell.objects.create(
            place=place, period="month", start=dt.date(2025, month, 1), n_posts=40,
            score=60 + month, low=55, high=70, computed_at=timezone.now(),
            values={"questions": {"net_sentiment": 61.0}, "languages": {"es": 40},
                    "observations": 3, "shares": {"positive": 0.4, "negative": 0.2}},
        )  # fmt: skip


def _shared_objects(
    directory: dict[str, Any], users: dict[str, User], scored: dict[str, Edition], event: Any
) -> dict[str, str]:
    """Objects of no city: the edition, the event, the test, the programme's year..."""
    session = Session.objects.filter(slot__part__event=event).order_by("pk").first()
    assert session is not None
    registration = Registration.objects.create(
        event=event, name="Registrant of the test", email=REGISTRANT,
        state="confirmed", answers={}, queued_at=timezone.now(),
    )  # fmt: skip
    version = content_load()
    assert version is not None
    group = group_create(version=version, title="Evening class", created_by_id=None)
    result = response_start(version=version, language="en")
    CitizenshipResponse.objects.filter(pk=result.pk).update(completed_at=timezone.now(), scores={})
    batch = report_batch_create(edition=scored["2023"], languages=["en"], enqueue=False)
    programme_demo_load()
    report = AnnualReportFile.objects.create(year=2020, lang="en", fmt="html")
    report.file.save("annual-report-2020-en.html", ContentFile(b"<p>Annual report</p>"))
    coordinator = users["city_coordinator"]
    return {
        "network": directory["reci"].slug,
        "edition": scored["2023"].name,
        "event": event.slug,
        "session": str(session.pk),
        "registration_token": registration_token(registration),
        "group_code": group.code,
        "group_secret": group.secret,
        "test_result": result.public_id,
        "batch": str(batch.pk),
        "year": "2020",
        "annual_report": str(report.pk),
        "reset_uid": urlsafe_base64_encode(force_bytes(coordinator.pk)),
        "reset_token": default_token_generator.make_token(coordinator),
    }


@pytest.fixture
def world(
    directory: dict[str, Any],
    users: dict[str, User],
    editions: dict[str, Edition],  # noqa: F811
    bilbao: Any,  # noqa: F811
    make_practice: Any,  # noqa: F811
    make_news: Any,  # noqa: F811
    make_event: Any,  # noqa: F811
) -> World:
    shared = _shared_objects(directory, users, editions, bilbao)
    shared.update(_knowledge_shared(make_practice, make_news))
    open_edition = edition_make("2025", 2025, previous=editions["2023"])
    shared["open_edition"] = open_edition.name
    antirumours_demo_load()
    _not_public(make_event, make_news)
    # the versions that committed writes would have raised: the kept public answers are live
    DataVersion.objects.bulk_create(
        [DataVersion(name=name, token=secrets.token_hex(16), number=1) for name in TRACKED]
    )
    contact = User.objects.create_user(username="contact", first_name="Ana", last_name="Contact")
    coordinator_add(
        user=contact, place=directory["bilbao"], role_title={"en": "Coordinator"},
        email="coordinator-contact@example.org", phone="+34 611 222 333",
    )  # fmt: skip
    objects: dict[str, dict[str, str]] = {}
    markers: dict[str, frozenset[str]] = {}
    for city, key in CITY_KEYS.items():
        place = directory[key]
        owner = OWNER[city]
        readers = frozenset({owner, "secretariat"} | ({"expert"} if city == "A" else set()))
        coordinator = users[ROLES[owner] or ""]
        practice = make_practice(
            f"{key}-draft", place=key, status="draft", title=_marker(city, "practice")
        )
        survey = survey_open(survey=survey_make(place.pk, title=f"Survey of {place.name}"))
        notice = Notification.objects.create(
            recipient=coordinator, kind="test", title="A notice", body=_marker(city, "notice")
        )
        _barometer(place)
        MembershipStep.objects.filter(place=place).update(note=_marker(city, "step-note"))
        document_put(
            source="tests", kind="note", key=key, language="en", visibility="private",
            title=f"A private search document: {_marker(city, 'document')}", place_id=place.pk,
        )  # fmt: skip
        objects[city] = {
            **shared,
            "place": place.slug,
            "draft_practice": practice.slug,
            "survey": str(survey.pk),
            "survey_token": survey.token,
            "notification": str(notice.pk),
            **_index(place, city, open_edition),
            **_antirumours(place, city),
        }
        markers.update(
            {
                place.internal_notes: readers,  # the workspace's notes (the directory fixture's)
                _marker(city, "evidence"): readers,
                _marker(city, "practice"): frozenset({owner, "secretariat"}),
                _marker(city, "rumour"): frozenset({owner, "secretariat"}),
                _marker(city, "agent"): frozenset({owner, "secretariat"}),
                _marker(city, "focus"): frozenset({owner, "secretariat"}),
                _marker(city, "notice"): frozenset({owner}),
                _marker(city, "document"): readers,
                _marker(city, "step-note"): readers,
            }
        )
    # Getxo: a member with nothing in most modules, and its published response to 2023
    objects["C"] = {**shared, "place": directory["getxo"].slug, "open_edition": "2023"}
    markers[directory["getxo"].internal_notes] = frozenset({"secretariat"})
    # the edition open for answers, where Bilbao's and Reggio Emilia's answers are drafts
    objects["D"] = {**objects["A"], "edition": open_edition.name}
    # an event in preparation: the secretariat's alone
    objects["E"] = {**objects["A"], "event": "draft-meeting"}
    markers.update({text: frozenset({"secretariat"}) for text in SECRETARIAT_ONLY})
    markers.update({text: frozenset(ROLES) - {"anonymous"} for text in MEMBERS_ONLY})
    markers[REGISTRANT] = frozenset({"secretariat"})
    return World(objects=objects, markers=markers)


# -- one request ------------------------------------------------------------------------------

WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.I)
# A session kept for a visitor is not the platform's data (see the module's docstring).
NOT_DATA = frozenset({"django_session"})


def tables_fingerprint() -> dict[str, tuple[int, object]]:
    """Row count and highest key of every table, read in one query."""
    quote = connection.ops.quote_name
    parts, labels = [], []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in NOT_DATA:
            continue
        numeric = meta.pk.get_internal_type() in {"AutoField", "BigAutoField", "IntegerField"}
        highest = f"MAX({quote(str(meta.pk.column))})" if numeric else "NULL"
        # names of the project's own tables, quoted: no outside input reaches this SQL
        parts.append(f"SELECT COUNT(*), {highest} FROM {quote(meta.db_table)}")  # noqa: S608
        labels.append(meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        rows = cursor.fetchall()
    return {label: (row[0], row[1]) for label, row in zip(labels, rows, strict=True)}


def body_text(response: Any) -> str:
    """The answer's text (``HttpResponse`` or streamed); the XML inside an XLSX or other zip."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", "replace")


@dataclass
class Outcome:
    status: int = 0
    location: str = ""
    body: str = ""
    problems: list[str] = field(default_factory=list)


def request_once(
    client: Client, url: str, baseline: dict[str, tuple[int, object]], headers: dict[str, str]
) -> Outcome:
    """GET ``url`` in a savepoint rolled back afterwards; what came back and what went wrong."""
    outcome = Outcome()
    reset_queries()  # the log keeps at most 9,000 queries, and warns when it is full
    with transaction.atomic():
        queued = len(connection.run_on_commit)
        with CaptureQueriesContext(connection) as queries:
            try:
                response = client.get(url, headers=headers)
            except Exception as error:  # the client raises what the view raised
                outcome.problems.append(f"raised {type(error).__name__}: {error}")
                transaction.set_rollback(True)
                return outcome
        outcome.status = response.status_code
        outcome.location = response.get("Location", "")
        outcome.body = body_text(response)
        written = {
            match.group(1)
            for query in queries.captured_queries
            if (match := WRITE.match(query["sql"])) and match.group(1) not in NOT_DATA
        }
        if written:
            outcome.problems.append(f"GET wrote to {sorted(written)}")
        if len(connection.run_on_commit) > queued:
            outcome.problems.append("GET queued work to run after the commit")
        after = tables_fingerprint()
        changed = sorted(table for table in baseline if after[table] != baseline[table])
        if changed:
            outcome.problems.append(f"GET changed the rows of {changed}")
        transaction.set_rollback(True)
    if outcome.status >= 500:
        outcome.problems.append(f"answered {outcome.status}")
    return outcome


def denied(outcome: Outcome) -> bool:
    """302 to the login page, 401 (the API), 403, 404 or 405 (the route takes no GET)."""
    if outcome.status == 302:
        return outcome.location.startswith(reverse("accounts:login"))
    return outcome.status in {401, 403, 404, 405}


@dataclass(frozen=True)
class Variant:
    """The routes asked another way, or about other objects, by some of the visitors: checked
    for errors, writes and leaks (who is refused what is checked on the plain requests)."""

    name: str
    roles: tuple[str, ...]
    city: str = "A"
    language: str = "en"
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    uses: str = ""  # only the routes filled with this object


PLAIN = Variant("", tuple(ROLES))
# Parameters the pages read from their query string, with values no form offers.
ODD_QUERY = "&".join(
    f"{name}={value}"
    for name, value in (
        ("page", "-1"), ("page", "x"), ("q", "%25%27%00"), ("lang", "xx"), ("year", "abc"),
        ("period", "x"), ("by", "x"), ("since", "99999999999999999999"), ("kind", "x"),
        ("theme", "x"), ("language", "x"), ("view", "x"), ("edition", "x"), ("index", "x"),
        ("status", "x"), ("state", "x"), ("area", "x"), ("limit", "-1"), ("offset", "x"),
        ("show", "x"), ("size", "x"), ("x", "x"), ("population_band", "x"), ("country", "x"),
        ("network", "x"), ("place", "x"), ("next", "https://elsewhere.example/"),
    )
)  # fmt: skip
VARIANTS = (
    Variant("French", ("secretariat",), language="fr"),
    Variant("htmx", ("coordinator_a",), headers={"HX-Request": "true"}),
    Variant("odd query", ("secretariat",), query=ODD_QUERY),
    Variant("Getxo", ("secretariat",), city="C"),
    Variant("open edition", tuple(ROLES), city="D", uses="edition"),
    Variant("draft event", tuple(ROLES), city="E", uses="event"),
)


def url_for(key: str, route: Fill, values: dict[str, str], how: Variant) -> str | None:
    """The route's address filled with ``values`` (None when one of its objects is missing)."""
    refs = route.params.values()
    if any(not ref.startswith("=") and ref not in values for ref in refs) or (
        how.uses and how.uses not in refs
    ):
        return None
    kwargs = {
        name: ref[1:] if ref.startswith("=") else values[ref] for name, ref in route.params.items()
    }
    with translation.override(how.language):
        path = reverse(key, kwargs=kwargs)
    wanted = "&".join(part for part in (route.query, how.query) if part)
    return f"{path}?{wanted}" if wanted else path


# -- the matrix -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_route_answers_every_visitor_without_error_write_or_leak(
    world: World, users: dict[str, User]
) -> None:
    clients = {role: client_for(users[key] if key else None) for role, key in ROLES.items()}
    baseline = tables_fingerprint()
    problems: list[str] = []
    checked = 0

    def check(key: str, role: str, how: Variant) -> Outcome | None:
        nonlocal checked
        route = ROUTES[key]
        url = url_for(key, route, world.objects[how.city], how)
        if url is None:
            return None
        outcome = request_once(clients[role], url, baseline, how.headers)
        checked += 1
        for text, readers in world.markers.items():
            if role not in readers and text not in route.opens and text in outcome.body:
                outcome.problems.append(f"shows {text!r}")
        where = f"{key} {url} as {role}" + (f" ({how.name})" if how.name else "")
        problems.extend(f"{where}: {problem}" for problem in outcome.problems)
        return outcome

    for key, route in sorted(ROUTES.items()):
        seen = {role: check(key, role, PLAIN) for role in ROLES}
        statuses = {role: outcome.status if outcome else 0 for role, outcome in seen.items()}
        nothing = set(statuses.values()) == {404}
        if nothing and not route.absent:
            problems.append(f"{key}: 404 for everyone: the fill points at nothing")
        if route.absent and not nothing:
            problems.append(f"{key}: said to answer 404 ({route.absent}), but {statuses}")
        for variant in VARIANTS:
            for role in variant.roles:
                check(key, role, variant)
        if not route.private:
            continue
        if statuses[OWNER["A"]] != route.owner:
            problems.append(f"{key}: city A's coordinator got {statuses[OWNER['A']]}")
        for role in OUTSIDERS["A"]:
            if not (seen[role] and denied(seen[role])):  # type: ignore[arg-type]
                problems.append(f"{key}: city A's object answered {statuses[role]} to {role}")
        for role in OUTSIDERS["B"]:
            outcome = check(key, role, Variant("city B", (role,), city="B"))
            if not (outcome and denied(outcome)):
                problems.append(
                    f"{key}: city B's object answered {outcome and outcome.status} to {role}"
                )
    assert problems == [], f"{len(problems)} problems in {checked} requests:\n" + "\n".join(
        problems
    )
    assert checked > len(ROUTES) * len(ROLES)  # every route by every visitor, and more
