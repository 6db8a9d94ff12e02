"""The test's versions from ``content/test-v1.yaml`` (``icc demo``, ``icc citizenship_load``).

The file gives every text as ``{en: …, fr: …}`` (any content language may be added), options
with ``weights`` (points per dimension), or a ``likert`` question: the shared four-step scale of
the file's ``likert`` block, whose points are multiplied by the factor given per dimension.

Version 1 is published when the database has no version. Its ``revisions`` follow: each is a
new version, copied from the one before it with the guide sections it lists inserted, and
published through the same services as the admin's "New draft" and "Publish" (a published
version is never edited in place). A revision is published only while the newest version is the
one it follows; once the secretariat has made a version of its own, it owns the content and
the loader says what to add by hand. Loading is idempotent.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from icc.citizenship.models import (
    ContentVersion,
    Dimension,
    GuideSection,
    Option,
    Question,
    Resource,
    VersionStatus,
)
from icc.citizenship.selectors import CONTENT_LANGUAGES
from icc.citizenship.services import version_draft_create, version_publish

CONTENT_FILE = Path(__file__).with_name("content") / "test-v1.yaml"


def _texts(field: str, values: dict[str, Any]) -> dict[str, str]:
    """``{"en": "…"}`` → ``{"text_en": "…"}``; lists (reflection questions) become lines."""
    out = {}
    for code, value in values.items():
        if code not in CONTENT_LANGUAGES:
            raise ValueError(f"{code!r} is not a content language (settings).")
        out[f"{field}_{code}"] = "\n".join(value) if isinstance(value, list) else str(value)
    return out


def _options(question: dict[str, Any], likert: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if "likert" in question:
        factors: dict[str, int] = question["likert"]
        return [
            {
                "text": step["text"],
                "weights": {
                    code: step["points"] * f for code, f in factors.items() if step["points"]
                },
            }
            for step in likert
        ]
    options: list[dict[str, Any]] = question["options"]
    return options


@dataclass
class Loaded:
    """What a load did: the versions it published, in order, and a line for each revision of
    the file it could not publish (the secretariat has made a version of its own since)."""

    published: list[ContentVersion] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


@transaction.atomic
def content_sync(path: Path = CONTENT_FILE) -> Loaded:
    """Publish what the database lacks of the file at ``path``: version 1 when it has no
    version, then each revision it has not had yet (see the top of this file)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded = Loaded()
    if not ContentVersion.objects.exists():
        loaded.published.append(_first_version_create(data))
    for revision in data.get("revisions", []):
        sections = revision["guide"]
        if GuideSection.objects.filter(code__in=[s["code"] for s in sections]).exists():
            continue  # published before, or added by hand: later versions may have changed it
        newest = ContentVersion.objects.order_by("-number").first()
        follows = newest is not None and newest.number == revision["number"] - 1
        if newest is None or not follows or newest.status != VersionStatus.PUBLISHED:
            titles = ", ".join(f"“{s['title']['en']}”" for s in sections)
            loaded.left.append(
                f"Citizenship test: version {revision['number']} of {path.name} was not "
                f"published: version {newest.number if newest else '?'} was made in the admin "
                f"since. Add the facilitator guide's section {titles} to a new draft by hand "
                f"(its text, in English and French, is in {path.name})."
            )
            break
        loaded.published.append(_revision_publish(newest, sections))
    return loaded


def content_load(path: Path = CONTENT_FILE) -> ContentVersion | None:
    """``content_sync``, for callers that want the version published last (``None`` when
    nothing was published)."""
    published = content_sync(path).published
    return published[-1] if published else None


def _first_version_create(data: dict[str, Any]) -> ContentVersion:
    """Version 1 of the file, published."""
    version = ContentVersion.objects.create(
        number=1,
        status=VersionStatus.PUBLISHED,
        published_at=timezone.now(),
        **_texts("title", data["title"]),
        **_texts("intro", data["intro"]),
    )
    for position, item in enumerate(data["dimensions"], start=1):
        Dimension.objects.create(
            version=version,
            code=item["code"],
            position=position,
            **_texts("label", item["label"]),
            **_texts("description", item["description"]),
            **_texts("reflection", item["reflection"]),
        )
    for position, item in enumerate(data["resources"], start=1):
        Resource.objects.create(
            version=version,
            position=position,
            **_texts("title", item["title"]),
            **_texts("url", item["url"]),
        )
    for position, item in enumerate(data["guide"], start=1):
        GuideSection.objects.create(
            version=version,
            position=position,
            code=item.get("code", ""),
            **_texts("title", item["title"]),
            **_texts("body", item["body"]),
        )
    for position, item in enumerate(data["questions"], start=1):
        question = Question.objects.create(
            version=version,
            code=item["code"],
            position=position,
            **_texts("text", item["text"]),
            **_texts("prompt", item["prompt"]),
        )
        for number, option in enumerate(_options(item, data["likert"]), start=1):
            Option.objects.create(
                question=question,
                position=number,
                points=option["weights"],
                **_texts("text", option["text"]),
            )
    return version


def _revision_publish(source: ContentVersion, sections: list[dict[str, Any]]) -> ContentVersion:
    """A copy of ``source`` with the guide ``sections`` inserted at their positions, published
    (``source`` is retired, as when the admin publishes a draft)."""
    draft = version_draft_create(source=source)
    for item in sections:
        draft.guide.filter(position__gte=item["position"]).update(position=F("position") + 1)
        GuideSection.objects.create(
            version=draft,
            position=item["position"],
            code=item["code"],
            **_texts("title", item["title"]),
            **_texts("body", item["body"]),
        )
    return version_publish(version=draft)


def citizenship_demo_load() -> list[str]:
    """For ``icc demo`` and ``icc citizenship_load``: publish what the file adds; one line per
    version published or revision left for the secretariat."""
    loaded = content_sync()
    lines = [
        f"Citizenship test: version {version.number} published with "
        f"{version.questions.count()} questions and {version.guide.count()} guide sections."
        for version in loaded.published
    ]
    if not loaded.published and not loaded.left:
        lines.append("Citizenship test: content up to date (edited in the admin).")
    return lines + loaded.left
