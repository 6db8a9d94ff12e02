"""The test's first version from ``content/test-v1.yaml`` (``icc demo`` and a fresh install).

The file gives every text as ``{en: …, fr: …}`` (any content language may be added), options
with ``weights`` (points per dimension), or a ``likert`` question: the shared four-step scale of
the file's ``likert`` block, whose points are multiplied by the factor given per dimension.
Loading is idempotent: once any version exists, the secretariat owns the content (admin).
"""

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
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


@transaction.atomic
def content_load(path: Path = CONTENT_FILE) -> ContentVersion | None:
    """Publish the test of ``path`` as version 1 if no version exists yet; else do nothing."""
    if ContentVersion.objects.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def citizenship_demo_load() -> list[str]:
    """For ``icc demo``: load the first version if needed; one line saying what happened."""
    version = content_load()
    if version is None:
        return ["Citizenship test: content already present (edited in the admin)."]
    return [
        f"Citizenship test: version {version.number} with {version.questions.count()} questions."
    ]
