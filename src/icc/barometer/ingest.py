"""Reading posts, observations and social-sensing values from files, line by line, with a reason
for every line that cannot be used.

Rules held here:

- Posts come as JSON lines or CSV (through the tabular layer and its limits) with the fields
  ``id``, ``created_at`` (ISO 8601; a date alone is midnight UTC), ``text``, and optionally
  ``language``, ``place`` (a place's slug; the command's ``--place`` otherwise),
  ``neighbourhood``, ``author`` (or ``author_id``) and ``source`` (the command's ``--source``
  otherwise).
- Sensing values come as CSV: ``place``, ``indicator``, ``period`` (YYYY-MM or a date),
  ``value``, ``unit``, ``direction`` (``higher_is_better``/``lower_is_better``, or 1/-1).
- A line that cannot be used is not an error of the whole file: it goes to the quarantine with
  its line number, its reason (a translated sentence) and its raw content. Counts always
  reconcile: lines read = accepted + quarantined, and accepted = new + already there.
- Author identifiers are replaced by a keyed hash (HMAC-SHA-256 with ``ICC_BAROMETER_KEY``)
  before anything is stored: the same author gets the same pseudonym, nobody without the key
  can go back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from django.conf import settings
from django.utils.translation import gettext as _

from icc.core.tabular import file_size_check, rows_read

MAX_TEXT = 5000
T = TypeVar("T")


@dataclass(frozen=True)
class PostIn:
    line: int
    source: str
    external_id: str
    created_at: dt.datetime
    text: str
    language: str
    place: str
    neighbourhood: str
    author: str


@dataclass(frozen=True)
class SensingIn:
    line: int
    place: str
    indicator: str
    period: dt.date
    value: float
    unit: str
    direction: int


@dataclass
class Quarantine:
    """Lines set aside, with their reasons."""

    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, line: int, reason: str, raw: object) -> None:
        self.items.append({"line": line, "reason": reason, "raw": raw})

    def write(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as out:
            for item in self.items:
                out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")


def pseudonym(author: str) -> str:
    """The keyed hash of an author identifier (empty stays empty)."""
    if not author:
        return ""
    key = (settings.ICC_BAROMETER_KEY or settings.SECRET_KEY).encode("utf-8")
    return hmac.new(key, author.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _datetime(value: str) -> dt.datetime:
    text = value.strip()
    if not text:
        raise ValueError(_("The date and time (created_at) is missing."))
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(
            _("“%(value)s” is not a date and time in ISO 8601 (2026-03-01T14:30:00Z).")
            % {"value": text[:40]}
        ) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def post_from(record: Mapping[str, Any], line: int, *, source: str, place: str) -> PostIn:
    """A post from one record; ``ValueError`` with the reason when it cannot be used."""

    def text_of(*names: str) -> str:
        for name in names:
            value = record.get(name)
            if value is not None and value != "":
                return str(value).strip() if not isinstance(value, dict | list) else ""
        return ""

    external_id = text_of("id")
    if not external_id:
        raise ValueError(_("The post has no id."))
    if len(external_id) > 200:
        raise ValueError(_("The id is longer than 200 characters."))
    created_at = _datetime(text_of("created_at"))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(_("The post has no text."))
    if len(text) > MAX_TEXT:
        raise ValueError(_("The text is longer than %(n)s characters.") % {"n": MAX_TEXT})
    place_slug = text_of("place") or place
    if not place_slug:
        raise ValueError(_("The post has no place; add a place column or give --place."))
    return PostIn(
        line=line,
        source=(text_of("source") or source)[:50],
        external_id=external_id,
        created_at=created_at,
        text=text,
        language=text_of("language", "lang")[:8].lower(),
        place=place_slug,
        neighbourhood=text_of("neighbourhood", "neighborhood")[:100],
        author=pseudonym(text_of("author", "author_id")),
    )


def records_read(file: IO[bytes], filename: str) -> Iterator[tuple[int, Any, str]]:
    """``(line, record, problem)`` for each line: a dict and "" when it could be read, the raw
    text and the reason otherwise. CSV goes through the tabular layer (its limits apply)."""
    if filename.lower().endswith((".csv", ".xlsx")):
        rows = rows_read(file=file, filename=filename)
        header: list[str] | None = None
        for line, cells in rows:
            if header is None:
                header = [cell.strip().lower() for cell in cells]
                continue
            if len(cells) > len(header):
                yield line, cells, _("The row has more cells than the heading has columns.")
                continue
            yield line, dict(zip(header, cells, strict=False)), ""
        return
    file_size_check(file)
    file.seek(0)
    text = io.TextIOWrapper(file, encoding="utf-8", errors="replace")
    try:
        for line, raw in enumerate(text, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as error:
                yield (
                    line,
                    raw.rstrip("\n"),
                    _("The line is not valid JSON (%(error)s).") % {"error": error.msg},
                )
                continue
            if not isinstance(record, dict):
                yield line, raw.rstrip("\n"), _("The line is not a JSON object.")
                continue
            yield line, record, ""
    finally:
        text.detach()  # the caller's file stays open


def _usable_read(
    file: IO[bytes], filename: str, build: Callable[[Mapping[str, Any], int], T]
) -> tuple[list[T], Quarantine, int]:
    """What ``build`` makes of each record of a file (it raises ``ValueError`` with the reason
    for a record it cannot use), the quarantine and the number of lines read."""
    usable: list[T] = []
    quarantine = Quarantine()
    n_lines = 0
    for line, record, problem in records_read(file, filename):
        n_lines += 1
        if problem:
            quarantine.add(line, problem, record)
            continue
        try:
            usable.append(build(record, line))
        except ValueError as error:
            quarantine.add(line, str(error), record)
    return usable, quarantine, n_lines


def posts_read(
    file: IO[bytes], filename: str, *, source: str, place: str
) -> tuple[list[PostIn], Quarantine, int]:
    """The usable posts of a file, the quarantine and the number of lines read."""
    return _usable_read(
        file, filename, lambda record, line: post_from(record, line, source=source, place=place)
    )


def _period(value: str) -> dt.date:
    text = value.strip()
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(text + "-01")
        return dt.date.fromisoformat(text[:10])
    except ValueError as error:
        raise ValueError(
            _("“%(value)s” is not a period (YYYY-MM or YYYY-MM-DD).") % {"value": text[:20]}
        ) from error


def _direction(value: str) -> int:
    text = value.strip().lower()
    if text in {"", "1", "+1", "higher_is_better", "higher", "up"}:
        return 1
    if text in {"-1", "lower_is_better", "lower", "down"}:
        return -1
    raise ValueError(
        _("The direction “%(value)s” is not higher_is_better or lower_is_better.")
        % {"value": text[:20]}
    )


def _sensing_from(record: Mapping[str, Any], line: int) -> SensingIn:
    """A sensing value from one record; ``ValueError`` with the reason when it cannot be used."""
    place = str(record.get("place", "")).strip()
    indicator = str(record.get("indicator", "")).strip()
    if not place or not indicator:
        raise ValueError(_("The row needs a place and an indicator."))
    try:
        value = float(str(record.get("value", "")).replace(",", "."))
    except ValueError as error:
        raise ValueError(_("The value is not a number.")) from error
    if value != value or value in {float("inf"), float("-inf")}:
        raise ValueError(_("The value is not a number."))
    return SensingIn(
        line=line,
        place=place,
        indicator=indicator[:100],
        period=_period(str(record.get("period", ""))),
        value=value,
        unit=str(record.get("unit", "")).strip()[:50],
        direction=_direction(str(record.get("direction", ""))),
    )


def sensing_read(file: IO[bytes], filename: str) -> tuple[list[SensingIn], Quarantine, int]:
    """The usable values of a sensing CSV, the quarantine and the number of lines read."""
    return _usable_read(file, filename, _sensing_from)
