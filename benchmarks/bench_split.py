"""How fast gazettes are read and split: the seed gazette repeated to 50 MB, in one file.

Times the three stages apart, on one core: loading (read, detect the encoding, check the
text), splitting into documents (with the contents cross-check), and normalising every
document (what extractors match on). Target: load + split at 5 MB/s or more. The result
is checked too: every copy of the seed must give its 16 documents.

    .venv/bin/python benchmarks/bench_split.py            # 50 MB
    .venv/bin/python benchmarks/bench_split.py --mb 10 --encoding gb18030 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.load import load_source  # noqa: E402
from extract.split import split_source  # noqa: E402

SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"
TARGET_MB_S = 5.0


def build(path: Path, megabytes: float, encoding: str = "utf-8") -> int:
    """Write the seed gazette repeated to at least `megabytes`; returns the copies written."""
    seed = (SEED.read_text(encoding="utf-8").rstrip("\n") + "\n\n").encode(encoding)
    copies = max(1, int(megabytes * 1e6 // len(seed)) + 1)
    with path.open("wb") as fh:
        for _ in range(copies):
            fh.write(seed)
    return copies


def run(path: Path, copies: int) -> dict[str, float]:
    size_mb = path.stat().st_size / 1e6
    t0 = time.perf_counter()
    src = load_source(path, max_bytes=10**10)
    t1 = time.perf_counter()
    docs, report = split_source(src)
    t2 = time.perf_counter()
    chars = 0
    for doc in docs:
        chars += len(doc.norm.text)
        doc._norm = None  # keep memory flat: the norm of 50 MB at once is not what extraction holds
    t3 = time.perf_counter()
    if len(docs) != 16 * copies or report.missing_from_body:
        raise SystemExit(f"wrong result: {len(docs)} documents for {copies} copies, missing {report.missing_from_body[:3]}")
    return {"size_mb": size_mb, "load": t1 - t0, "split": t2 - t1, "normalize": t3 - t2, "docs": len(docs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the test file in MB (default 50)")
    parser.add_argument("--encoding", default="utf-8", help="write the test file in this encoding (e.g. gb18030)")
    parser.add_argument("--profile", action="store_true", help="print the hottest functions (cProfile)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazettes.txt"
        copies = build(path, args.mb, args.encoding)
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
        r = run(path, copies)
        if args.profile:
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    mb = r["size_mb"]
    print(f"{mb:.1f} MB ({args.encoding}), {copies} copies of the seed gazette, {r['docs']} documents")
    for stage in ("load", "split", "normalize"):
        print(f"  {stage:<14}{r[stage]:7.2f} s  {mb / r[stage]:7.1f} MB/s")
    ls = r["load"] + r["split"]
    print(f"  {'load+split':<14}{ls:7.2f} s  {mb / ls:7.1f} MB/s   (target {TARGET_MB_S:.0f} MB/s)")
    total = ls + r["normalize"]
    print(f"  {'all three':<14}{total:7.2f} s  {mb / total:7.1f} MB/s")
    return 0 if mb / ls >= TARGET_MB_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
