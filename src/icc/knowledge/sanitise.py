"""User-written HTML made safe to show (pure: nh3 only, no Django).

Rules held here: only the tags of plain rich text survive (paragraphs, emphasis, lists,
headings from h2 down, quotes, links, tables); every attribute but a link's ``href`` and
``title`` goes (no ``style``, no ``on…`` handlers); links are limited to http, https and mailto
and get ``rel="noopener noreferrer nofollow"``; ``<script>`` and ``<style>`` are removed with their
content.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
        "h2", "h3", "h4", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
        "code", "pre", "hr",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def html_clean(text: str) -> str:
    """``text`` with everything but plain rich text removed."""
    if not text:
        return ""
    return nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        clean_content_tags={"script", "style"},
    )


def html_text(text: str) -> str:
    """The words of ``text`` with every tag removed (for summaries, feeds and e-mails)."""
    return nh3.clean(text or "", tags=set(), clean_content_tags={"script", "style"}).strip()
