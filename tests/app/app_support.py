"""What the explorer's tests share: paths, and the seed store as `govkg build` writes it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "gazettes" / "shuozhou-2023-04.txt"
THREE_CITIES = ROOT / "tests" / "fixtures" / "three_cities"
APP = str(ROOT / "streamlit_app.py")


def build_seed_store(path: Path) -> Path:
    """The store `govkg build data/gazettes/shuozhou-2023-04.txt --store PATH` writes."""
    from extract.pipeline import extract_paths
    from graph.folder import write_store
    from graph.resolve import resolve

    result = extract_paths([str(SEED)])
    assertions, _ = resolve(result.assertions, result.documents)
    write_store(path, assertions, result.documents)
    return path


def build_three_cities_store(path: Path) -> Path:
    """The store `govkg build tests/fixtures/three_cities/` writes: 云川市, 岭东市, 桐溪市."""
    from extract.pipeline import extract_paths
    from graph.folder import write_store
    from graph.resolve import resolve

    result = extract_paths([str(p) for p in sorted(THREE_CITIES.glob("*.txt"))])
    assertions, _ = resolve(result.assertions, result.documents)
    write_store(path, assertions, result.documents)
    return path
