"""Posts per second of the barometer's classification (language + sentiment + trust signals):
the fast and the default model, in-process and on a Dask LocalCluster of 1 and 2 worker
processes (one thread each), with the 2/1 ratio.
The embedding engine runs one thread too (``OMP_NUM_THREADS=1``).

Both cluster runs go through ``classify_chunks``, the path of ``icc barometer run --scheduler``
(its client connects to the cluster and sets up the workers; the connection is outside the clock
for the warm-up, inside it for the measured run, as in a real run).

The posts are short sentences in eight languages, varied so that no two are the same. Each
worker loads the models in a warm-up task before the clock starts. Set BAROMETER_BENCH_FAST
and BAROMETER_BENCH_DEFAULT to change the number of posts.
"""

import os
import time

# One thread per worker (the embedding engine would otherwise use every core in each worker).
os.environ.setdefault("OMP_NUM_THREADS", "1")

from distributed import LocalCluster

from icc.barometer.pipeline import Chunk, classify_chunk, classify_chunks

SENTENCES = [
    "Thank you neighbours for the lovely party in the park today",
    "Tack till alla grannar för den fina festen i parken idag",
    "Дякуємо сусідам за чудове свято в парку сьогодні",
    "Gracias a los vecinos por la fiesta tan bonita en el parque",
    "Merci aux voisins pour la belle fête au parc aujourd'hui",
    "Danke an die Nachbarn für das schöne Fest im Park heute",
    "I hate how those people ruin the square every night",
    "La mairie publie les horaires d'été de la médiathèque",
]


def posts(n: int) -> list[str]:
    return [f"{SENTENCES[i % len(SENTENCES)]} #{i} {i * 7919 % 1000}" for i in range(n)]


def chunks(texts: list[str], size: int) -> list[Chunk]:
    return [
        Chunk(
            ids=list(range(s, s + size)),
            texts=texts[s : s + size],
            languages=[None] * len(texts[s : s + size]),
        )
        for s in range(0, len(texts), size)
    ]


def in_process(model: str, n: int, size: int) -> float:
    work = chunks(posts(n), size)
    classify_chunk(work[0], model)  # loads the models
    start = time.perf_counter()
    for chunk in work:
        classify_chunk(chunk, model)
    return n / (time.perf_counter() - start)


def on_cluster(model: str, n: int, size: int, workers: int) -> float:
    work = chunks(posts(n), size)
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        # The pipeline's own path (``icc barometer run --scheduler``): its client, its worker setup.
        address = cluster.scheduler_address
        list(classify_chunks(chunks(posts(workers * 4), 4), scheduler=address, model=model))
        start = time.perf_counter()
        list(classify_chunks(work, scheduler=address, model=model))
        return n / (time.perf_counter() - start)


def main() -> None:
    sizes = {
        "fast": (int(os.environ.get("BAROMETER_BENCH_FAST", "60000")), 5000),
        "default": (int(os.environ.get("BAROMETER_BENCH_DEFAULT", "200")), 25),
    }
    for model, (n, size) in sizes.items():
        rate = in_process(model, n, size)
        print(f"barometer classify {model}: in-process, 1 core: {rate:,.0f} posts/s ({n} posts)")
        one = on_cluster(model, n, size, 1)
        print(f"barometer classify {model}: 1 Dask worker: {one:,.0f} posts/s")
        two = on_cluster(model, n, size, 2)
        print(
            f"barometer classify {model}: 2 Dask workers: {two:,.0f} posts/s "
            f"(2/1 = {two / one:.2f})"
        )


if __name__ == "__main__":
    main()
