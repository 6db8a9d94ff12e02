"""RSS and Atom feeds of the latest news and good practices (``django.contrib.syndication``)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from icc.knowledge.models import GoodPractice, NewsItem
from icc.knowledge.sanitise import html_text
from icc.knowledge.selectors import news_published, practices_published

FEED_SIZE = 30


class NewsRss(Feed):  # type: ignore[type-arg]
    title = _("Intercultural Cities: news")
    link = reverse_lazy("knowledge:news_list")
    description = _("The latest news of the Intercultural Cities network.")

    def items(self) -> QuerySet[NewsItem]:
        return news_published()[:FEED_SIZE]

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        return html_text(item.summary or item.body)[:1000]

    def item_pubdate(self, item: NewsItem) -> dt.datetime | None:
        return item.published_at


class NewsAtom(NewsRss):
    feed_type = Atom1Feed
    subtitle = NewsRss.description


class PracticesRss(Feed):  # type: ignore[type-arg]
    title = _("Intercultural Cities: good practices")
    link = reverse_lazy("knowledge:practice_list")
    description = _("Good practices of the member cities, latest first.")

    def items(self) -> QuerySet[GoodPractice]:
        return practices_published()[:FEED_SIZE]

    def item_title(self, item: GoodPractice) -> str:
        places = ", ".join(p.name for p in item.places.all())
        return f"{item.title} ({places})" if places else item.title

    def item_description(self, item: GoodPractice) -> str:
        return html_text(item.summary)[:1000]

    def item_pubdate(self, item: GoodPractice) -> dt.datetime | None:
        return item.published_at


class PracticesAtom(PracticesRss):
    feed_type = Atom1Feed
    subtitle = PracticesRss.description
