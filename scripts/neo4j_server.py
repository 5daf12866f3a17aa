#!/usr/bin/env python3
"""Fetch and run a real Neo4j Community 5.26 LTS server for tests, development and CI.

    python3 scripts/neo4j_server.py fetch             # download the jars once (Maven Central)
    python3 scripts/neo4j_server.py start             # start in the background, print the env
    python3 scripts/neo4j_server.py status            # exit 0 when running, 3 when not
    python3 scripts/neo4j_server.py env               # print the env of the running server
    python3 scripts/neo4j_server.py stop
    python3 scripts/neo4j_server.py run -- CMD ...    # private server around CMD

`start` prints `export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...` lines on stdout
(so `eval "$(python3 scripts/neo4j_server.py start)"` works); progress goes to stderr.
`run -- CMD` starts a private server, runs CMD with those variables exported, always
stops the server afterwards and returns CMD's exit code.

How it works (pure standard library, no Docker, no Neo4j tarball):
  * The jars of `org.neo4j:neo4j:5.26.x` and their runtime dependencies are copied by
    Maven (`maven-dependency-plugin:copy-dependencies` on a generated pom) into
    $GOVKG_NEO4J_HOME/lib (default ~/.cache/govkg/neo4j-5.26/lib), outside git: Neo4j is
    GPLv3, the jars are never committed. The newest 5.26.x is read from Maven Central's
    maven-metadata.xml (GOVKG_NEO4J_VERSION pins one). Later runs reuse the cache and need
    neither Maven nor the network.
  * Each server gets a fresh temporary folder (conf, data, logs) and a generated
    neo4j.conf: Bolt only, on 127.0.0.1 and a free port, HTTP/HTTPS off, heap 512m,
    page cache 256m. It runs `java -cp lib/* org.neo4j.server.CommunityEntryPoint
    --console-mode` directly (one JVM, no bootloader).
  * Auth is ENABLED: user `neo4j`, password generated per server (or --password), set
    before the first start with `org.neo4j.cli.AdminTool dbms set-initial-password`
    (the jar-level equivalent of `neo4j-admin dbms set-initial-password`).
  * Readiness: the server counts as up once the Python `neo4j` driver (when importable)
    runs `RETURN 1` with those credentials; without the driver, once the log says
    `Started.` and a Bolt handshake succeeds.

Environment: GOVKG_NEO4J_HOME (cache folder), GOVKG_NEO4J_VERSION (exact 5.26.x),
GOVKG_MAVEN_REPO (Maven repository URL, default Maven Central), GOVKG_NEO4J_HEAP (512m),
GOVKG_NEO4J_PAGECACHE (256m), GOVKG_NEO4J_FETCH_TIMEOUT (s, 1800),
GOVKG_NEO4J_START_TIMEOUT (s, 180), GOVKG_NEO4J_KEEP=1 (keep the temporary folder),
JAVA_HOME / GOVKG_JAVA (java to use), GOVKG_MVN (mvn to use).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

SERIES = "5.26"
# Used only when Maven Central's metadata cannot be read (the newest 5.26.x when written).
FALLBACK_VERSION = "5.26.30"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
DEFAULT_REPO = "https://repo.maven.apache.org/maven2"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
USER = "neo4j"
PROG = "neo4j_server"

JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


class Neo4jServerError(Exception):
    """A problem worth one clear line to the user (no traceback)."""


def _say(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr, flush=True)


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        raise Neo4jServerError(f"{name} must be a number of seconds, not {os.environ[name]!r}")


# --------------------------------------------------------------------------- locations

def home_dir() -> Path:
    env = os.environ.get("GOVKG_NEO4J_HOME")
    if env:
        return Path(env).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser().resolve() / "govkg" / f"neo4j-{SERIES}"


def lib_dir() -> Path:
    return home_dir() / "lib"


def state_file() -> Path:
    return home_dir() / "server.json"


# --------------------------------------------------------------------------- tools

def find_java() -> str | None:
    """The java to use: GOVKG_JAVA, else $JAVA_HOME/bin/java, else java on PATH."""
    explicit = os.environ.get("GOVKG_JAVA")
    if explicit:
        return explicit if Path(explicit).is_file() else shutil.which(explicit)
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


def find_mvn() -> str | None:
    return shutil.which(os.environ.get("GOVKG_MVN", "mvn"))


def java_major(java: str) -> int:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jServerError(f"cannot run {java} -version: {exc}")
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise Neo4jServerError(f"cannot tell the Java version from `{java} -version`")
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def require_java() -> str:
    java = find_java()
    if not java:
        raise Neo4jServerError("java not found: Neo4j 5.26 needs a JDK 17 or 21 on PATH (or JAVA_HOME)")
    major = java_major(java)
    if major < 17:
        raise Neo4jServerError(f"{java} is Java {major}; Neo4j 5.26 needs Java 17 or 21")
    return java


# --------------------------------------------------------------------------- fetching

def cached_version() -> str | None:
    """The Neo4j version in the cache, or None when the cache is missing or incomplete."""
    marker = lib_dir() / ".complete"
    try:
        version = marker.read_text().strip()
    except OSError:
        return None
    if version and (lib_dir() / f"neo4j-{version}.jar").is_file():
        return version
    return None


def newest_version(repo: str) -> str:
    """The newest org.neo4j:neo4j 5.26.x in the repository's maven-metadata.xml."""
    url = f"{repo.rstrip('/')}/org/neo4j/neo4j/maven-metadata.xml"
    with urllib.request.urlopen(url, timeout=20) as resp:
        root = ET.fromstring(resp.read())
    found = []
    for v in root.iter("version"):
        m = re.fullmatch(re.escape(SERIES) + r"\.(\d+)", (v.text or "").strip())
        if m:
            found.append((int(m.group(1)), v.text.strip()))
    if not found:
        raise ValueError(f"no {SERIES}.x version listed at {url}")
    return max(found)[1]


def _pom(version: str, repo: str | None) -> str:
    repos = ""
    if repo:
        repos = (f"<repositories><repository><id>govkg-neo4j</id><url>{repo}</url>"
                 "</repository></repositories>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.govkg.local</groupId>
  <artifactId>neo4j-server-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  {repos}
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


@contextlib.contextmanager
def _lock(path: Path):
    """An exclusive lock file, so that concurrent fetches (xdist workers, CI jobs) queue."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_jars(log=_say, timeout: float | None = None, upgrade: bool = False) -> tuple[str, Path]:
    """Make sure the Neo4j jars are cached; returns (version, lib folder).

    The first call downloads about 125 MB with Maven (a minute or less on a good link);
    later calls only check a marker file.
    """
    pinned = os.environ.get("GOVKG_NEO4J_VERSION")

    def usable(version):
        return version and not upgrade and (not pinned or pinned == version)

    version = cached_version()
    if usable(version):
        return version, lib_dir()
    home = home_dir()
    home.mkdir(parents=True, exist_ok=True)
    with _lock(home / ".fetch.lock"):
        version = cached_version()  # someone else may have fetched while we waited
        if usable(version):
            return version, lib_dir()
        return _fetch(log, timeout, current=version)


def _fetch(log, timeout: float | None, current: str | None) -> tuple[str, Path]:
    home = home_dir()
    mvn = find_mvn()
    if not mvn:
        raise Neo4jServerError(
            f"mvn not found: the first run needs Maven to download Neo4j {SERIES} into {lib_dir()}")
    repo_env = os.environ.get("GOVKG_MAVEN_REPO")
    version = os.environ.get("GOVKG_NEO4J_VERSION")
    if version and not re.fullmatch(re.escape(SERIES) + r"\.\d+", version):
        raise Neo4jServerError(f"GOVKG_NEO4J_VERSION={version} is not a {SERIES}.x version")
    if not version:
        try:
            version = newest_version(repo_env or DEFAULT_REPO)
        except Exception as exc:  # network, proxy, XML: fall back to the known version
            log(f"could not read the newest {SERIES}.x from Maven metadata ({exc}); "
                f"using {FALLBACK_VERSION}")
            version = FALLBACK_VERSION
    if version == current:
        return version, lib_dir()
    if timeout is None:
        timeout = _env_float("GOVKG_NEO4J_FETCH_TIMEOUT", 1800)

    work = Path(tempfile.mkdtemp(prefix="fetch-", dir=home))
    out_dir = work / "lib"
    (work / "pom.xml").write_text(_pom(version, repo_env))
    fetch_log = home / "fetch.log"
    cmd = [mvn, "-B", "-ntp", "-f", str(work / "pom.xml"),
           f"-Dmaven.repo.local={work / 'm2'}",
           f"{DEPENDENCY_PLUGIN}:copy-dependencies",
           f"-DoutputDirectory={out_dir}", "-DincludeScope=runtime"]
    log(f"first run: downloading org.neo4j:neo4j:{version} and its dependencies (~125 MB) "
        f"with Maven into {lib_dir()} (timeout {timeout:.0f}s, log {fetch_log}) ...")
    t0 = time.monotonic()
    try:
        with open(fetch_log, "w") as fh:
            proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  timeout=timeout, cwd=work)
    except subprocess.TimeoutExpired:
        shutil.rmtree(work, ignore_errors=True)
        raise Neo4jServerError(f"Maven download timed out after {timeout:.0f}s; see {fetch_log} "
                               "(raise GOVKG_NEO4J_FETCH_TIMEOUT)")
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise Neo4jServerError(f"cannot run {mvn}: {exc}")
    if proc.returncode != 0 or not (out_dir / f"neo4j-{version}.jar").is_file():
        shutil.rmtree(work, ignore_errors=True)
        raise Neo4jServerError(f"Maven failed to fetch org.neo4j:neo4j:{version} "
                               f"({_first_maven_error(fetch_log)}); full log: {fetch_log}")
    (out_dir / ".complete").write_text(version + "\n")
    lib = lib_dir()
    old = home / f"lib.old-{os.getpid()}"
    if lib.exists():
        lib.rename(old)
    out_dir.rename(lib)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)  # the private Maven repository: lib/ is the cache
    jars = sum(1 for _ in lib.glob("*.jar"))
    log(f"fetched Neo4j {version}: {jars} jars in {time.monotonic() - t0:.1f}s")
    return version, lib


def _first_maven_error(path: Path) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return "no log"
    for line in lines:
        if line.startswith("[ERROR]") and len(line.strip()) > 8:
            return line[len("[ERROR]"):].strip()[:300]
    return lines[-1].strip()[:300] if lines else "empty log"


# --------------------------------------------------------------------------- the server

def generate_password() -> str:
    """20 letters and digits: safe in shells, URLs and command lines."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(20))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _conf(workdir: Path, port: int, lib: Path) -> str:
    heap = os.environ.get("GOVKG_NEO4J_HEAP", "512m")
    pagecache = os.environ.get("GOVKG_NEO4J_PAGECACHE", "256m")
    d = workdir
    return f"""# Generated by scripts/neo4j_server.py for a throw-away test server.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{port}
server.bolt.advertised_address=127.0.0.1:{port}
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.heap.initial_size={heap}
server.memory.heap.max_size={heap}
server.memory.pagecache.size={pagecache}
server.directories.data={d / 'data'}
server.directories.logs={d / 'logs'}
server.directories.plugins={d / 'plugins'}
server.directories.import={d / 'import'}
server.directories.run={d / 'run'}
server.directories.licenses={d / 'licenses'}
server.directories.lib={lib}
dbms.usage_report.enabled=false
# small transaction logs, not two preallocated 256 MB files
db.tx_log.preallocate=false
db.tx_log.rotation.size=16m
db.tx_log.rotation.retention_policy=1 files
# stop in about a second instead of ~10 (Bolt and Netty shutdown grace periods)
internal.server.bolt.connection_shutdown_wait_time=0s
internal.server.bolt.thread_pool_shutdown_wait_time=1s
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
internal.dbms.bolt.netty_server_shutdown_timeout=2s
# tolerate a setting that a later 5.26.x renamed instead of refusing to start
server.config.strict_validation.enabled=false
"""


def _pdeathsig():
    """Child set-up: on Linux, get SIGTERM when the parent dies (no orphaned JVMs)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Server:
    """A running Neo4j process with its temporary folder."""

    def __init__(self, *, pid: int, port: int, password: str, workdir: Path, version: str,
                 user: str = USER, proc: subprocess.Popen | None = None, started_in: float = 0.0):
        self.pid, self.port, self.password, self.user = pid, port, password, user
        self.workdir, self.version, self.proc, self.started_in = Path(workdir), version, proc, started_in

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "neo4j.out"

    def info(self) -> dict:
        return {"uri": self.uri, "user": self.user, "password": self.password}

    def env(self) -> dict:
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}

    def to_state(self) -> dict:
        return {"pid": self.pid, "port": self.port, "user": self.user, "password": self.password,
                "workdir": str(self.workdir), "version": self.version, "uri": self.uri,
                "log": str(self.log_path), "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}

    @classmethod
    def from_state(cls, data: dict) -> "Server":
        return cls(pid=int(data["pid"]), port=int(data["port"]), password=data["password"],
                   workdir=Path(data["workdir"]), version=data.get("version", "?"),
                   user=data.get("user", USER))

    def is_alive(self) -> bool:
        if self.proc is not None:
            return self.proc.poll() is None
        try:
            cmdline = Path(f"/proc/{self.pid}/cmdline").read_bytes()
        except OSError:
            try:
                os.kill(self.pid, 0)
            except OSError:
                return False
            return True  # no /proc (macOS): trust the pid
        # guard against a recycled pid: it must be our JVM with our folder
        return ENTRY_POINT.encode() in cmdline and str(self.workdir).encode() in cmdline

    def stop(self, timeout: float = 30.0, keep: bool | None = None) -> None:
        """SIGTERM (Neo4j shuts down cleanly), SIGKILL after `timeout`, then remove the folder."""
        if keep is None:
            keep = os.environ.get("GOVKG_NEO4J_KEEP") == "1"
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while self.is_alive() and time.monotonic() < deadline:
                self._reap()
                time.sleep(0.1)
            if self.is_alive():
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(self.pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
                while self.is_alive() and time.monotonic() < deadline:
                    self._reap()
                    time.sleep(0.1)
        self._reap()
        if not keep:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _reap(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(Exception):
                self.proc.poll()


def _tail(path: Path, n: int = 200) -> list[str]:
    try:
        return path.read_text(errors="replace").splitlines()[-n:]
    except OSError:
        return []


def _startup_problem(server: Server) -> str:
    lines = _tail(server.log_path) + _tail(server.workdir / "logs" / "debug.log")
    text = "\n".join(lines)
    if re.search(r"already in use|BindException|Address in use", text, re.I):
        return "port-in-use"
    for line in lines:
        if " ERROR " in line or "Exception" in line:
            return line.strip()[:300]
    return lines[-1].strip()[:300] if lines else "no output"


def _bolt_handshake(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(b"\x60\x60\xb0\x17" + b"\x00\x07\x07\x05" + b"\x00\x00\x04\x04" + b"\x00" * 8)
            answer = s.recv(4)
            return len(answer) == 4 and answer != b"\x00" * 4
    except OSError:
        return False


def _ready(server: Server, driver_mod) -> tuple[bool, str]:
    """(ready, last problem)."""
    if driver_mod is None:
        started = any(line.rstrip().endswith("Started.") for line in _tail(server.log_path, 50))
        if started and _bolt_handshake(server.port):
            return True, ""
        return False, "waiting for 'Started.' and a Bolt handshake"
    if not _bolt_handshake(server.port):  # cheap check first; the driver would back off
        return False, f"no Bolt answer on port {server.port} yet"
    try:
        with driver_mod.GraphDatabase.driver(server.uri, auth=(server.user, server.password),
                                             connection_timeout=3,
                                             connection_acquisition_timeout=5) as drv:
            with drv.session() as session:  # auto-commit: no retry loop with back-off
                record = session.run("RETURN 1 AS ok").single()
            if record is not None and record["ok"] == 1:
                return True, ""
            return False, "RETURN 1 gave an unexpected answer"
    except Exception as exc:  # not up yet: ServiceUnavailable, DatabaseUnavailable, ...
        return False, f"{type(exc).__name__}: {exc}"


def _import_driver():
    try:
        import logging

        import neo4j

        # connection refusals while the server boots are expected; keep them off the terminal
        logging.getLogger("neo4j").setLevel(logging.CRITICAL)
        return neo4j
    except ImportError:
        return None


def start_server(*, password: str | None = None, port: int | None = None, timeout: float | None = None,
                 detach: bool = False, log=_say) -> Server:
    """Start a Neo4j server in a fresh temporary folder and wait until it answers `RETURN 1`.

    detach=False (tests, `run`): the JVM dies with this process (PR_SET_PDEATHSIG on Linux);
    call .stop(). detach=True (`start`): the JVM outlives this process.
    """
    java = require_java()
    version, lib = ensure_jars(log=log)
    if timeout is None:
        timeout = _env_float("GOVKG_NEO4J_START_TIMEOUT", 180)
    password = password or generate_password()
    if len(password) < 8:
        raise Neo4jServerError("the Neo4j password must have at least 8 characters")
    attempts = 1 if port else 3
    last = ""
    for _ in range(attempts):
        server = _launch(java, version, lib, password, port or free_port(), detach, log, timeout)
        if isinstance(server, Server):
            return server
        last = server
    if port:
        raise Neo4jServerError(f"Bolt port {port} is already in use (leave out --port to pick a free one)")
    raise Neo4jServerError(f"no free Bolt port after {attempts} tries ({last})")


def _launch(java, version, lib, password, port, detach, log, timeout):
    t0 = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="govkg-neo4j-"))
    conf_dir = workdir / "conf"
    conf_dir.mkdir()
    for sub in ("data", "logs", "plugins", "import", "run", "licenses"):
        (workdir / sub).mkdir()
    (conf_dir / "neo4j.conf").write_text(_conf(workdir, port, lib))
    classpath = f"{lib}{os.sep}*"
    env = dict(os.environ, NEO4J_HOME=str(workdir), NEO4J_CONF=str(conf_dir))

    # 1. the initial password (before the first start, like neo4j-admin dbms set-initial-password)
    admin = subprocess.run([java, "-Xmx128m", "-cp", classpath, ADMIN_TOOL, "dbms", "set-initial-password",
                            "--", password], env=env, capture_output=True, text=True, timeout=120,
                           stdin=subprocess.DEVNULL)
    if admin.returncode != 0:
        msg = [line.strip() for line in (admin.stderr + admin.stdout).splitlines() if line.strip()]
        shutil.rmtree(workdir, ignore_errors=True)
        raise Neo4jServerError(f"setting the initial password failed: {msg[0] if msg else admin.returncode}")

    # 2. the server itself
    heap = os.environ.get("GOVKG_NEO4J_HEAP", "512m")
    cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_OPTIONS, "-cp", classpath, ENTRY_POINT,
           f"--home-dir={workdir}", f"--config-dir={conf_dir}", "--console-mode"]
    out = open(workdir / "neo4j.out", "w")
    try:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=workdir, start_new_session=True,
                                preexec_fn=None if detach else _pdeathsig)
    except OSError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        raise Neo4jServerError(f"cannot start {java}: {exc}")
    finally:
        out.close()
    server = Server(pid=proc.pid, port=port, password=password, workdir=workdir, version=version,
                    proc=proc)

    driver_mod = _import_driver()
    deadline = t0 + timeout
    problem = ""
    try:
        while True:
            if proc.poll() is not None:
                why = _startup_problem(server)
                if why == "port-in-use":
                    log(f"Bolt port {port} was taken meanwhile")
                    shutil.rmtree(workdir, ignore_errors=True)
                    return f"port {port} in use"
                raise Neo4jServerError(f"Neo4j exited with code {proc.returncode} while starting: {why} "
                                       f"(log: {server.log_path})")
            ok, problem = _ready(server, driver_mod)
            if ok:
                break
            if time.monotonic() > deadline:
                server.stop(keep=True)
                raise Neo4jServerError(f"Neo4j did not answer on {server.uri} within {timeout:.0f}s "
                                       f"({problem}; log: {server.log_path})")
            time.sleep(0.25)
    except BaseException:
        if proc.poll() is None:
            server.stop(keep=True)
        raise
    server.started_in = time.monotonic() - t0
    how = "RETURN 1 via the neo4j driver" if driver_mod else "Bolt handshake (neo4j driver not importable)"
    log(f"Neo4j {version} ready at {server.uri} in {server.started_in:.1f}s ({how}); folder {workdir}")
    return server


# --------------------------------------------------------------------------- state file

def read_state() -> Server | None:
    try:
        return Server.from_state(json.loads(state_file().read_text()))
    except (OSError, ValueError, KeyError):
        return None


def write_state(server: Server) -> None:
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # it holds a password
    with os.fdopen(fd, "w") as fh:
        json.dump(server.to_state(), fh, indent=2)
    os.replace(tmp, path)


def _print_env(server: Server) -> None:
    for key, value in server.env().items():
        print(f"export {key}={shlex.quote(value)}")
    sys.stdout.flush()


# --------------------------------------------------------------------------- commands

def cmd_fetch(args) -> int:
    require_java()
    version, lib = ensure_jars(upgrade=args.upgrade)
    _say(f"Neo4j {version} jars in {lib}")
    return 0


def cmd_start(args) -> int:
    old = read_state()
    if old and old.is_alive():
        _say(f"already running (pid {old.pid}, Neo4j {old.version}); `stop` it first for a new one")
        _print_env(old)
        return 0
    server = start_server(password=args.password, port=args.port, timeout=args.timeout, detach=True)
    write_state(server)
    _say(f"started pid {server.pid}; state in {state_file()}; stop with: python3 {sys.argv[0]} stop")
    _print_env(server)
    return 0


def cmd_stop(args) -> int:
    server = read_state()
    if server is None:
        _say("not running (no state file)")
        return 0
    alive = server.is_alive()
    server.stop()
    with contextlib.suppress(OSError):
        state_file().unlink()
    _say(f"stopped pid {server.pid}" if alive else "was not running; cleaned up its state")
    return 0


def cmd_status(args) -> int:
    server = read_state()
    if server is None or not server.is_alive():
        _say("not running")
        return 3
    ok, problem = _ready(server, _import_driver())
    if not ok:
        _say(f"pid {server.pid} alive but not answering on {server.uri}: {problem}")
        return 1
    _say(f"running: Neo4j {server.version}, pid {server.pid}, {server.uri}, user {server.user}, "
         f"log {server.log_path}")
    _print_env(server)
    return 0


def cmd_env(args) -> int:
    server = read_state()
    if server is None or not server.is_alive():
        _say("not running")
        return 3
    _print_env(server)
    return 0


def cmd_run(args) -> int:
    command = list(args.command)
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        raise Neo4jServerError("run needs a command: run -- CMD [ARGS...]")
    server = start_server(password=args.password, port=args.port, timeout=args.timeout)
    forwarded: dict = {}

    def forward(signum, _frame):  # pass SIGTERM/SIGHUP on to CMD, then clean up as usual
        child = forwarded.get("proc")
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    old_handlers = {s: signal.signal(s, forward) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        try:
            child = subprocess.Popen(command, env=dict(os.environ, **server.env()))
        except OSError as exc:
            _say(f"cannot run {command[0]}: {exc.strerror or exc}")
            return 127
        forwarded["proc"] = child
        while True:
            try:
                rc = child.wait()
                break
            except KeyboardInterrupt:  # Ctrl-C reached CMD too; wait for it to finish
                continue
        return 128 - rc if rc < 0 else rc
    finally:
        for s, h in old_handlers.items():
            signal.signal(s, h)
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="neo4j_server.py",
                                     description=f"Fetch and run a Neo4j Community {SERIES} server.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("fetch", help="download the jars into the cache (first run only)")
    p.add_argument("--upgrade", action="store_true", help=f"re-resolve the newest {SERIES}.x")
    p.set_defaults(func=cmd_fetch)
    for name, func, text in (("start", cmd_start, "start a background server, print its env"),
                             ("run", cmd_run, "run -- CMD with a private server around it")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--password", help="password for user neo4j (default: generated)")
        p.add_argument("--port", type=int, help="Bolt port (default: a free one)")
        p.add_argument("--timeout", type=float, help="seconds to wait for the server (default 180)")
        if name == "run":
            p.add_argument("command", nargs=argparse.REMAINDER, help="-- CMD [ARGS...]")
        p.set_defaults(func=func)
    sub.add_parser("stop", help="stop the background server").set_defaults(func=cmd_stop)
    sub.add_parser("status", help="exit 0 if the background server answers, 3 if not running"
                   ).set_defaults(func=cmd_status)
    sub.add_parser("env", help="print the background server's NEO4J_* variables").set_defaults(func=cmd_env)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Neo4jServerError as exc:
        _say(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
