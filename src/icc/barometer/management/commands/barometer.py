"""``icc barometer …``: train the models, classify and evaluate posts, import data, run the
pipeline, load the demo."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError

from icc.barometer.text.sentiment import WEIGHTS_DIR


def _default_data() -> Path:
    """``ICC_BAROMETER_DATA``, else ``../shared/data/umsab`` beside the repository (or beside the
    folder that holds a worktree)."""
    if os.environ.get("ICC_BAROMETER_DATA"):
        return Path(os.environ["ICC_BAROMETER_DATA"])
    repo = Path(__file__).resolve().parents[5]
    for base in (repo.parent, repo.parent.parent):
        candidate = base / "shared" / "data" / "umsab"
        if candidate.is_dir():
            return candidate
    return repo.parent / "shared" / "data" / "umsab"


BATCH = 2000


class Command(BaseCommand):
    help = "The social trust barometer: train, classify, evaluate, import, run, demo."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        train = sub.add_parser("train", help="Train the sentiment models (seeded, reproducible).")
        train.add_argument("--data", type=Path, default=None, help="The UMSAB folder.")
        train.add_argument("--seed", type=int, default=20260101)
        train.add_argument("--output", type=Path, default=WEIGHTS_DIR)
        train.add_argument(
            "--embed-per-language",
            type=int,
            default=None,
            help="Embed only the first N training posts of each language (embedding is slow).",
        )
        train.add_argument(
            "--cache", type=Path, default=None, help="A .npz file that keeps the embeddings."
        )
        classify = sub.add_parser("classify", help="Language and sentiment, one JSON per line.")
        classify.add_argument("--model", choices=["fast", "default"], default="default")
        classify.add_argument(
            "--country",
            default="",
            help="ISO code of the posts' country: its languages are a prior (short posts).",
        )
        classify.add_argument("file", nargs="?", type=Path, default=None)
        evaluate = sub.add_parser("evaluate", help="Macro-F1 per language of a labelled file.")
        evaluate.add_argument("file", type=Path)
        evaluate.add_argument("--model", choices=["fast", "default"], default="default")

        posts = sub.add_parser("import-posts", help="Import posts from JSON lines or CSV.")
        posts.add_argument("file", type=Path)
        posts.add_argument("--place", default="", help="Slug of the place of rows without one.")
        posts.add_argument("--source", default="import", help="Source of rows without one.")
        posts.add_argument("--quarantine", type=Path, default=None)
        sensing = sub.add_parser("import-sensing", help="Import social-sensing values (CSV).")
        sensing.add_argument("file", type=Path)
        sensing.add_argument("--quarantine", type=Path, default=None)
        run = sub.add_parser("run", help="Classify new posts and compute the barometer.")
        run.add_argument("--scheduler", default=None, help="A Dask scheduler, tcp://host:8786.")
        run.add_argument("--model", choices=["fast", "default"], default="fast")
        run.add_argument("--chunk-size", type=int, default=2000)
        sub.add_parser("demo", help="Load the synthetic demo posts and observations.")

    def handle(self, *args: Any, **options: Any) -> None:
        handler = getattr(self, "_" + options["subcommand"].replace("-", "_"))
        handler(options)

    def _train(self, options: dict[str, Any]) -> None:
        from icc.barometer.text.train import EmbeddingCache, data_hash, manifest, train

        data: Path = options["data"] or _default_data()
        if not data.is_dir():
            raise CommandError(f"{data} is not a folder; give the UMSAB data with --data.")
        trained = train(
            data,
            seed=options["seed"],
            embed_per_language=options["embed_per_language"],
            cache=EmbeddingCache(options["cache"]),
            log=lambda line: self.stdout.write(line),
        )
        output: Path = options["output"]
        output.mkdir(parents=True, exist_ok=True)
        trained.fast.save(output / "fast.npz")
        trained.default.save(output / "default.npz")
        text = manifest(
            trained,
            data_sha256=data_hash(data),
            date=dt.datetime.now(dt.UTC).date().isoformat(),
            files={"fast": "fast.npz", "default": "default.npz"},
        )
        (output / "manifest.json").write_text(text, encoding="utf-8")
        for name, scores in trained.report["val_macro_f1"].items():
            line = " ".join(f"{lang}={value:.3f}" for lang, value in scores.items())
            self.stdout.write(f"val macro-F1 {name}: {line}")

    def _lines(self, path: Path | None) -> TextIO:
        if path is None:
            return sys.stdin
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        return path.open(encoding="utf-8")

    def _classify(self, options: dict[str, Any]) -> None:
        from icc.barometer.text import classify
        from icc.barometer.text.language import country_languages

        prior = country_languages(options["country"])

        def flush(batch: list[str]) -> None:
            priors = [prior] * len(batch) if prior else None
            results = classify(batch, model=options["model"], priors=priors, signals=False)
            for result in results:
                self.stdout.write(json.dumps(result.public(), ensure_ascii=False))

        with self._lines(options["file"]) as stream:
            batch: list[str] = []
            for line in stream:
                batch.append(line.rstrip("\r\n"))
                if len(batch) >= BATCH:
                    flush(batch)
                    batch = []
            if batch:
                flush(batch)

    def _evaluate(self, options: dict[str, Any]) -> None:
        from icc.barometer.text.evaluate import evaluate

        with self._lines(options["file"]) as stream:
            try:
                scores = evaluate(stream, model=options["model"])
            except ValueError as error:
                raise CommandError(str(error)) from error
        for lang, value in scores.items():
            self.stdout.write(f"{lang}\tmacro-F1 {value:.3f}")

    def _import(self, options: dict[str, Any], kind: str) -> None:
        from icc.barometer.services import posts_import, sensing_import
        from icc.core.tabular import TabularFileError

        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        with path.open("rb") as file:
            try:
                if kind == "posts":
                    outcome = posts_import(
                        file=file,
                        filename=path.name,
                        source=options["source"],
                        place=options["place"],
                    )
                else:
                    outcome = sensing_import(file=file, filename=path.name)
            except TabularFileError as error:
                raise CommandError(str(error)) from error
        quarantine = options["quarantine"] or path.with_name(path.name + ".quarantine.jsonl")
        if outcome.quarantined:
            outcome.quarantine.write(quarantine)
        self.stdout.write(
            f"{outcome.read} lines read: {outcome.added} added, {outcome.existing} already there, "
            f"{outcome.quarantined} quarantined"
            + (f" ({quarantine})" if outcome.quarantined else "")
        )

    def _import_posts(self, options: dict[str, Any]) -> None:
        self._import(options, "posts")

    def _import_sensing(self, options: dict[str, Any]) -> None:
        self._import(options, "sensing")

    def _run(self, options: dict[str, Any]) -> None:
        from icc.barometer.services import barometer_run_recorded

        def bar(done: int, total: int, what: str) -> None:
            width = 30
            filled = width * done // total if total else width
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {what[:60]:<60}")
            sys.stderr.flush()

        outcome = barometer_run_recorded(
            scheduler=options["scheduler"],
            model=options["model"],
            chunk_size=options["chunk_size"],
            progress=bar,
        )
        sys.stderr.write("\n")
        self.stdout.write(
            f"{outcome.processed} posts classified, {outcome.cells} cells "
            f"({outcome.hidden} hidden: fewer posts than the threshold), "
            f"{outcome.texts_cleared} texts cleared"
        )

    def _demo(self, options: dict[str, Any]) -> None:
        from icc.barometer.demo import barometer_demo_load

        for line in barometer_demo_load():
            self.stdout.write(line)
