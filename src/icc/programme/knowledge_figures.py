"""The annual report's figures from the knowledge base: news, good practices and newsletter
issues published in the year, and the year's publications by type and language.

Until the knowledge base offers its selectors, the report says these figures are not
available (it never prints a typed number in their place)."""

from __future__ import annotations

from dataclasses import dataclass, field


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


def knowledge_figures(*, year: int) -> KnowledgeFigures:
    """The knowledge base's figures of ``year`` (``available`` False without its selectors)."""
    return KnowledgeFigures(available=False)
