"""The text core: hashing, language identification, lexicons, the shipped models on
hand-written posts (Swedish and Ukrainian have no training data), the labelled-file reader."""

import json

import numpy as np
import pytest

from icc.barometer.text import classify
from icc.barometer.text.evaluate import evaluate, labelled_read
from icc.barometer.text.features import hashed, normalise
from icc.barometer.text.language import identifier
from icc.barometer.text.lexicons import signal_counts
from icc.barometer.text.sentiment import WEIGHTS_DIR, FastModel, load_model
from icc.index.scoring import MethodSpec

POSITIVE = {
    "en": "Thank you so much, this is wonderful and I love it!",
    "sv": "Tack så mycket, det här är underbart, jag älskar det!",
    "uk": "Дуже дякую, це чудово, мені дуже подобається!",
    "es": "¡Muchas gracias, es maravilloso, me encanta!",
}
NEGATIVE = {
    "en": "This is terrible, I hate it, what a disgusting mess.",
    "sv": "Det här är fruktansvärt, jag hatar det, vilken äcklig röra.",
    "uk": "Це жахливо, я це ненавиджу, яка огидна ситуація.",
    "es": "Esto es horrible, lo odio, qué asco de situación.",
}


def test_hashing_is_the_same_in_every_batch_and_sees_words():
    texts = [normalise("Hello World http://x.y/z @someone"), normalise("Bonjour le monde")]
    one = hashed(texts, 2**12)
    alone = hashed(texts[1:], 2**12)
    assert sorted(one.bucket[one.doc == 1].tolist()) == sorted(alone.bucket.tolist())
    assert texts[0] == "hello world http @user"
    assert one.scale[0] == pytest.approx(1 / np.sqrt((one.doc == 0).sum()))
    with pytest.raises(ValueError, match="power of two"):
        hashed(texts, 1000)


def test_language_identification_knows_swedish_and_ukrainian():
    langs, probability = identifier().identify(
        [POSITIVE["sv"], POSITIVE["uk"], "Мы вместе помогаем соседям в нашем городе", "hola"]
    )
    assert langs[:3] == ["sv", "uk", "ru"]
    assert (probability > 0).all() and (probability <= 1).all()
    assert identifier().identify([])[0] == []


def test_lexicons_count_affiliative_and_othering_words():
    assert signal_counts("We help our neighbours together", "en") == {
        "affiliative": 5,
        "othering": 0,
        "groups": 1,
    }
    counts = signal_counts("Jag hatar de där människorna", "sv")
    assert counts["othering"] == 2
    assert signal_counts("Ми разом допомагаємо сусідам", "uk")["affiliative"] == 4
    assert signal_counts("we", "xx")["affiliative"] == 1  # unknown language: English lists


def test_shipped_models_read_hand_written_posts_in_languages_without_training_data():
    langs = list(POSITIVE)
    texts = [POSITIVE[x] for x in langs] + [NEGATIVE[x] for x in langs]
    expected = [(x, "positive") for x in langs] + [(x, "negative") for x in langs]
    results = classify(texts, model="default")
    got = [(r.lang, r.sentiment) for r in results]
    assert sum(a == b for a, b in zip(got, expected, strict=True)) >= 7, got  # one miss tolerated
    assert all(0 <= r.confidence <= 1 for r in results)
    assert set(results[0].public()) == {"lang", "sentiment", "confidence"}
    # The fast model reads n-grams of the trained languages: English and Spanish here.
    fast = classify(texts, model="fast")
    trained = [i for i, (lang, _) in enumerate(expected) if lang in {"en", "es"}]
    assert [fast[i].sentiment for i in trained] == [expected[i][1] for i in trained]


def test_model_files_are_small_and_come_with_a_manifest():
    manifest = json.loads((WEIGHTS_DIR / "manifest.json").read_text())
    assert len(manifest["data_sha256"]) == 64
    assert manifest["val_macro_f1"]["default"]["all"] > 0.5
    for name in ("fast.npz", "default.npz"):
        assert (WEIGHTS_DIR / name).stat().st_size < 5_000_000
    model = load_model("fast")
    assert isinstance(model, FastModel) and load_model("fast") is model
    with pytest.raises(ValueError, match="Unknown model"):
        load_model("huge")


def test_evaluate_reads_json_lines_and_tab_separated_labels():
    lines = [
        json.dumps({"text": POSITIVE["en"], "label": "positive", "lang": "en"}),
        json.dumps({"text": NEGATIVE["en"], "label": 0}),
        f"2\t{POSITIVE['es']}",
        f"negative\t{NEGATIVE['es']}",
        "",
    ]
    _texts, labels, langs = labelled_read(lines)
    assert labels == [2, 0, 2, 0] and langs == ["en", None, None, None]
    scores = evaluate(lines, model="fast")
    assert set(scores) >= {"en", "es", "all", "mean"}
    with pytest.raises(ValueError, match="Line 1"):
        labelled_read(["maybe\tsomething"])
    with pytest.raises(ValueError, match="Line 2"):
        labelled_read(["1\tok", "{not json"])


def test_a_method_spec_needs_neither_bands_nor_levels():
    spec = MethodSpec.from_dict(
        {
            "indicators": [{"code": "a", "weight": 1}],
            "questions": [{"code": "q", "indicator": "a", "weight": 1}],
        }
    )
    assert spec.questions[0].level == "core"
    assert MethodSpec.from_dict(spec.to_dict()) == spec
