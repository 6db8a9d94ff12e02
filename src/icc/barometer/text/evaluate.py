"""Reading a labelled file and scoring a model on it (macro-F1 per language).

A labelled file is UTF-8, one post per line, either JSON lines
(``{"text": "...", "label": "positive", "lang": "fr"}``; ``label`` a name or 0/1/2, ``lang``
optional) or tab-separated ``label<TAB>text``. A post without a language gets the identified
one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np

from icc.barometer.text import classify
from icc.barometer.text.sentiment import LABELS
from icc.barometer.text.train import Split, f1_per_language


def _label(value: object, line: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in LABELS:
            return LABELS.index(text)
        if text in {"0", "1", "2"}:
            return int(text)
    raise ValueError(f"Line {line}: the label {value!r} is not negative, neutral, positive or 0-2.")


def labelled_read(lines: Iterable[str]) -> tuple[list[str], list[int], list[str | None]]:
    """Texts, label codes and given languages of a labelled file's lines."""
    texts: list[str] = []
    labels: list[int] = []
    langs: list[str | None] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"Line {number}: not valid JSON ({error.msg}).") from error
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"Line {number}: a JSON line needs a text.")
            texts.append(item["text"])
            labels.append(_label(item.get("label"), number))
            lang = item.get("lang")
            langs.append(lang if isinstance(lang, str) and lang else None)
        else:
            label, sep, text = line.partition("\t")
            if not sep:
                raise ValueError(f"Line {number}: expected label<TAB>text or a JSON object.")
            texts.append(text)
            labels.append(_label(label, number))
            langs.append(None)
    return texts, labels, langs


def evaluate(lines: Iterable[str], *, model: str = "fast") -> dict[str, float]:
    """Macro-F1 per language, over all posts (``all``) and the mean of languages (``mean``)."""
    texts, labels, given = labelled_read(lines)
    if not texts:
        raise ValueError("The file has no labelled post.")
    results = classify(texts, model=model, languages=given, signals=False)
    predicted = np.asarray([LABELS.index(r.sentiment) for r in results], dtype=np.intp)
    split = Split(texts=texts, labels=labels, langs=[r.lang for r in results])
    return f1_per_language(split, predicted)
