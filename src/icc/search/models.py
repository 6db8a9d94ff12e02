"""The search's records: one ``SearchDocument`` per searchable item of any module.

The search knows nothing of the modules whose items it holds: a module pushes a document with
``services.document_put`` (source app, kind, key) and removes it with ``document_remove``. The
full-text index lives beside the table: an FTS5 virtual table ``search_fts`` on SQLite, a
``tsvector`` column ``fts`` with a GIN index on PostgreSQL (both made in migration 0002, both
written by the services, never by the ORM).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

EMBEDDING_DIM = 384


class SearchDocument(models.Model):
    """One searchable item as written in one language."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        SHARED = "shared", _("Members of the network")
        PRIVATE = "private", _("The place's people")

    source = models.CharField(_("source"), max_length=40)  # the app label of the module
    kind = models.CharField(_("kind"), max_length=40)  # "practice", "publication", "rumour"…
    key = models.CharField(_("key"), max_length=200)  # the item's key within its source and kind
    language = models.CharField(_("language"), max_length=10)  # of the text as written
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    # facet name -> list of values (strings): "area", "theme", "country", "type", "year"…
    facets = models.JSONField(_("facets"), default=dict, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    place = models.ForeignKey(
        "network.Place",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # 384 float32 (little-endian) of multilingual-e5-small; empty until the background task
    # computes it (and emptied again when the text changes)
    embedding = models.BinaryField(_("embedding"), null=True, blank=True)
    embedding_model = models.CharField(_("embedding model"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "key"], name="search_document_unique_key"
            )
        ]
        indexes = [models.Index(fields=["embedding_model"], name="search_doc_model")]

    def __str__(self) -> str:
        return f"{self.source}.{self.kind}:{self.key}"
