"""``icc barometer train`` on a tiny labelled set shaped like the benchmark: it writes the model
files and a manifest, reuses cached embeddings, and the same seed gives the same models."""

import io
import json

import numpy as np
from django.core.management import call_command

WORDS = {
    "english": (
        ["great", "lovely", "thanks"], ["meeting", "bus", "report"], ["awful", "hate", "bad"]
    ),
    "spanish": (
        ["genial", "gracias", "bonito"], ["reunión", "autobús", "informe"], ["odio", "malo", "asco"]
    ),
}  # fmt: skip


def _data(root):
    for folder, (positive, neutral, negative) in WORDS.items():
        (root / folder).mkdir(parents=True)
        for split, n in (("train", 12), ("val", 6)):
            texts, labels = [], []
            for i in range(n):
                for label, words in ((2, positive), (1, neutral), (0, negative)):
                    texts.append(f"{words[i % 3]} number {i} {words[(i + 1) % 3]}")
                    labels.append(str(label))
            (root / folder / f"{split}_text.txt").write_text("\n".join(texts) + "\n")
            (root / folder / f"{split}_labels.txt").write_text("\n".join(labels) + "\n")


def test_training_writes_reproducible_models_and_a_manifest(tmp_path):
    data = tmp_path / "umsab"
    _data(data)
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        log = io.StringIO()
        call_command(
            "barometer", "train", "--data", str(data), "--output", str(out),
            "--cache", str(tmp_path / "cache.npz"), "--embed-per-language", "24", stdout=log,
        )  # fmt: skip
        outputs.append(out)
        assert "val macro-F1 default" in log.getvalue()
    manifest = json.loads((outputs[0] / "manifest.json").read_text())
    assert manifest["n_train"] == 72 and manifest["n_train_embedded"] == 48
    assert set(manifest["val_macro_f1"]["default"]) == {"en", "es", "all", "mean"}
    with np.load(outputs[0] / "fast.npz") as a, np.load(outputs[1] / "fast.npz") as b:
        assert np.array_equal(a["weights"], b["weights"])
    assert (outputs[0] / "default.npz").read_bytes() == (outputs[1] / "default.npz").read_bytes()
