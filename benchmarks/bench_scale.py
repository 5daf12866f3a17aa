"""End-to-end scale: read, split, extract, resolve and build the store on generated corpora.

For each size (gazettes from benchmarks/corpus.py, cached in a temporary folder) and each
number of workers, a fresh process runs what `govkg build --full --workers w` runs
(`graph.update.update_store`: extract, resolve, write JSONL and LadybugDB), so that its peak
memory is that configuration's own. Then one more gazette is added to the largest store
and one document removed, as `govkg build` and `govkg remove` do. Targets: at least 1 MB/s per core end
to end, time growing about linearly with size, peak memory under 4 GB at 1000 gazettes.
`--push` also times `govkg push` of the largest store into a private Neo4j server
(scripts/neo4j_server.py) and checks that Neo4j then holds the store's counts.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 100,300,1000] [--workers 1,2] [--json out.json] [--push]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write_corpus  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "govkg-bench-scale"
GOVKG = ROOT / ".venv" / "bin" / "govkg"
TARGET_MB_S_PER_CORE = 1.0
TARGET_PEAK_MB = 4000
LINEAR_SLACK = 1.25  # time ratio / size ratio up to this counts as near-linear


def corpus_paths(gazettes: int) -> list[Path]:
    """The first `gazettes` of the cached corpus; a changed generator gets a new cache."""
    version = hashlib.sha1((ROOT / "benchmarks" / "corpus.py").read_bytes()).hexdigest()[:10]
    return write_corpus(CACHE / f"corpus-{version}", gazettes)


def measure(paths: list[str], workers: int, store: Path) -> dict[str, Any]:
    """One configuration, in this process: what `govkg build` does (graph.update.update_store:
    extract, fold copies, resolve, write records and the LadybugDB database), stage timings,
    counts and peak memory."""
    from graph.update import update_store

    t0 = time.perf_counter()
    report = update_store(store, paths, workers=workers, full=True)
    t1 = time.perf_counter()
    assert report.store is not None
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker
    return {"extract_s": report.seconds["extract"], "resolve_s": report.seconds["resolve"],
            "store_s": report.seconds["store"], "total_s": t1 - t0,
            "documents": report.store.documents, "assertions": report.store.build.assertions,
            "problems": len(report.problems),
            "nodes": sum(report.store.labels.values()), "relationships": sum(report.store.types.values()),
            "rss_main_mb": own, "rss_worker_mb": workers_peak, "peak_rss_mb": own + workers_peak}


def measure_update(paths: list[str], extra: str, store: Path) -> dict[str, Any]:
    """On a built store: add one new gazette (`extra`), then remove one of its documents;
    both as `govkg build` and `govkg remove` do them."""
    from graph.folder import StoreFolder
    from graph.update import remove_documents, update_store

    t0 = time.perf_counter()
    added = update_store(store, paths + [extra])
    t1 = time.perf_counter()
    number = next(d.number for d in StoreFolder(store).documents() if d.source == extra and d.number)
    remove_documents(store, [number])
    t2 = time.perf_counter()
    return {"add_s": t1 - t0, "add_read": added.files_read, "add_skipped": len(added.files_unchanged),
            "add_seconds": added.seconds, "remove_s": t2 - t1, "removed": number}


def run_configuration(gazettes: int, workers: int, store: Path) -> dict[str, Any]:
    """`measure` in a fresh Python process; its result with the corpus size added."""
    paths = corpus_paths(gazettes)
    cmd = [sys.executable, __file__, "--measure", str(gazettes), str(workers), str(store)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row.update(gazettes=gazettes, workers=workers, mb=sum(p.stat().st_size for p in paths) / 1e6)
    row["mb_s"] = row["mb"] / row["total_s"]
    row["mb_s_core"] = row["mb_s"] / workers
    row["docs_s"] = row["documents"] / row["total_s"]
    return row


def print_table(rows: list[dict[str, Any]]) -> None:
    head = (f"{'gazettes':>8} {'MB':>7} {'workers':>7} {'extract s':>9} {'resolve s':>9} {'store s':>8} "
            f"{'total s':>8} {'MB/s':>6} {'MB/s/core':>9} {'docs/s':>7} {'assertions':>10} {'peak RSS MB':>11}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['gazettes']:>8} {r['mb']:>7.1f} {r['workers']:>7} {r['extract_s']:>9.1f} {r['resolve_s']:>9.1f} "
              f"{r['store_s']:>8.1f} {r['total_s']:>8.1f} {r['mb_s']:>6.2f} {r['mb_s_core']:>9.2f} "
              f"{r['docs_s']:>7.0f} {r['assertions']:>10,} {r['peak_rss_mb']:>11,.0f}")


def print_growth(rows: list[dict[str, Any]]) -> list[float]:
    """Time against size for each worker count, from the smallest size; the ratios of ratios."""
    print("\nGrowth (against the smallest size; time/size 1.00 = linear)")
    print(f"{'workers':>7} {'gazettes':>8} {'s/MB':>6} {'size x':>7} {'time x':>7} {'time/size':>9}")
    slopes = []
    for w in sorted({r["workers"] for r in rows}):
        mine = sorted((r for r in rows if r["workers"] == w), key=lambda r: r["gazettes"])
        base = mine[0]
        for r in mine:
            size_x, time_x = r["mb"] / base["mb"], r["total_s"] / base["total_s"]
            print(f"{w:>7} {r['gazettes']:>8} {r['total_s'] / r['mb']:>6.2f} {size_x:>7.2f} {time_x:>7.2f} "
                  f"{time_x / size_x:>9.2f}")
            if r is not base:
                slopes.append(time_x / size_x)
    return slopes


def print_verdict(rows: list[dict[str, Any]], slopes: list[float]) -> None:
    def mark(ok: bool) -> str:
        return "met" if ok else "MISSED"

    slowest = min(rows, key=lambda r: r["mb_s_core"])
    print("\nVerdict")
    print(f"  >= {TARGET_MB_S_PER_CORE:g} MB/s per core end to end: {mark(slowest['mb_s_core'] >= TARGET_MB_S_PER_CORE)} "
          f"(lowest {slowest['mb_s_core']:.2f} at {slowest['gazettes']} gazettes, {slowest['workers']} worker(s))")
    if slopes:
        print(f"  near-linear growth (time/size <= {LINEAR_SLACK}): {mark(max(slopes) <= LINEAR_SLACK)} "
              f"(worst {max(slopes):.2f})")
    largest = max(r["gazettes"] for r in rows)
    peak = max(r["peak_rss_mb"] for r in rows if r["gazettes"] == largest)
    print(f"  peak memory < {TARGET_PEAK_MB:,} MB at {largest} gazettes: {mark(peak < TARGET_PEAK_MB)} "
          f"({peak:,.0f} MB: main process + its largest worker)")
    problems = sum(r["problems"] for r in rows)
    if problems:
        print(f"  note: {problems} problems reported while reading (the corpus should give none)")


def push(store: Path) -> dict[str, Any]:
    """Time `govkg push` of `store` into a private Neo4j and compare its counts with the store's."""
    spec = importlib.util.spec_from_file_location("neo4j_server", ROOT / "scripts" / "neo4j_server.py")
    ns = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ns)
    os.environ.setdefault("GOVKG_NEO4J_HEAP", "1g")
    os.environ.setdefault("GOVKG_NEO4J_PAGECACHE", "512m")
    server = ns.start_server(log=lambda msg: print(f"[neo4j] {msg}", file=sys.stderr))
    try:
        env = {**os.environ, **server.env()}
        started = time.perf_counter()
        done = subprocess.run([str(GOVKG), "push", "--store", str(store)], env=env, check=True,
                              stdout=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        print(done.stdout)  # the command's own table: seconds for the nodes and the relationships
        manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
        in_neo4j = _neo4j_counts(server.info(), manifest["labels"], manifest["types"])
    finally:
        server.stop()
    rels = sum(manifest["types"].values())
    return {"seconds": seconds, "nodes": sum(manifest["labels"].values()), "relationships": rels,
            "rels_s": rels / seconds, "counts_match": in_neo4j == {**manifest["labels"], **manifest["types"]},
            "neo4j_counts": in_neo4j}


def _neo4j_counts(info: dict[str, str], labels: dict[str, int], types: dict[str, int]) -> dict[str, int]:
    import neo4j

    counts = {}
    with neo4j.GraphDatabase.driver(info["uri"], auth=(info["user"], info["password"])) as driver:
        with driver.session() as s:
            for label in labels:  # names from the schema, quoted
                counts[label] = s.run(f"MATCH (n:`{label}`) RETURN count(n) AS c").single()["c"]
            for rtype in types:
                counts[rtype] = s.run(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r) AS c").single()["c"]
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,300,1000", help="corpus sizes in gazettes, comma-separated")
    ap.add_argument("--workers", default="1,2", help="worker processes to try, comma-separated")
    ap.add_argument("--json", type=Path, help="also write the results to this file")
    ap.add_argument("--push", action="store_true", help="also time govkg push of the largest store into Neo4j")
    ap.add_argument("--measure", nargs=3, metavar=("GAZETTES", "WORKERS", "STORE"), help=argparse.SUPPRESS)
    ap.add_argument("--measure-update", nargs=2, metavar=("GAZETTES", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:  # one configuration, in the fresh process run_configuration started
        gazettes, workers, store = args.measure
        paths = [str(p) for p in corpus_paths(int(gazettes))]
        print(json.dumps(measure(paths, int(workers), Path(store))))
        return
    if args.measure_update:
        gazettes, store = args.measure_update
        every = [str(p) for p in corpus_paths(int(gazettes) + 1)]
        print(json.dumps(measure_update(every[:-1], every[-1], Path(store))))
        return

    sizes = sorted(int(s) for s in args.sizes.split(","))
    workers = sorted(int(w) for w in args.workers.split(","))
    for size in sizes:
        corpus_paths(size)  # generated once, before anything is timed
    stores = Path(tempfile.mkdtemp(prefix="stores-", dir=CACHE))
    rows: list[dict[str, Any]] = []
    update: dict[str, Any] | None = None
    pushed: dict[str, Any] | None = None
    try:
        for size in sizes:
            for w in workers:
                rows.append(run_configuration(size, w, stores / f"store-{size}-{w}"))
                print(f"  {size} gazettes, {w} workers: {rows[-1]['total_s']:.1f} s", file=sys.stderr)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\ngovkg scale benchmark: ingest + extract + resolve + store "
              f"({os.cpu_count()} CPUs, load average {load} at the end)\n")
        print_table(rows)
        slopes = print_growth(rows)
        print_verdict(rows, slopes)
        largest = stores / f"store-{sizes[-1]}-{workers[0]}"
        corpus_paths(sizes[-1] + 1)
        done = subprocess.run([sys.executable, __file__, "--measure-update", str(sizes[-1]), str(largest)],
                              stdout=subprocess.PIPE, text=True, check=True)
        update = json.loads(done.stdout.strip().splitlines()[-1])
        full = next(r for r in rows if r["gazettes"] == sizes[-1] and r["workers"] == workers[0])
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in update["add_seconds"].items())
        print(f"\nIncremental, on the {sizes[-1]}-gazette store: one new gazette added in {update['add_s']:.1f} s "
              f"({update['add_read']} file read, {update['add_skipped']} skipped; {stages}) against "
              f"{full['total_s']:.1f} s for the full build; one document removed ({update['removed']}) in "
              f"{update['remove_s']:.1f} s")
        if args.push:
            pushed = push(stores / f"store-{sizes[-1]}-{workers[0]}")
            print(f"\ngovkg push of the {sizes[-1]}-gazette store into Neo4j: {pushed['nodes']:,} nodes, "
                  f"{pushed['relationships']:,} relationships in {pushed['seconds']:.1f} s (the whole command) = "
                  f"{pushed['rels_s']:,.0f} relationships/s; counts in Neo4j match the store: "
                  f"{'yes' if pushed['counts_match'] else 'NO'}")
    finally:
        shutil.rmtree(stores, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "incremental": update, "push": pushed}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
