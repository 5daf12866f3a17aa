"""graph.folder: the store folder is written whole and swapped in; a killed build changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from seed_graph import ASSERTIONS, DOCUMENTS, EXPECTED, by_id

from graph.folder import ASSERTIONS as ASSERTIONS_FILE
from graph.folder import DATABASE, DOCUMENTS as DOCUMENTS_FILE, MANIFEST, StoreFolder, recover, write_store
from graph.stores import StoreError

ROOT = Path(__file__).resolve().parents[2]


def _files(path: Path) -> dict[str, bytes]:
    return {name: (path / name).read_bytes() for name in (ASSERTIONS_FILE, DOCUMENTS_FILE, MANIFEST)}


def test_store_folder_write_and_read_back(tmp_path: Path) -> None:
    store = tmp_path / ".govkg"
    report = write_store(store, ASSERTIONS, DOCUMENTS)
    assert sorted(p.name for p in store.iterdir()) == sorted([ASSERTIONS_FILE, DOCUMENTS_FILE, DATABASE, MANIFEST])
    folder = StoreFolder(store)
    assert sorted(folder.assertions(), key=repr) == sorted(ASSERTIONS, key=repr)
    assert sorted(folder.documents(), key=repr) == sorted(DOCUMENTS, key=repr)
    assert folder.manifest()["labels"] == report.labels
    with folder.view() as view:
        params, expected = EXPECTED["supervisors_of"]
        assert view.query("supervisors_of", by_id(view, "supervisors_of", params)) == expected
    assert [p.name for p in tmp_path.iterdir()] == [".govkg"]  # no temporaries left


def test_store_folder_build_twice_is_identical(tmp_path: Path) -> None:
    write_store(tmp_path / "a", ASSERTIONS, DOCUMENTS)
    write_store(tmp_path / "b", list(reversed(ASSERTIONS)), list(reversed(DOCUMENTS)))
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    with StoreFolder(tmp_path / "a").view() as a, StoreFolder(tmp_path / "b").view() as b:
        for name, (params, _) in EXPECTED.items():
            assert a.query(name, params) == b.query(name, params)
        query = "MATCH (n)-[r]->(m) RETURN n.id, type(r), r.id, r.docs, r.status, m.id ORDER BY r.id"
        assert a.cypher(query).rows == b.cypher(query).rows


def test_store_folder_rebuild_replaces_the_store(tmp_path: Path) -> None:
    store = tmp_path / "s"
    write_store(store, ASSERTIONS[:3], DOCUMENTS)
    write_store(store, ASSERTIONS, DOCUMENTS)
    assert StoreFolder(store).manifest()["assertions"] == len(ASSERTIONS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_store_folder_failed_build_leaves_previous_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s"
    write_store(store, ASSERTIONS, DOCUMENTS)
    before = _files(store)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("graph.stores.ladybug_store.LadybugStore.write", boom)
    with pytest.raises(RuntimeError):
        write_store(store, ASSERTIONS[:2], DOCUMENTS)
    assert _files(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_store_folder_killed_build_leaves_previous_store(tmp_path: Path) -> None:
    store = tmp_path / "s"
    write_store(store, ASSERTIONS, DOCUMENTS)
    before = _files(store)
    # A build that hangs inside the database load, then is killed with SIGKILL.
    script = textwrap.dedent(f"""
        import sys, time
        sys.path[:0] = [{str(ROOT)!r}, {str(Path(__file__).parent)!r}]
        from seed_graph import ASSERTIONS, DOCUMENTS
        import graph.stores.ladybug_store as lb
        def hang(self, graph):
            print("loading", flush=True)
            time.sleep(60)
        lb.LadybugStore.write = hang
        from graph.folder import write_store
        write_store({str(store)!r}, ASSERTIONS[:2], DOCUMENTS)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "loading"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _files(store) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "s"]
    assert leftovers == [f".s.tmp-{proc.pid}"]
    StoreFolder(store)  # opening cleans up after the dead build
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_store_folder_recovers_a_kill_between_the_two_renames(tmp_path: Path) -> None:
    store = tmp_path / "s"
    write_store(store, ASSERTIONS, DOCUMENTS)
    before = _files(store)
    dead = _dead_pid()
    os.rename(store, tmp_path / f".s.old-{dead}")  # set aside, new one never renamed in
    recover(store)
    assert _files(store) == before


def test_store_folder_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="govkg build"):
        StoreFolder(tmp_path / "none").assertions()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    time.sleep(0.05)
    return proc.pid
