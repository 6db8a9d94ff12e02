"""The search's records: one ``SearchDocument`` per searchable item of any module.

The search knows nothing of the modules whose items it holds: a module pushes a document with
``services.document_put`` (source app, kind, key) and removes it with ``document_remove``. The
full-text index lives beside the table: an FTS5 virtual table ``search_fts`` on SQLite, a
``tsvector`` column ``fts`` with a GIN index on PostgreSQL (both made in migration 0002, both
written by the services, never by the ORM).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy

EMBEDDING_DIM = 384


class SearchDocument(models.Model):
    """One searchable item as written in one language."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", pgettext_lazy("search", "Everyone")
        SHARED = "shared", pgettext_lazy("search", "Members of the network")
        PRIVATE = "private", pgettext_lazy("search", "The place's people")

    source = models.CharField(
        pgettext_lazy("search", "source"), max_length=40
    )  # the app label of the module
    kind = models.CharField(
        pgettext_lazy("search", "kind"), max_length=40
    )  # "practice", "publication", "rumour"…
    key = models.CharField(
        pgettext_lazy("search", "key"), max_length=200
    )  # the item's key within its source and kind
    language = models.CharField(
        pgettext_lazy("search", "language"), max_length=10
    )  # of the text as written
    title = models.CharField(pgettext_lazy("search", "title"), max_length=500)
    summary = models.TextField(pgettext_lazy("search", "summary"), blank=True)
    body = models.TextField(pgettext_lazy("search", "body"), blank=True)
    url = models.CharField(pgettext_lazy("search", "address"), max_length=500, blank=True)
    # facet name -> list of values (strings): "area", "theme", "country", "type", "year"…
    facets = models.JSONField(pgettext_lazy("search", "facets"), default=dict, blank=True)
    visibility = models.CharField(
        pgettext_lazy("search", "visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("search", "place"),
    )
    # from when the item may be found (a news item dated in the future); empty: at once. The
    # search leaves out what is not yet due when it is asked, so nothing needs to run on the day
    visible_from = models.DateTimeField(
        pgettext_lazy("search", "found from"), null=True, blank=True
    )
    updated_at = models.DateTimeField(pgettext_lazy("search", "updated"), auto_now=True)
    # 384 float32 (little-endian) of multilingual-e5-small; empty until the background task
    # computes it (and emptied again when the text changes)
    embedding = models.BinaryField(pgettext_lazy("search", "embedding"), null=True, blank=True)
    embedding_model = models.CharField(
        pgettext_lazy("search", "embedding model"), max_length=40, blank=True
    )

    class Meta:
        verbose_name = pgettext_lazy("search", "search document")
        verbose_name_plural = pgettext_lazy("search", "search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "key"], name="search_document_unique_key"
            )
        ]
        indexes = [models.Index(fields=["embedding_model"], name="search_doc_model")]

    def __str__(self) -> str:
        return f"{self.source}.{self.kind}:{self.key}"
