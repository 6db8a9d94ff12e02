"""The search's pure core: query words, the FTS5 expression, weighted rank fusion."""

from icc.search.ranking import fts5_match, query_words, rrf_fuse


def test_query_words_drop_common_words_and_repeats() -> None:
    assert query_words("Les logements ET les Logements de la ville") == ["logements", "ville"]
    assert query_words("¿Cómo ayudar a los refugiados?") == ["ayudar", "refugiados"]
    assert query_words("__ ,;") == []
    assert len(query_words(" ".join(f"w{i}" for i in range(100)))) == 32


def test_fts5_match_quotes_every_word() -> None:
    assert fts5_match(["vivienda", 'a"b']) == '"vivienda"* OR "a""b"*'
    assert fts5_match(["x", "y"], every=True) == '"x"* AND "y"*'


def test_rrf_fuse_rewards_agreement_and_weights() -> None:
    # 2 is second in both rankings: it beats 1 and 3, each first in one ranking only
    assert next(item for item, _score in rrf_fuse([1, 2], [3, 2])) == 2
    # a ranking of weight 0.25 cannot lift its first item above the other's first
    fused = rrf_fuse([9], [8], weights=(0.25, 1.0))
    assert [item for item, _score in fused] == [8, 9]
    # ties keep the order in which items were first seen
    assert [item for item, _score in rrf_fuse([5, 6])] == [5, 6]
