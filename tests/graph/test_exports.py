"""graph.export and graph.rdf: RDF on W3C ORG/PROV-O (SHACL-valid), GraphML, CSV, neo4j-admin CSV."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shlex
import subprocess
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.compare import isomorphic
from seed_graph import NDRC

from graph.build import GraphBuild
from graph.export import FORMATS, export_graph
from graph.model import SCHEMA
from graph.rdf import entity_uri, to_rdf, validate
from graph.records import make_id

ORG = Namespace(SCHEMA.namespaces["org"])
PROV = Namespace(SCHEMA.namespaces["prov"])
GOVKG = Namespace(SCHEMA.namespaces["govkg"])
FOAF = Namespace(SCHEMA.namespaces["foaf"])
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def turtle(seed_build: GraphBuild, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("rdf") / "graph.ttl"
    export_graph(seed_build.graph, "ttl", path)
    return Graph().parse(path, format="turtle")


def test_export_rdf_uses_w3c_org_and_prov(turtle: Graph) -> None:
    person, org = entity_uri(make_id("Person", "黄军")), entity_uri(make_id("Organization", "市能源局"))
    post = entity_uri(make_id("Post", make_id("Organization", "市能源局"), "局长"))
    assert (person, RDF.type, FOAF.Person) in turtle
    assert (person, ORG.holds, post) in turtle
    assert (post, RDF.type, ORG.Post) in turtle and (post, ORG.postIn, org) in turtle
    assert (org, RDF.type, ORG.Organization) in turtle
    memberships = list(turtle.subjects(ORG.member, person))
    roles = {str(turtle.value(turtle.value(m, ORG.role), Namespace("http://www.w3.org/2000/01/rdf-schema#").label))
             for m in memberships}
    assert roles == {"副组长", "办公室主任"}
    for m in memberships:
        assert (m, RDF.type, ORG.Membership) in turtle
        assert (m, PROV.wasDerivedFrom, entity_uri(make_id("Document", "朔政办函〔2023〕43号"))) in turtle
        assert (m, GOVKG.status, Literal("current")) in turtle  # set up by that notice
    wu, ndrc = entity_uri(make_id("Person", "武跃飞")), entity_uri(make_id("Organization", NDRC))
    assert (wu, GOVKG.inChargeOf, ndrc) in turtle


def test_export_rdf_conforms_to_the_shapes(turtle: Graph) -> None:
    conforms, report = validate(turtle)
    assert conforms, report


def test_export_rdf_shapes_catch_a_post_without_organisation(turtle: Graph) -> None:
    broken = Graph()
    for triple in turtle:
        if triple[1] != ORG.postIn:
            broken.add(triple)
    conforms, report = validate(broken)
    assert not conforms and "postIn" in report


def test_export_jsonld_is_the_same_graph(seed_build: GraphBuild, turtle: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonld"
    export_graph(seed_build.graph, "jsonld", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@context"]["org"] == SCHEMA.namespaces["org"]
    assert isomorphic(Graph().parse(path, format="json-ld"), turtle)


def test_export_rdf_every_relationship_is_traceable(seed_build: GraphBuild) -> None:
    rdf = to_rdf(seed_build.graph)
    qualified = set(rdf.subjects(RDF.type, ORG.Membership)) | set(rdf.subjects(RDF.type, RDF.Statement))
    assert len(qualified) == seed_build.graph.number_of_edges()
    assert all(rdf.value(q, PROV.wasDerivedFrom) is not None for q in qualified)


def test_export_graphml_opens_again(seed_build: GraphBuild, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    export_graph(seed_build.graph, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (seed_build.graph.number_of_nodes(),
                                                          seed_build.graph.number_of_edges())
    post = make_id("Post", make_id("Organization", "市能源局"), "局长")
    assert g.nodes[post]["labels"] == ":Post" and g.nodes[post]["label"] == "市能源局局长"
    holds = [d for _, _, d in g.edges(data=True) if d["label"] == "HOLDS"]
    assert all(isinstance(json.loads(d["docs"]), list) for d in holds)
    assert all("valid_to" not in d for d in holds if d["status"] == "unknown")  # None dropped


def test_export_csv_tables(seed_build: GraphBuild, tmp_path: Path) -> None:
    files = export_graph(seed_build.graph, "csv", tmp_path / "csv")
    nodes, edges = (pd.read_csv(f) for f in files)
    assert len(nodes) == seed_build.graph.number_of_nodes() and len(edges) == seed_build.graph.number_of_edges()
    assert list(nodes.columns[:3]) == ["id", "label", "name"]
    assert list(edges.columns[:4]) == ["id", "type", "source", "target"]
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])


def test_export_neo4j_admin_layout(seed_build: GraphBuild, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    export_graph(seed_build.graph, "neo4j-csv", folder)
    with open(folder / "nodes_Person_header.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "aliases:string[]" in header
    assert "unnamed:boolean" in header
    with open(folder / "rels_MEMBER_OF_Person_TaskForce_header.csv", encoding="utf-8") as f:
        assert next(csv.reader(f))[:3] == [":START_ID", ":END_ID", ":TYPE"]
    rows = sum(1 for p in folder.glob("rels_*.csv") if not p.name.endswith("_header.csv")
               for _ in open(p, encoding="utf-8"))
    assert rows == seed_build.graph.number_of_edges()
    script = (folder / "neo4j-admin-import.sh").read_text(encoding="utf-8")
    assert script.count("--nodes=") == 7 and "--relationships=rels_HOLDS_Person_Post_header.csv" in script


def _neo4j_tools() -> tuple[str, Path] | None:
    spec = importlib.util.spec_from_file_location("govkg_neo4j_server_for_exports", ROOT / "scripts" / "neo4j_server.py")
    if spec is None or spec.loader is None:
        return None
    ns = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ns)
    java, lib = ns.find_java(), ns.lib_dir()
    if java is None or not any(lib.glob("*.jar")):
        return None
    return java, lib


@pytest.mark.neo4j
@pytest.mark.slow
def test_export_neo4j_admin_import_accepts_the_files(seed_build: GraphBuild, tmp_path: Path) -> None:
    tools = _neo4j_tools()
    if tools is None:
        pytest.skip("needs java and the Neo4j jars (python3 scripts/neo4j_server.py fetch)")
    java, lib = tools
    folder = tmp_path / "csv"
    export_graph(seed_build.graph, "neo4j-csv", folder)
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={tmp_path / 'data'}\nserver.directories.logs={tmp_path / 'logs'}\n"
        "server.config.strict_validation.enabled=false\n", encoding="utf-8")
    script = (folder / "neo4j-admin-import.sh").read_text(encoding="utf-8")
    args = [a for a in shlex.split(script.replace("\\\n", " ")) if a.startswith("--")]
    env = {**os.environ, "NEO4J_HOME": str(tmp_path), "NEO4J_CONF": str(tmp_path / "conf"),
           "JAVA_OPTS": "-Xmx512m"}
    done = subprocess.run([java, "-Xmx512m", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", "database", "import",
                           "full", "neo4j", *args], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{seed_build.graph.number_of_nodes()} nodes" in done.stdout
    assert f"{seed_build.graph.number_of_edges()} relationships" in done.stdout


def test_export_formats_are_the_cli_choices() -> None:
    from govkg.commands.export_cmd import ExportFormat

    assert {f.value for f in ExportFormat} == set(FORMATS)
