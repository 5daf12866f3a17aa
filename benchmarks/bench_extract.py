"""End-to-end extraction speed: read, split, extract and resolve the seed gazette
repeated to a target size (default 50 MB). Target: at least 1.5 MB/s on one core.

    .venv/bin/python benchmarks/bench_extract.py [--mb 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.pipeline import extract_paths  # noqa: E402
from graph.resolve import resolve  # noqa: E402

SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="size of the input in MB")
    ap.add_argument("--memory", action="store_true", help="also trace peak Python memory (slower)")
    args = ap.parse_args()
    seed = SEED.read_text(encoding="utf-8") + "\n"
    copies = max(1, int(args.mb * 1e6 / len(seed.encode("utf-8"))))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big-gazette.txt"
        path.write_text(seed * copies, encoding="utf-8")
        size = path.stat().st_size / 1e6
        if args.memory:
            tracemalloc.start()
        t0 = time.perf_counter()
        result = extract_paths([str(path)])
        t1 = time.perf_counter()
        assertions, _ = resolve(result.assertions, result.documents)
        t2 = time.perf_counter()
        peak = tracemalloc.get_traced_memory()[1] / 1e6 if args.memory else float("nan")
    total = t2 - t0
    print(f"{'input':<28}{size:>10.1f} MB ({copies} copies of the seed gazette)")
    print(f"{'documents':<28}{len(result.documents):>10}")
    print(f"{'facts':<28}{len(assertions):>10}")
    print(f"{'read+split+extract':<28}{t1 - t0:>10.2f} s")
    print(f"{'resolve':<28}{t2 - t1:>10.2f} s")
    print(f"{'end to end':<28}{size / total:>10.2f} MB/s   (target >= 1.5 MB/s)")
    print(f"{'documents per second':<28}{len(result.documents) / total:>10.1f}")
    if args.memory:
        print(f"{'peak Python memory':<28}{peak:>10.1f} MB")


if __name__ == "__main__":
    main()
