"""Files that a record names in storage (a stored report, an annual report): replaced by a
newly made one, and opened for a download.

The row and its file can part: a restore of the database without the media, a clean-up of the
disk. Such a row must not give a server error: ``stored_file_open`` gives ``None`` (and says in
the log which file is missing), and the page answers as when no file has been made yet, with
the way to make it again.
"""

from __future__ import annotations

import logging

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)


def stored_file_replace(file: FieldFile, *, name: str, content: bytes) -> None:
    """Store ``content`` as the record's ``file`` (under ``name``, made unique by the storage);
    the file it replaces is deleted once the caller's transaction commits, and kept if it rolls
    back. The caller saves the record, in the same transaction."""
    old_name = str(file.name or "")
    file.save(name, ContentFile(content), save=False)
    if old_name and old_name != file.name:
        storage = file.storage
        transaction.on_commit(lambda: storage.delete(old_name))


def stored_file_open(file: FieldFile) -> File[bytes] | None:
    """``file`` opened for reading, or ``None`` when the record names no file or the storage has
    lost it (a warning names it in the log)."""
    name = str(file.name or "")
    if not name:
        return None
    try:
        if file.storage.exists(name):
            return file.storage.open(name, "rb")
    except OSError:  # gone between the check and the opening, or unreadable
        logger.warning("Stored file %s cannot be read.", name, exc_info=True)
        return None
    logger.warning(
        "Stored file %s of %s %s is missing from storage.",
        name,
        type(file.instance).__name__,
        file.instance.pk,
    )
    return None
