"""Graph benchmark: build, LadybugDB bulk load, contract-query latency, Neo4j push rate.

    .venv/bin/python benchmarks/bench_graph.py [--rels 1000000] [--repeat 200] [--seed 1]

Generates assertions with the shape of real gazettes (invented cities, people and bodies):
per city two 工作分工 notices (the second restating most of the first), ~40 coordinating
bodies with members, member units and offices, 任免 notices and task allocations; bodies are
picked with Zipf-like weights so a few (the finance bureau, the development commission)
sit in hundreds of task forces, as they do. Cities are added until the graph has about
`--rels` relationships. Then it measures:

- build: assertions -> networkx MultiDiGraph (graph.build)
- LadybugDB bulk load: tables -> Parquet -> COPY (target < 10 s for 1M relationships)
- the contract queries (graph.contract) on LadybugDB, median and p95 (target p95 < 50 ms),
  and on networkx for comparison
- Neo4j push rate when NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) is set (target >= 20,000
  relationships/s); the database's govkg labels are replaced.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from graph.build import build_graph  # noqa: E402
from graph.contract import QUERIES  # noqa: E402
from graph.model import SCHEMA  # noqa: E402
from graph.records import Assertion, DocumentInfo, make_id  # noqa: E402
from graph.stores import GraphView, open_store  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国志明华军伟芳娜秀英敏静丽强磊洋艳勇杰娟涛超明霞平刚桂兰玉珍翠红春梅海燕雪峰宇飞亮东波斌鹏辉俊文博"
PLACE = "青石河山阳云安宁平丰泉林川岭湖城溪源北南东西清泰和兴隆昌华宝金"
DEPARTMENTS = [
    "发展和改革委员会", "财政局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局",
    "人力资源和社会保障局", "规划和自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
    "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
    "市场监督管理局", "统计局", "医疗保障局", "能源局", "城市管理局", "行政审批服务管理局", "信访局",
    "乡村振兴局", "体育局", "人民防空办公室", "政府办公室", "外事办公室", "金融工作办公室", "林业局",
    "税务局", "气象局", "消防救援支队", "供电公司", "融媒体中心", "疾病预防控制中心", "人民医院",
    "第一中学", "职业技术学院", "城市发展集团有限公司", "文化旅游发展集团有限公司", "公积金管理中心",
    "项目推进中心", "大数据中心", "档案馆", "总工会", "团委", "妇联", "残联", "红十字会", "科协", "工商联",
    "邮政管理局", "海关", "银保监分局",
]
AREAS = ["发展改革", "财政", "应急管理(安全生产)", "统计", "行政审批", "营商环境", "政务公开", "教育", "科技",
         "工业", "生态环境", "能源产业", "国企国资监管", "人力资源和社会保障", "水利", "农业农村", "人防",
         "乡村振兴", "民政", "卫生健康", "医疗保障", "市场监管", "规划和自然资源", "住房和城乡建设", "交通运输",
         "金融", "法治政府建设", "公安", "司法", "信访", "退役军人事务", "城市管理", "商务", "口岸", "招商引资",
         "文化旅游", "外事", "体育", "广播电视", "开发区建设管理"]
TOPICS = ["能源革命综合改革", "营商环境优化", "安全生产", "森林防灭火", "防汛抗旱", "乡村振兴", "招商引资",
          "数字政府建设", "生态环境保护", "煤矿安全", "食品安全", "文明城市创建", "河湖长制", "项目建设",
          "国土绿化", "人才工作", "疫情防控", "消防安全", "交通安全", "教育督导", "医疗改革", "养老服务",
          "住房保障", "城市更新", "农村人居环境整治", "就业创业", "信用体系建设", "统计督察", "金融风险防范",
          "国企改革", "物流发展", "旅游发展", "文物保护", "民族团结", "双拥工作", "扫黑除恶", "质量强市",
          "碳达峰碳中和", "新能源汽车推广", "普法"]
KINDS = [("领导小组", 40), ("工作专班", 25), ("联席会议", 15), ("指挥部", 8), ("专项工作组", 7), ("委员会", 5)]
TITLES = ["局长", "副局长", "主任", "副主任", "二级调研员"]


@dataclass
class Corpus:
    assertions: list[Assertion] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class _City:
    """One invented city's government, bodies and documents."""

    def __init__(self, rng: random.Random, index: int, corpus: Corpus) -> None:
        self.rng, self.corpus = rng, corpus
        self.name = f"{rng.choice(PLACE)}{rng.choice(PLACE)}{index}市"
        self.year = 2015 + index % 10
        self.doc_seq = 0
        self.person_seq = 0
        self.orgs = [f"{self.name}{d}" for d in DEPARTMENTS]
        self.gov = f"{self.name}人民政府"
        # Zipf-like: the first bodies (发改委, 财政局 …) are picked far more often.
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.orgs))]
        self.staff = {org: [self.person() for _ in range(rng.randint(2, 5))] for org in self.orgs}
        self.leaders = [self.person() for _ in range(8)]

    def person(self) -> str:
        self.person_seq += 1
        r = self.rng
        return f"{r.choice(SURNAMES)}{r.choice(GIVEN)}{r.choice(GIVEN)}{self.name[:2]}{self.person_seq}"

    def org(self) -> str:
        return self.rng.choices(self.orgs, self.weights)[0]

    def document(self, doc_type: str, month: int) -> DocumentInfo:
        self.doc_seq += 1
        number = f"{self.name[:2]}政发〔{self.year}〕{self.doc_seq}号"
        doc = DocumentInfo(make_id("Document", number), number, f"{self.name}{doc_type}通知", self.gov,
                           f"{self.year}-{month:02d}-{self.rng.randint(1, 28):02d}", doc_type,
                           f"gazettes/{self.name}.txt", (self.doc_seq * 100, self.doc_seq * 100 + 90))
        self.corpus.documents.append(doc)
        return doc

    def emit(self, doc: DocumentInfo, rel: str, s: str, s_type: str, o: str, o_type: str, **extra: Any) -> None:
        rtype = "HOLDS" if rel in ("任命", "免去") else SCHEMA.rel_by_zh(rel).name
        self.corpus.assertions.append(Assertion(
            rel=rel, type=rtype, s=s, s_type=s_type, o=o, o_type=o_type, doc=doc.label, doc_id=doc.doc_id,
            date=doc.date, evidence=f"{s}{rel}{o}", source=doc.source, line=doc.lines[0] + len(self.corpus.assertions) % 80,
            extractor="bench", **extra))

    def work_division(self) -> None:
        rng = self.rng
        plan = {leader: (rng.sample(AREAS, rng.randint(4, 6)), rng.sample(self.orgs, rng.randint(6, 10)),
                         rng.sample(self.orgs, rng.randint(3, 6))) for leader in self.leaders}
        for month, keep in ((2, 1.0), (8, 0.9)):
            doc = self.document("work_division", month)
            for i, (leader, (areas, charge, liaise)) in enumerate(plan.items()):
                self.emit(doc, "任职", leader, "Person", self.gov, "Organization", position="市长" if i == 0 else "副市长")
                if i == 0:
                    self.emit(doc, "主持", leader, "Person", self.gov, "Organization")
                for area in areas:
                    if rng.random() < keep:
                        self.emit(doc, "负责", leader, "Person", area, "Area")
                for org in charge:
                    if rng.random() < keep:
                        self.emit(doc, "分管", leader, "Person", org, "Organization")
                for org in liaise:
                    if rng.random() < keep:
                        self.emit(doc, "联系", leader, "Person", org, "Organization")
            self.corpus.samples.setdefault("supervisors_of", []).append({"org": charge[0]})

    def task_force(self, topic: str) -> None:
        rng = self.rng
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        group = f"{self.name}{topic}{kind}"
        doc = self.document("task_force", rng.randint(1, 12))
        head = rng.choice(self.leaders)
        self.emit(doc, "成员", head, "Person", group, "TaskForce", role="组长", o_kind=kind)
        members = [(rng.choice(self.leaders), "副组长", self.gov, "副市长")]
        for _ in range(rng.randint(10, 25)):
            org = self.org()
            members.append((rng.choice(self.staff[org]), "成员", org, rng.choice(TITLES)))
        for person, role, org, title in members:
            self.emit(doc, "成员", person, "Person", group, "TaskForce", role=role, o_kind=kind)
            self.emit(doc, "任职", person, "Person", org, "Organization", position=title)
        for org in {self.org() for _ in range(rng.randint(10, 30))}:
            self.emit(doc, "成员单位", org, "Organization", group, "TaskForce", role="成员单位")
        office = self.org()
        self.emit(doc, "办公室设在", group, "TaskForce", office, "Organization", s_kind=kind)
        self.emit(doc, "牵头", office, "Organization", group, "TaskForce")
        for sub in range(rng.choice([0, 0, 1, 2])):
            self.emit(doc, "下设", group, "TaskForce", f"{group}第{sub + 1}工作组", "TaskForce")
        self.corpus.samples.setdefault("members_of", []).append({"task_force": group})
        self.corpus.samples.setdefault("posts_of", []).append({"person": members[-1][0]})

    def appointments(self) -> None:
        rng = self.rng
        doc = self.document("appointment", rng.randint(1, 12))
        for _ in range(rng.randint(3, 8)):
            org = self.org()
            person = rng.choice(self.staff[org])
            self.emit(doc, "任命", person, "Person", org, "Organization", position=rng.choice(TITLES),
                      probation=rng.random() < 0.7, decided_on=doc.date)
            if rng.random() < 0.6:
                self.emit(doc, "免去", person, "Person", self.org(), "Organization", position=rng.choice(TITLES),
                          decided_on=doc.date)
        self.corpus.samples.setdefault("appointments_in", []).append({"number": doc.number})

    def tasks(self) -> None:
        doc = self.document("task_allocation", self.rng.randint(1, 12))
        for i in range(self.rng.randint(20, 40)):
            self.emit(doc, "牵头", self.org(), "Organization", f"{self.name}{self.rng.choice(TOPICS)}任务{doc.number}-{i}", "Task")

    def generate(self) -> None:
        self.work_division()
        for topic in self.rng.sample(TOPICS, 40):
            self.task_force(topic)
        for _ in range(6):
            self.appointments()
        for _ in range(2):
            self.tasks()


def generate(rels: int, seed: int) -> Corpus:
    """Cities until about `rels` relationships (calibrated on one city's graph)."""
    probe = Corpus()
    _City(random.Random(seed), 0, probe).generate()
    per_city = build_graph(probe.assertions, probe.documents).graph.number_of_edges()
    cities = max(1, round(rels / per_city))
    corpus = Corpus()
    for i in range(cities):
        _City(random.Random(seed * 100_003 + i), i, corpus).generate()
    return corpus


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def latencies(view: GraphView, corpus: Corpus, repeat: int, rng: random.Random) -> dict[str, list[float]]:
    """Milliseconds per call of every contract query, parameters drawn from the corpus."""
    params: dict[str, Callable[[], dict[str, Any]]] = {
        "supervisors_of": lambda: rng.choice(corpus.samples["supervisors_of"]),
        "posts_of": lambda: rng.choice(corpus.samples["posts_of"]),
        "appointments_in": lambda: rng.choice(corpus.samples["appointments_in"]),
        "members_of": lambda: rng.choice(corpus.samples["members_of"]),
        "task_force_members": lambda: {"kind": rng.choice(["工作专班", "联席会议"])},
        "label_counts": lambda: {},
        "type_counts": lambda: {},
        "distance_between": lambda: {"a": rng.choice(corpus.samples["posts_of"])["person"],
                                     "b": rng.choice(corpus.samples["supervisors_of"])["org"]},
    }
    out: dict[str, list[float]] = {}
    for name in QUERIES:
        make = params.get(name)
        if make is None:
            continue
        n = repeat if name not in ("task_force_members", "label_counts", "type_counts", "distance_between") else max(5, repeat // 10)
        view.query(name, make())  # warm
        times = []
        for _ in range(n):
            p = make()
            started = time.perf_counter()
            view.query(name, p)
            times.append((time.perf_counter() - started) * 1000)
        out[name] = times
    return out


def _p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 20 else max(xs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rels", type=int, default=1_000_000, help="relationships to generate (about)")
    ap.add_argument("--repeat", type=int, default=200, help="calls per lookup query")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=10_000, help="rows per Neo4j transaction")
    ap.add_argument("--workdir", type=Path, default=None, help="where the LadybugDB file goes (default: a temp folder)")
    args = ap.parse_args(argv)
    console = Console()
    rows: list[tuple[str, str, str, str]] = []

    corpus, t_gen = _timed(lambda: generate(args.rels, args.seed))
    rows.append(("generate assertions", f"{len(corpus.assertions):,} assertions, {len(corpus.documents):,} docs",
                 f"{t_gen:.1f} s", ""))
    build, t_build = _timed(lambda: build_graph(corpus.assertions, corpus.documents))
    g = build.graph
    rows.append(("build MultiDiGraph", f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} rels",
                 f"{t_build:.1f} s", f"{g.number_of_edges() / t_build:,.0f} rels/s"))
    gc.collect()

    workdir = Path(tempfile.mkdtemp(prefix="bench-graph-", dir=args.workdir))
    try:
        store = open_store("ladybug", path=workdir / "graph.lbug")
        report, t_load = _timed(lambda: store.write(g))
        tm = report.timings
        rows.append(("LadybugDB: graph -> tables -> Parquet", f"tables {tm['tables']:.1f} s, Parquet {tm['parquet']:.1f} s",
                     f"{tm['tables'] + tm['parquet']:.1f} s", ""))
        rows.append(("LadybugDB bulk load (DDL + COPY)", f"{g.number_of_edges():,} rels", f"{tm['copy']:.1f} s",
                     f"{g.number_of_edges() / tm['copy']:,.0f} rels/s (target < 10 s: "
                     f"{'met' if tm['copy'] < 10 else 'MISSED'})"))
        rows.append(("LadybugDB write, all steps", "", f"{t_load:.1f} s", ""))
        rng = random.Random(args.seed)
        measured: dict[str, dict[str, list[float]]] = {}
        with store.view() as view:
            measured["LadybugDB"] = latencies(view, corpus, args.repeat, rng)
        memory = open_store("networkx")
        memory.write(g)
        with memory.view() as view:
            measured["networkx"] = latencies(view, corpus, args.repeat, random.Random(args.seed))
        if os.environ.get("NEO4J_URI"):
            rows.extend(_neo4j(g, corpus, args, measured))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    table = Table("step", "size", "time", "rate / target", title=f"govkg graph benchmark ({args.rels:,} rels asked)")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    q = Table("query", *(f"{engine} median / p95 (ms)" for engine in measured), title="Contract queries")
    for name in measured["LadybugDB"]:
        q.add_row(name, *(f"{statistics.median(m[name]):.2f} / {_p95(m[name]):.2f}" for m in measured.values()))
    console.print(q)
    lookups = [x for name, xs in measured["LadybugDB"].items() if name in
               ("supervisors_of", "posts_of", "appointments_in", "members_of") for x in xs]
    console.print(f"LadybugDB lookup queries p95 {_p95(lookups):.1f} ms (target < 50 ms: "
                  f"{'met' if _p95(lookups) < 50 else 'MISSED'}); peak RSS "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024:.1f} GB; "
                  f"{os.cpu_count()} CPUs")
    return 0


def _neo4j(g: Any, corpus: Corpus, args: argparse.Namespace,
           measured: dict[str, dict[str, list[float]]]) -> list[tuple[str, str, str, str]]:
    store = open_store("neo4j", uri=os.environ["NEO4J_URI"], user=os.environ.get("NEO4J_USER", "neo4j"),
                       password=os.environ.get("NEO4J_PASSWORD", ""), batch_size=args.batch_size)
    try:
        _, t_clear = _timed(store.clear)  # type: ignore[attr-defined]
        report, t_push = _timed(lambda: store.write(g))
        rate = report.relationships / report.timings["relationships"]
        out = [("Neo4j push", f"{report.nodes:,} nodes in {report.timings['nodes']:.1f} s, "
                f"{report.relationships:,} rels in {report.timings['relationships']:.1f} s",
                f"{t_push:.1f} s", f"{rate:,.0f} rels/s (target >= 20,000: {'met' if rate >= 20_000 else 'MISSED'})")]
        _, t_again = _timed(lambda: store.write(g))
        out.append(("Neo4j push again (idempotent)", "same counts", f"{t_again:.1f} s",
                    f"{report.relationships / t_again:,.0f} rels/s"))
        with store.view() as view:
            measured["Neo4j"] = latencies(view, corpus, args.repeat, random.Random(args.seed))
        return out
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
