"""The barometer's text core (pure: no Django): language identification, sentiment, trust-signal
lexicons and the training of the models. ``classify`` is what the pipeline and the command line
call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from icc.barometer.text.language import identifier
from icc.barometer.text.lexicons import signal_counts
from icc.barometer.text.sentiment import LABELS, load_model, predict


@dataclass(frozen=True)
class Classified:
    lang: str
    sentiment: str
    confidence: float
    affiliative: int
    othering: int
    mentions_groups: bool

    def public(self) -> dict[str, object]:
        """The fields ``icc barometer classify`` prints."""
        return {"lang": self.lang, "sentiment": self.sentiment, "confidence": self.confidence}

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def classify(
    texts: Sequence[str],
    *,
    model: str = "fast",
    languages: Sequence[str | None] | None = None,
    priors: Sequence[Sequence[str] | None] | None = None,
    signals: bool = True,
) -> list[Classified]:
    """Language, sentiment (with confidence) and trust signals of each text.

    ``languages``: a language already known for some texts (None where unknown).
    ``priors``: for each text, the languages of its place (or None), which help read the
    language of short posts (``language.Identifier.identify``)."""
    texts = list(texts)
    found, _ = identifier().identify(texts, priors=priors)
    if languages is not None:
        found = [given or guess for given, guess in zip(languages, found, strict=True)]
    codes, confidences = predict(load_model(model), texts)
    out = []
    for text, lang, code, confidence in zip(texts, found, codes, confidences, strict=True):
        counts = signal_counts(text, lang) if signals else {}
        out.append(
            Classified(
                lang=lang,
                sentiment=LABELS[int(code)],
                confidence=round(float(confidence), 4),
                affiliative=counts.get("affiliative", 0),
                othering=counts.get("othering", 0),
                mentions_groups=counts.get("groups", 0) > 0,
            )
        )
    return out
