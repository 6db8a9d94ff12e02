"""The annual report's figures from the knowledge base (``icc.knowledge.selectors``): news, good
practices and newsletter issues published in the year, and the year's publications grouped by
type, each with its languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from icc.knowledge.selectors import (
    news_published_count,
    newsletter_issues_sent_count,
    practices_published_count,
    publications_between,
)


@dataclass(frozen=True)
class PublicationLine:
    title: str
    kind_label: str
    languages: list[str]
    url: str


@dataclass(frozen=True)
class KnowledgeFigures:
    available: bool
    news: int = 0
    practices: int = 0
    newsletters: int = 0
    publications: list[tuple[str, list[PublicationLine]]] = field(default_factory=list)

    @property
    def publication_count(self) -> int:
        return sum(len(rows) for _kind, rows in self.publications)


def knowledge_figures(*, year: int) -> KnowledgeFigures:
    """The knowledge base's figures of ``year`` (1 January to 31 December included)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    groups: dict[str, list[PublicationLine]] = {}
    for row in publications_between(start=start, end=end):
        groups.setdefault(row.kind_label, []).append(
            PublicationLine(
                title=row.title,
                kind_label=row.kind_label,
                languages=[code.upper() for code in row.languages],
                url=row.url,
            )
        )
    return KnowledgeFigures(
        available=True,
        news=news_published_count(start=start, end=end),
        practices=practices_published_count(start=start, end=end),
        newsletters=newsletter_issues_sent_count(start=start, end=end),
        publications=sorted(groups.items()),
    )
