"""Uploaded gazettes: checked, named safely, previewed, and added by rebuilding the store.

The explorer never parses a gazette itself (`app` does not import `extract`): it runs
`govkg extract` to preview a file and `govkg build` to add it, each in its own process
with a time limit, so a file that breaks a parser costs that process only. The store is
written aside and swapped in by `govkg build`, so a failed build leaves the graph as it
was; the kept copy of a file that failed is removed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

from graph.records import Assertion

__all__ = ["ALLOWED_SUFFIXES", "MAX_BYTES", "UploadError", "Preview", "BuildOutcome", "safe_name",
           "uploads_dir", "preview", "add", "run_build", "govkg_command"]

ROOT = Path(__file__).resolve().parents[1]
ALLOWED_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
UPLOADS_ENV = "GOVKG_UPLOADS"
EXTRACT_TIMEOUT_S = 180
BUILD_TIMEOUT_S = 600

# What a file of each kind starts with; a .pdf that is not a PDF is refused before parsing.
_MAGIC = {".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",)}


class UploadError(Exception):
    """An upload refused or not understood; the message is for the user (Chinese)."""


@dataclass
class Preview:
    """What `govkg extract` found in an uploaded file, before anything is kept."""

    name: str                      # the sanitised file name it would be kept under
    data: bytes = field(repr=False)
    assertions: list[Assertion] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)
    log: str = ""

    @property
    def documents(self) -> list[tuple[str, str | None]]:
        """(document number or file name, date) of the documents the facts come from."""
        seen: dict[str, str | None] = {}
        for a in self.assertions:
            seen.setdefault(a.doc, a.date)
        return list(seen.items())

    @property
    def by_type(self) -> Counter[str]:
        return Counter(a.rel for a in self.assertions)


@dataclass(frozen=True)
class BuildOutcome:
    """How a `govkg build` went: ok, and its output for the user."""

    ok: bool
    log: str
    kept: Path | None = None


def uploads_dir() -> Path:
    """Where accepted uploads are kept: `GOVKG_UPLOADS`, else data/uploads/."""
    env = os.environ.get(UPLOADS_ENV)
    return Path(env).resolve() if env else ROOT / "data" / "uploads"


def safe_name(name: str, data: bytes) -> str:
    """A file name safe to keep: no folders, only letters, digits, Chinese, - and _, a hash.

    The short hash of the content keeps two different files with one name apart, and
    makes uploading the same file twice land on the same name.
    """
    base = unicodedata.normalize("NFKC", Path(name.replace("\\", "/")).name)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = "." + suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(f"不支持的文件类型 {suffix if suffix != '.' else '（无扩展名）'}："
                          f"只接受 {', '.join(ALLOWED_SUFFIXES)}")
    stem = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", stem, flags=re.UNICODE).strip("._-")[:60] or "gazette"
    digest = hashlib.sha1(data).hexdigest()[:8]
    return f"{stem}-{digest}{suffix}"


def _check(name: str, data: bytes) -> str:
    if not data:
        raise UploadError("文件是空的")
    if len(data) > MAX_BYTES:
        raise UploadError(f"文件太大（{len(data) / 1e6:.1f} MB）：上限 {MAX_BYTES // (1024 * 1024)} MB")
    safe = safe_name(name, data)
    magic = _MAGIC.get(Path(safe).suffix)
    if magic and not data.startswith(magic):
        raise UploadError(f"{Path(safe).suffix} 文件的内容与类型不符")
    return safe


def govkg_command(*args: str) -> list[str]:
    """`govkg ARGS…` run with this Python (works without the console script on PATH)."""
    return [sys.executable, "-c", "import sys; from govkg.cli import app; sys.argv[0] = 'govkg'; app()", *args]


def _run(args: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(govkg_command(*args), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


def preview(name: str, data: bytes) -> Preview:
    """Extract a file in a scratch folder; nothing is kept and the store is not touched."""
    safe = _check(name, data)
    with tempfile.TemporaryDirectory(prefix="govkg-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        out = Path(tmp) / "facts.jsonl"
        try:
            proc = _run(["extract", str(path), "-o", str(out), "--report", "--no-progress"], EXTRACT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise UploadError(f"解析超时（{EXTRACT_TIMEOUT_S} 秒）：图谱未改变") from None
        log = (proc.stdout + proc.stderr).replace(str(path), safe)
        if proc.returncode != 0 or not out.exists():
            raise UploadError(f"无法解析该文件，图谱未改变。\n{log.strip()[-2000:]}")
        assertions = [Assertion.from_dict(json.loads(line))
                      for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
        report_file = out.with_suffix(".report.json")
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    assertions = [replace(a, source=safe) for a in assertions]  # the scratch path means nothing to users
    return Preview(safe, data, assertions, report, log)


def _relative(path: Path) -> str:
    path = path.resolve()
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def run_build(paths: Sequence[Path], store: Path) -> BuildOutcome:
    """`govkg build PATHS --store STORE` in its own process."""
    existing = list(dict.fromkeys(p.resolve() for p in (Path(x) if Path(x).exists() else ROOT / x for x in paths)
                                  if p.exists()))
    if not existing:
        return BuildOutcome(False, "没有可用的源文件：" + "、".join(map(str, paths)))
    try:
        proc = _run(["build", *(_relative(p) for p in existing), "--store", str(store), "--no-progress"],
                    BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return BuildOutcome(False, f"构建超时（{BUILD_TIMEOUT_S} 秒）：图谱未改变")
    return BuildOutcome(proc.returncode == 0, (proc.stdout + proc.stderr).strip())


def add(p: Preview, sources: Sequence[Path], store: Path) -> BuildOutcome:
    """Keep the file under its safe name and rebuild the store from `sources` plus it."""
    if not p.assertions:
        return BuildOutcome(False, "该文件没有抽取到任何事实：未加入图谱")
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / p.name
    existed = kept.exists()
    if not existed:
        kept.write_bytes(p.data)
    outcome = run_build([*sources, kept], store)
    if not outcome.ok:
        if not existed:
            kept.unlink(missing_ok=True)
        return BuildOutcome(False, "构建失败，图谱未改变。\n" + outcome.log)
    return BuildOutcome(True, outcome.log, kept)
