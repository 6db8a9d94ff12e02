"""Fixtures of the search's tests: the multilingual corpus stored and embedded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from icc.search.models import SearchDocument
from icc.search.services import document_put
from icc.search.tests.corpus import ITEMS
from icc.search.vectors import MODEL

# The corpus's vectors, kept for the session once the background task has computed them: the
# first test that uses the corpus goes the whole way (put, commit, task), the next ones store
# the same vectors directly (embedding 36 texts on a busy CPU takes seconds).
_VECTORS: dict[str, bytes] = {}


def corpus_put() -> None:
    """Store the 36 items of the corpus (kind "practice" or "news", key "topic-language")."""
    for i, (topic, language, title, summary, area, theme, country) in enumerate(ITEMS):
        document_put(
            source="tests",
            kind="practice" if i % 3 else "news",
            key=f"{topic}-{language}",
            language=language,
            title=title,
            summary=summary,
            url=f"/en/knowledge/{topic}-{language}/",
            facets={"area": area, "theme": theme, "country": country, "year": 2018 + i % 4},
        )


@pytest.fixture
def corpus(db: Any, django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    """The corpus, with its vectors computed by the background task queued at commit (the
    test settings run tasks at once)."""
    if not _VECTORS:
        with django_capture_on_commit_callbacks(execute=True):
            corpus_put()
        stored = SearchDocument.objects.values_list("key", "embedding", "embedding_model")
        _VECTORS.update({key: bytes(data or b"") for key, data, model in stored if model == MODEL})
        assert len(_VECTORS) == len(ITEMS)
        return
    with transaction.atomic():  # one commit (in a browser test), with nothing left to embed
        corpus_put()
        for key, data in _VECTORS.items():
            SearchDocument.objects.filter(key=key).update(embedding=data, embedding_model=MODEL)
