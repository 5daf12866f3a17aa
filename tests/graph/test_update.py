"""Adding gazettes to a store and removing documents gives what a full build gives.

Uses the invented notices of fixtures/timeline (two 分工 notices superseding each other, a
task force and its adjusted members) and the seed gazette, copied into a scratch folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from govkg.commands import build_cmd, remove_cmd
from graph.folder import ASSERTIONS, DOCUMENTS, EXTRACTED, MANIFEST, StoreFolder
from graph.update import remove_documents, update_store

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
SEED = Path(__file__).parents[2] / "data" / "gazettes" / "shuozhou-2023-04.txt"

app = typer.Typer()
app.command("build")(build_cmd.build)
app.command("remove")(remove_cmd.remove)


@pytest.fixture()
def gazettes(tmp_path: Path) -> Path:
    folder = tmp_path / "gazettes"
    folder.mkdir()
    for f in FIXTURES.iterdir():
        shutil.copy(f, folder / f.name)
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _files(folder: Path, *names: str) -> list[str]:
    return [str(folder / n) for n in names]


def _state(store: Path) -> tuple[str, str, dict, list]:
    """Everything a store answers from: its records, its manifest, its graph's edges."""
    import json

    folder = StoreFolder(store)
    g = folder.graph().graph
    edges = sorted((u, v, k, sorted((p, repr(x)) for p, x in d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return ((store / ASSERTIONS).read_text(encoding="utf-8"), (store / DOCUMENTS).read_text(encoding="utf-8"),
            json.loads((store / MANIFEST).read_text(encoding="utf-8")), edges)


def _edge(store: Path, person: str, rtype: str, target: str) -> dict:
    g = StoreFolder(store).graph().graph
    [d] = [d for u, v, d in g.edges(data=True)
           if d["type"] == rtype and g.nodes[u]["name"] == person and g.nodes[v]["name"] == target]
    return d


ALL = ("wd1.txt", "wd2.txt", "wd3.txt", "tf1.txt", "tf2.txt", "tf3.txt", "wd_other_city.txt", SEED.name)


def test_adding_gazettes_one_by_one_equals_a_full_build(gazettes: Path, tmp_path: Path) -> None:
    full = update_store(tmp_path / "full", _files(gazettes, *ALL))
    assert full.files_read == len(ALL)
    step = tmp_path / "step"
    first = update_store(step, _files(gazettes, "wd1.txt", "tf1.txt"))
    assert first.files_read == 2
    assert _edge(step, "王国强", "IN_CHARGE_OF", "市教育局")["status"] == "current"
    second = update_store(step, _files(gazettes, *ALL))  # the whole folder: two already read
    assert second.files_read == len(ALL) - 2 and len(second.files_unchanged) == 2
    assert _state(step) == _state(tmp_path / "full")
    assert _edge(step, "王国强", "IN_CHARGE_OF", "市教育局")["valid_to"] == "2023-02-01"


def test_a_folder_given_again_reads_nothing(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, [str(gazettes)])
    before = _state(store)
    again = update_store(store, [str(gazettes)])
    assert again.files_read == 0 and len(again.files_unchanged) == len(ALL) and again.store is None
    assert _state(store) == before


def test_removing_a_document_equals_building_without_it(gazettes: Path, tmp_path: Path) -> None:
    store, without = tmp_path / "kg", tmp_path / "without"
    update_store(store, _files(gazettes, *ALL))
    assert _edge(store, "吴明", "MEMBER_OF", "云州市数字经济发展领导小组")["status"] == "ended"
    report = remove_documents(store, ["云政办函〔2023〕30号"])  # the member adjustment
    assert [d.number for d in report.removed] == ["云政办函〔2023〕30号"]
    update_store(without, _files(gazettes, *(n for n in ALL if n != "tf2.txt")))
    assert _state(store) == _state(without)
    assert _edge(store, "吴明", "MEMBER_OF", "云州市数字经济发展领导小组")["status"] == "current"


def test_a_fact_stated_elsewhere_stays(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, _files(gazettes, "wd1.txt", "wd2.txt"))
    assert _edge(store, "李小红", "IN_CHARGE_OF", "市财政局")["doc_numbers"] == ["云政办发〔2022〕10号", "云政办发〔2023〕5号"]
    remove_documents(store, ["云政办发 〔2023〕 5号"])  # spaces in the number are forgiven
    kept = _edge(store, "李小红", "IN_CHARGE_OF", "市财政局")
    assert kept["doc_numbers"] == ["云政办发〔2022〕10号"] and kept["status"] == "current"
    assert _edge(store, "王国强", "IN_CHARGE_OF", "市教育局")["status"] == "current"  # nothing supersedes it now
    with pytest.raises(ValueError):  # no such edge left
        _edge(store, "孙海", "IN_CHARGE_OF", "市教育局")


def test_a_removed_document_stays_removed_until_a_full_build(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, [str(gazettes)])
    remove_documents(store, [str(gazettes / "wd3.txt")])  # a source file: all its documents
    update_store(store, [str(gazettes)])
    assert _edge(store, "赵文", "IN_CHARGE_OF", "市商务局")["status"] == "current"
    update_store(store, [str(gazettes)], full=True)
    assert _edge(store, "赵文", "IN_CHARGE_OF", "市商务局")["status"] == "ended"


def test_removing_an_unknown_document_changes_nothing(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, _files(gazettes, "wd1.txt"))
    before = _state(store)
    with pytest.raises(LookupError, match="no document"):
        remove_documents(store, ["云政办发〔2022〕10号", "云政办发〔1999〕1号"])
    assert _state(store) == before


def test_the_same_number_published_twice_is_one_document(gazettes: Path, tmp_path: Path) -> None:
    reprint = gazettes / "zz-reprint.txt"  # the notice again, in a later gazette with its own cover
    reprint.write_text("云州市人民政府公报\n2023年第2期\n\n" + (gazettes / "wd1.txt").read_text(encoding="utf-8"),
                       encoding="utf-8")
    store = tmp_path / "kg"
    report = update_store(store, _files(gazettes, "wd1.txt", "zz-reprint.txt"))
    [dup] = report.duplicates
    assert dup.label == "云政办发〔2022〕10号" and dup.kept.startswith(str(gazettes / "wd1.txt"))
    docs = StoreFolder(store).documents()
    assert [d.number for d in docs] == ["云政办发〔2022〕10号"]
    d = _edge(store, "王国强", "IN_CHARGE_OF", "市教育局")
    assert d["docs"] == [docs[0].doc_id] and d["source"].startswith(str(gazettes / "wd1.txt"))
    alone = tmp_path / "alone"
    update_store(alone, _files(gazettes, "wd1.txt"))
    assert _state(store)[:2] == _state(alone)[:2]


def test_a_changed_file_replaces_what_it_gave(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, _files(gazettes, "wd1.txt"))
    path = gazettes / "wd1.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("王国强", "王强国"), encoding="utf-8")
    report = update_store(store, _files(gazettes, "wd1.txt"))
    assert report.files_replaced == [str(path)]
    g = StoreFolder(store).graph().graph
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert "王强国" in names and "王国强" not in names


def test_an_older_store_is_rebuilt(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, _files(gazettes, "wd1.txt"))
    shutil.rmtree(store / EXTRACTED)
    report = update_store(store, _files(gazettes, "wd2.txt"))
    assert report.rebuilt and "older" in report.rebuilt
    assert [d.number for d in StoreFolder(store).documents()] == ["云政办发〔2023〕5号"]
    with pytest.raises(Exception, match="--full"):
        shutil.rmtree(store / EXTRACTED)
        remove_documents(store, ["云政办发〔2023〕5号"])


def test_build_and_remove_commands(gazettes: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(gazettes / "wd1.txt"), "--store", store, "--no-progress"])
    assert first.exit_code == 0 and "1 files read" in first.output
    again = runner.invoke(app, ["build", str(gazettes), "--store", store, "--no-progress", "-j", "2"])
    assert again.exit_code == 0 and f"1 files already in the store, skipped" in again.output
    nothing = runner.invoke(app, ["build", str(gazettes), "--store", store, "--no-progress"])
    assert nothing.exit_code == 0 and "nothing new" in nothing.output
    removed = runner.invoke(app, ["remove", "云政办函〔2023〕30号", "--store", store])
    assert removed.exit_code == 0 and "removed 云政办函〔2023〕30号" in removed.output
    unknown = runner.invoke(app, ["remove", "云政办函〔2023〕99号", "--store", store])
    assert unknown.exit_code == 2 and "no document" in unknown.output and "Traceback" not in unknown.output


def test_damaged_extraction_records_are_rebuilt(gazettes: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    update_store(store, _files(gazettes, "wd1.txt"))
    (store / EXTRACTED / "assertions.jsonl").write_text("{not json\n", encoding="utf-8")
    report = update_store(store, _files(gazettes, "wd2.txt"))
    assert report.rebuilt and "cannot be read" in report.rebuilt
    assert [d.number for d in StoreFolder(store).documents()] == ["云政办发〔2023〕5号"]
    with pytest.raises(Exception, match="--full"):
        (store / EXTRACTED / "documents.jsonl").write_text("[]\n", encoding="utf-8")
        remove_documents(store, ["云政办发〔2023〕5号"])
