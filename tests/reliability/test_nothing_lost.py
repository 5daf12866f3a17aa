"""Nothing lost: a killed build, a Neo4j server that goes away, an upload that fails.

* `govkg build` on a synthetic corpus is killed with SIGKILL at each stage of writing the
  store (while extracting, writing the records, staging Parquet, inside LadybugDB's load
  and checkpoint, just before the swap): the previous store is still readable with the
  same bytes and counts, what the dead build left is cleaned up on the next open, and the
  next build succeeds.
* `govkg push` to a Neo4j server that is killed mid-push reports it in one line (exit 1,
  no traceback); after the server restarts on its data, a second push completes with the
  graph's exact counts. A dedicated server is used, so the shared one is never stopped.
* The explorer's uploads (app/uploads.py): size, type and name checked; a file that fails
  to parse leaves the store and the uploads folder as they were.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hostile_files import CASES, NOTICE, write_case
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_support import GOVKG, ROOT, SEED, fingerprint, govkg, graph_counts, neo4j_env, no_traceback

from graph.folder import StoreFolder

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

CORPUS_GAZETTES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, CORPUS_GAZETTES)
    return folder


# -- a build killed half-way ----------------------------------------------------------------------

# Each stage: what shows that the build is in it (files inside the temporary folder the
# store is written to), or a time after the start for the extraction, which writes nothing.
STAGES: list[tuple[str, Any]] = [
    ("extracting", 1.0),
    ("writing the records", "assertions.jsonl"),
    ("staging Parquet", ".copy-"),
    ("LadybugDB loading", "graph.lbug.wal"),
    ("LadybugDB checkpoint", "graph.lbug.shadow"),
    ("manifest written, before the swap", "manifest.json"),
]


def _build(corpus: Path, store: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.Popen([str(GOVKG), "build", str(corpus), "--store", str(store), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def _kill_at(proc: subprocess.Popen[bytes], store: Path, sign: Any, limit: float = 120) -> bool:
    """SIGKILL `proc` when the stage's sign appears; False if it finished first."""
    tmp = store.parent / f".{store.name}.tmp-{proc.pid}"
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() - started < limit:
        if isinstance(sign, float):
            hit = time.monotonic() - started >= sign
        else:
            try:
                hit = any(name.startswith(sign) for name in os.listdir(tmp))
            except OSError:
                hit = False
        if hit:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.0005)
    proc.wait()
    return False


@pytest.mark.slow
def test_build_killed_at_every_stage_leaves_the_previous_store(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = govkg("build", str(SEED), "--store", str(store), "--no-progress")
    assert first.code == 0, first.stderr
    before, counts = fingerprint(store), graph_counts(store)
    seed_counts = counts
    killed = []
    for stage, sign in STAGES:
        proc = _build(corpus, store)
        if not _kill_at(proc, store, sign):
            continue  # this machine went past the stage between two looks: nothing to test
        killed.append(stage)
        leftovers = {p.name for p in tmp_path.iterdir() if p.name != "store"}
        assert leftovers <= {f".store.tmp-{proc.pid}", f".store.old-{proc.pid}"}, leftovers
        folder = StoreFolder(store)  # what a reader opens: it puts back a store set aside, removes the rest
        assert [p.name for p in tmp_path.iterdir()] == ["store"], f"left behind after {stage}"
        if fingerprint(store) != before:
            # killed after the swap: then the new store is whole, never a mix of the two
            assert stage == STAGES[-1][0], f"killed while {stage}: the store changed"
            manifest = folder.manifest()
            assert graph_counts(store) == (sum(manifest["labels"].values()), sum(manifest["types"].values()))
            before, counts = fingerprint(store), graph_counts(store)
        assert graph_counts(store) == counts  # readable, the same graph
    assert len(killed) >= 4, f"only killed while: {killed}"
    # and the next build, uninterrupted, replaces the store
    again = govkg("build", str(corpus), "--store", str(store), "--no-progress")
    no_traceback(again)
    assert again.code == 0, again.stderr
    manifest = StoreFolder(store).manifest()
    nodes, rels = graph_counts(store)
    assert nodes == sum(manifest["labels"].values()) and rels == sum(manifest["types"].values())
    assert nodes > seed_counts[0]
    print(f"\nkilled while: {'; '.join(killed)}")
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


@pytest.mark.slow
def test_first_build_killed_leaves_no_store_and_the_next_one_succeeds(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    proc = _build(corpus, store)
    assert _kill_at(proc, store, "graph.lbug")
    assert not store.exists()
    from graph.stores import StoreError

    with pytest.raises(StoreError, match="govkg build"):
        StoreFolder(store).assertions()
    assert [p.name for p in tmp_path.iterdir()] == []
    again = govkg("build", str(corpus), "--store", str(store), "--no-progress")
    assert again.code == 0, again.stderr
    assert graph_counts(store)[0] > 0


# -- a Neo4j push interrupted by the server going away -------------------------------------------


def _neo4j_module() -> Any:
    """scripts/neo4j_server.py, imported by path under the name tests/conftest.py gives it."""
    import importlib.util

    name = "govkg_scripts_neo4j_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "neo4j_server.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _relaunch(ns: Any, server: Any) -> Any:
    """Start Neo4j again on the same folder (its data, port and password), as after a crash."""
    java = ns.require_java()
    version, lib = ns.ensure_jars(log=lambda msg: None)
    heap = os.environ.get("GOVKG_NEO4J_HEAP", "512m")
    cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *ns.JVM_OPTIONS, "-cp", f"{lib}{os.sep}*", ns.ENTRY_POINT,
           f"--home-dir={server.workdir}", f"--config-dir={server.workdir / 'conf'}", "--console-mode"]
    env = dict(os.environ, NEO4J_HOME=str(server.workdir), NEO4J_CONF=str(server.workdir / "conf"))
    with open(server.log_path, "a") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                cwd=server.workdir, start_new_session=True, preexec_fn=ns._pdeathsig)
    again = ns.Server(pid=proc.pid, port=server.port, password=server.password, workdir=server.workdir,
                      version=version, proc=proc)
    driver = ns._import_driver()
    deadline = time.monotonic() + 180
    while True:
        ok, problem = ns._ready(again, driver)
        if ok:
            return again
        if proc.poll() is not None or time.monotonic() > deadline:
            again.stop()
            raise RuntimeError(f"Neo4j did not come back: {problem}")
        time.sleep(0.25)


def _server_counts(info: dict[str, str]) -> tuple[int, int]:
    from graph.stores.neo4j_store import Neo4jView

    with Neo4jView(**info) as view:
        (row,) = view.cypher("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n), count(r)").rows
    return int(row[0]), int(row[1])


@pytest.mark.neo4j
@pytest.mark.slow
def test_push_interrupted_by_the_server_going_away_then_completed(corpus: Path, tmp_path: Path) -> None:
    ns = _neo4j_module()
    if ns.find_java() is None or (ns.cached_version() is None and ns.find_mvn() is None):
        pytest.skip("a dedicated Neo4j server needs Java (and Maven the first time)")
    store = tmp_path / "store"
    assert govkg("build", str(corpus), "--store", str(store), "--no-progress").code == 0
    graph = StoreFolder(store).graph().graph
    expected = (graph.number_of_nodes(), graph.number_of_edges())

    from graph.stores.neo4j_store import Neo4jView

    server = ns.start_server(log=lambda msg: None)
    try:
        info = server.info()
        env = neo4j_env(info)
        push = subprocess.Popen([str(GOVKG), "push", "--store", str(store), "--batch-size", "50"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**{k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")},
                                     **env, "NO_COLOR": "1", "COLUMNS": "200"})
        deadline = time.monotonic() + 120
        with Neo4jView(**info) as watch:
            while not watch.cypher("MATCH (n) RETURN count(n) > 0").rows[0][0]:
                assert push.poll() is None, "the push finished before the server could be stopped"
                assert time.monotonic() < deadline
                time.sleep(0.01)
        os.kill(server.pid, signal.SIGKILL)  # the first batches are in: take the server away
        server.proc.wait()
        out, err = push.communicate(timeout=300)
        assert push.returncode == 1, (out, err)
        assert "Traceback" not in out + err
        assert re.search(r"error push to bolt://\S+ stopped while .+", err), err
        assert "run the push again" in err
        # the driver's own log ("will be retried in …", "[#B038] … defunct connection") stays quiet
        assert "will be retried" not in err and not re.search(r"^\[#[0-9A-F]+\]", err, re.M), err

        server = _relaunch(ns, server)
        partial = _server_counts(info)
        assert 0 < partial[0] <= expected[0] and partial != expected  # what was written survived the crash
        print(f"\n{err.strip()}\nafter the restart: {partial} of {expected} (nodes, relationships)")
        again = govkg("push", "--store", str(store), env=env)
        no_traceback(again)
        assert again.code == 0, again.stderr
        assert _server_counts(info) == expected
        twice = govkg("push", "--store", str(store), env=env)  # and again: nothing doubled
        assert twice.code == 0 and _server_counts(info) == expected
    finally:
        server.stop()


@pytest.mark.neo4j
def test_push_to_a_server_that_is_not_there_is_one_line(seed_store: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = govkg("push", "--store", str(seed_store), "--neo4j", f"bolt://127.0.0.1:{port}", "--password", "x" * 10,
                timeout=120)
    no_traceback(run)
    assert run.code == 1 and "cannot reach Neo4j" in run.stderr


# -- the explorer's uploads ------------------------------------------------------------------------

UPLOAD_ERRORS = [c for c in CASES if c.outcome == "error" and Path(c.name).suffix in (".txt", ".pdf", ".docx", ".html")]


@pytest.fixture()
def upload_env(seed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GOVKG_UPLOADS", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.mark.parametrize("case", UPLOAD_ERRORS, ids=[c.id for c in UPLOAD_ERRORS])
def test_upload_that_fails_to_parse_leaves_everything_as_it_was(case: Any, seed_store: Path, upload_env: Path,
                                                                tmp_path: Path) -> None:
    from app import uploads

    before = fingerprint(seed_store)
    data = write_case(case, tmp_path).read_bytes()
    with pytest.raises(uploads.UploadError) as refused:
        uploads.preview(case.name, data)
    message = str(refused.value)
    assert "Traceback" not in message
    assert "图谱未改变" in message or "文件" in message  # said in Chinese, with the reason
    assert fingerprint(seed_store) == before
    assert not upload_env.exists() or list(upload_env.iterdir()) == []


@pytest.mark.parametrize("name", [
    "../../../etc/cron.d/x.txt", "..\\..\\windows\\system32\\x.txt", "．．／．．／etc／passwd.txt",
    "a\x00b.txt", "line\nbreak.txt", "<script>alert(1)</script>.html", "\u202egpj.txt", "x" * 500 + ".pdf",
    ".hidden.txt", "CON.txt", "名字 (1) [最终].docx", "%2e%2e%2fpasswd.txt", "$(rm -rf ~).txt", "~/x.txt",
])
def test_upload_names_are_sanitised(name: str) -> None:
    from app import uploads

    safe = uploads.safe_name(name, b"data")
    assert re.fullmatch(r"[\w\u4e00-\u9fff][\w\u4e00-\u9fff-]{0,59}-[0-9a-f]{8}\.(txt|pdf|docx|html|htm)", safe), safe
    assert "/" not in safe and "\\" not in safe and ".." not in safe and not safe.startswith(".")
    assert (uploads.uploads_dir() / safe).resolve().parent == uploads.uploads_dir().resolve()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["txt", "TXT", "pdf", "docx", "html", "htm", "exe", "", "tar.gz"]))
def test_upload_any_name_is_refused_or_kept_inside_the_uploads_folder(stem: str, ext: str) -> None:
    from app import uploads

    try:
        safe = uploads.safe_name(f"{stem}.{ext}" if ext else stem, b"x")
    except uploads.UploadError:
        return
    assert safe == Path(safe).name and not safe.startswith(".")
    assert Path(safe).suffix in uploads.ALLOWED_SUFFIXES


def test_upload_limits_are_checked_before_anything_runs(upload_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import uploads

    ran: list[Any] = []
    monkeypatch.setattr(uploads, "_run", lambda *a, **k: ran.append(a))
    for name, data, words in [("big.txt", b"x" * (uploads.MAX_BYTES + 1), "太大"), ("x.exe", b"MZ", "不支持"),
                              ("x.pdf", NOTICE.encode(), "不符"), ("x.docx", b"%PDF-1.4", "不符"),
                              ("x.txt", b"", "空")]:
        with pytest.raises(uploads.UploadError, match=words):
            uploads.preview(name, data)
    assert ran == [] and not upload_env.exists()


def test_upload_whose_build_fails_leaves_the_graph_and_keeps_nothing(seed_store: Path, upload_env: Path,
                                                                     tmp_path: Path) -> None:
    """The preview reads the file, then the build cannot write (the store path is a file
    in the way): the store, the uploads folder and the source files stay as they were."""
    from app import uploads

    preview = uploads.preview("通知.txt", NOTICE.encode())
    assert preview.assertions
    blocker = tmp_path / "not-a-store"
    blocker.write_text("in the way")
    outcome = uploads.add(preview, [SEED], blocker)
    assert not outcome.ok and "图谱未改变" in outcome.log
    assert blocker.read_text() == "in the way"
    assert list(upload_env.iterdir()) == []
