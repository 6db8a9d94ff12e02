"""The search's pure core: query words, the FTS5 query and rank fusion.

Rules held here:

- A query is cut into words (letters and digits, lower-cased); common short words of the
  content languages (``STOP_WORDS``) are dropped, since any one word may match: the full-text
  side asks for documents holding *any* of the words, ranked by how well they match.
- On SQLite each word matches as a prefix (``"vivienda"*``): a cheap stand-in for stemming in
  every language; words are quoted, so no query can inject FTS5 syntax.
- Hybrid ranking is weighted reciprocal rank fusion: a document's score is the sum over the
  rankings it appears in of ``weight / (RRF_K + rank)``, ranks from 1. The rankings are: the
  documents holding every word of the query (weight 1), those holding only some
  (``PARTIAL_WEIGHT``: one shared word is weak evidence — with stemming, as PostgreSQL does,
  a word like "locals" would otherwise lift a rumour about jobs above the same rumour about
  welfare in another language), and the nearest in meaning (weight 1).
  ``RRF_K`` is small (the literature's 60 is for long lists): the first places of a ranking
  must weigh clearly more than the fourth, or one shared word would lift an item of another
  subject above the items nearest in meaning.
  A document found by several comes before one found by one alone at the same ranks. Ties keep
  the order in which documents were first seen (the search passes the ranking by meaning first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

RRF_K = 5
PARTIAL_WEIGHT = 0.1
QUERY_WORDS_MAX = 32
_WORD = re.compile(r"\w+", re.UNICODE)

STOP_WORDS = frozenset(
    " ".join(
        (
            "a an and are as at be by for from has have in is it its of on or that the their",
            "this to was were with what how which who why our we you your",
            "au aux avec ce ces dans de des du en est et la le les leur leurs par pas pour qu",
            "que qui sa se ses son sur un une ou nos notre vos votre comment quoi quel quelle",
            "al con como del el ella es las lo los para por su sus una uno y o cómo qué cuál",
            "ai alla alle da dei della delle di e gli il nel nella per tra che come cosa",
            "auf aus bei das dem den der des die ein eine einer eines für im ist mit nicht und",
            "von zu zum zur wie welche",
            "às ao aos com do dos em na nas no nos num numa os pelo pela um uma",
        )
    ).split()
)


def query_words(text: str) -> list[str]:
    """The words of a query that the full-text side looks for (in order, once each)."""
    words: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in STOP_WORDS or word in words or word == "_":
            continue
        words.append(word.strip("_"))
        if len(words) == QUERY_WORDS_MAX:
            break
    return [word for word in words if word]


def fts5_match(words: Sequence[str], *, every: bool = False) -> str:
    """An FTS5 MATCH expression: any (``every``: all) of ``words``, each as a quoted prefix."""
    joiner = " AND " if every else " OR "
    return joiner.join('"' + word.replace('"', '""') + '"*' for word in words)


def rrf_fuse(
    *rankings: Sequence[int], weights: Sequence[float] | None = None, k: int = RRF_K
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings of ids (best first), each counted with its weight
    (1 when not given): ``(id, score)``, best first."""
    scores: dict[int, float] = {}
    for i, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[i]
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    order = {item: i for i, item in enumerate(scores)}  # first seen first on ties
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))
