"""Synthetic gazettes for scale tests: the real documents' formats, invented names.

Each gazette has a cover, a table of contents with sections, and documents of the kinds
a local gazette carries: a work division (分工) notice, notices setting up coordinating
bodies (member lists in several layouts, 成员单位职责, 下设 subgroups), 任免 notices, and
long plans with no relations. Names of places, people and some bodies are invented.

The forms come from the extractors' grammar, not from one gazette: each gazette is of an
administrative level (市, 州, 盟, 县, 旗, 区) whose leader titles and bodies are the ones
`extract/data/lexicon.yaml` generates (副州长 of 州政府, 盟委副书记 …), is written with
full-width or half-width punctuation, and draws each notice's layout from the layouts
the extractors read (leader headers name first or title first, member lines with the
post spaced or bracketed, chairs named in prose, 任命 lists or sentences).

    .venv/bin/python benchmarks/corpus.py --gazettes 100 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml


__all__ = ["generate", "generate_with_truth", "write_corpus"]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣慧建国立志东海波峰云飞亮成文博睿哲瑞"
CITY_A = "云青江临安平宁长永南北东西新丰汉泰兴华昌"
CITY_B = "川岭阳州宁原山河城德安平水丘谷溪泉石"
BUREAUS = ["发展和改革委员会", "财政局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局",
           "人力资源和社会保障局", "规划和自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
           "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局",
           "统计局", "医疗保障局", "能源局", "行政审批服务管理局", "退役军人事务局", "城市管理局", "乡村振兴局"]
SHORT = {"发展和改革委员会": "发改委", "工业和信息化局": "工信局", "人力资源和社会保障局": "人社局",
         "住房和城乡建设局": "住建局", "卫生健康委员会": "卫健委", "市场监督管理局": "市场监管局",
         "应急管理局": "应急局", "文化和旅游局": "文旅局", "交通运输局": "交通局", "科学技术局": "科技局"}
AREAS = ["发展改革", "财政", "应急管理(安全生产)", "统计", "营商环境", "科技", "工业", "生态环境", "能源产业",
         "教育", "人力资源和社会保障", "水利", "农业农村", "民政", "卫生健康", "医疗保障", "市场监管",
         "规划和自然资源", "住房和城乡建设", "交通运输", "金融", "公安", "司法", "信访", "城市管理", "商务",
         "招商引资", "文化旅游", "外事", "体育", "消防"]
TOPICS = ["数字经济", "城市更新", "乡村振兴", "新能源汽车推广", "营商环境优化", "生态保护修复", "物流枢纽建设",
          "文旅融合发展", "食品安全", "安全生产", "防汛抗旱", "招商引资", "创建全国文明城市", "老旧小区改造"]
FILLER = ["坚持以人民为中心的发展思想，统筹发展和安全，着力推动高质量发展。",
          "各级各部门要提高政治站位，强化责任担当，确保各项任务落到实处。",
          "加强组织领导，完善工作机制，形成上下联动、部门协同的工作格局。",
          "建立健全监测评估制度，定期开展督促检查，及时发现和解决存在的问题。",
          "加大资金投入力度，优化资源配置，提升公共服务均等化水平。",
          "深化改革创新，破除体制机制障碍，激发市场主体活力和社会创造力。",
          "强化宣传引导，营造全社会共同参与的良好氛围。"]
ROLES_LEAD = ["组 长", "组长"]
YEARS = 5  # gazette i is of year 2020 + i % YEARS
PER_KIND_MAX = 5  # documents of one kind (政发, 政办函 …) in a gazette, at most


# Levels a gazette may be of, with weights; their titles and bodies are the lexicon's.
LEVELS = [("市", 5), ("州", 1), ("盟", 1), ("县", 2), ("旗", 1), ("区", 1)]
_LEXICON = yaml.safe_load((Path(__file__).resolve().parents[1] / "extract" / "data" / "lexicon.yaml")
                          .read_text(encoding="utf-8"))["leader_levels"]
HALF_WIDTH = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";"})


class Place:
    """A place of one level: its name, government, party committee and leader titles."""

    def __init__(self, name: str, level: str) -> None:
        spec = _LEXICON[level]
        self.name, self.level = name, level
        gov = spec["government"]  # 州政府, 盟行政公署
        self.government = name + ("人民政府" if gov.endswith("政府") else gov[len(level):])
        self.gov_short = gov
        self.party = spec["party"]
        self.head = spec["head"].format(mod="")
        self.deputy = spec["head"].format(mod="副")

    def bureau(self, b: str) -> str:
        return self.level + b


class _Gen:
    def __init__(self, rnd: random.Random, place: Place) -> None:
        self.r = rnd
        self.place = place
        self.city = place.name
        self.used: set[str] = set()
        self.truth: list[tuple[str, str, str, str]] = []  # (rel, s, o, role/position)

    def person(self) -> str:
        while True:
            name = self.r.choice(SURNAMES) + "".join(self.r.choice(GIVEN) for _ in range(self.r.choice((1, 2, 2))))
            if name not in self.used:
                self.used.add(name)
                return name

    def bureau(self, short: bool = False) -> str:
        b = self.r.choice(BUREAUS)
        return self.place.bureau(SHORT.get(b, b) if short and self.r.random() < 0.5 else b)

    def spaced(self, name: str) -> str:
        return f"{name[0]} {name[1]}" if len(name) == 2 and self.r.random() < 0.6 else name

    def filler(self, n: int) -> str:
        return "\n\n".join("".join(self.r.choice(FILLER) for _ in range(self.r.randint(2, 6))) for _ in range(n))

    def addressees(self) -> str:
        return f"各有关单位，{self.place.level}直各部门："


def _date(r: random.Random, year: int) -> str:
    return f"{year}年{r.randint(1, 12)}月{r.randint(1, 28)}日"


def _work_division(g: _Gen, num: str, date: str) -> tuple[str, str]:
    pl = g.place
    title = f"{pl.government}办公室关于{pl.head}{pl.deputy}工作分工的通知"
    parts = [title, num, g.addressees(),
             f"经{pl.gov_short}研究，现将{pl.head}、{pl.deputy}工作分工通知如下："]
    layout = g.r.choice(["title_first", "name_first", "name_line"])
    mayor = g.person()
    parts.append(f"{pl.party}副书记、{pl.head}{mayor}：主持{pl.government}全面工作。")
    areas = g.r.sample(AREAS, len(AREAS))
    bureaus = g.r.sample(BUREAUS, len(BUREAUS))
    for k in range(g.r.randint(4, 7)):
        vm = g.person()
        title_words = f"{pl.party}常委、{pl.deputy}" if k == 0 else pl.deputy
        mine = areas[k * 4:(k + 1) * 4] or ["统计"]
        orgs = bureaus[k * 4:(k + 1) * 4] or ["统计局"]
        duties = f"负责{'、'.join(mine)}等方面的工作。"
        if layout == "title_first":      # 州委常委、副州长王五：负责…
            parts.append(f"{title_words}{vm}：{duties}")
        elif layout == "name_first":     # 王五副州长：负责…
            parts.append(f"{vm}{pl.deputy}：{duties}")
        else:                            # 王 五 副州长 (a line), the duties below
            parts += [f"{g.spaced(vm)} {title_words}", duties]
        parts.append(f"分管{'、'.join(pl.bureau(o) for o in orgs)}。")
        g.truth += [("分管", vm, pl.bureau(o), "") for o in orgs]
        g.truth += [("负责", vm, a, "") for a in mine]
        parts.append(f"联系{pl.level}总工会、{pl.name[:2]}海关等驻{pl.name[0]}单位。")
        parts.append(f"完成{pl.head}交办的其他工作。")
    parts += [f"{pl.government}办公室", date, "（此件公开发布）"]
    return title, "\n\n".join(parts)


def _task_force(g: _Gen, num: str, date: str) -> tuple[str, str]:
    pl = g.place
    topic = g.r.choice(TOPICS)
    kind = g.r.choice(["工作专班", "领导小组", "指挥部", "联席会议"])
    name = f"{pl.name}{topic}{kind}"
    title = f"{pl.government}办公室关于成立{name}的通知"
    lead_role, deputy_role = {"指挥部": ("指挥长", "副指挥长"), "联席会议": ("召集人", "副召集人")}.get(kind, ("组长", "副组长"))
    layout = g.r.choice(["spaced", "bracket", "bullet", "prose"])
    lead_bureau = g.bureau()

    current = [lead_role]

    def line(role: str | None, person: str, post: str) -> str:
        label = f"{role}：" if role else ""
        current[0] = role or current[0]
        g.truth.append(("成员", person, name, current[0]))
        if layout == "bracket":
            return f"{label}{person}（{post}）"
        if layout == "bullet":
            return f"- {label}{g.spaced(person)} {post}"
        return f"{label}{g.spaced(person)} {post}"

    chairs: list[str] = []
    if layout == "prose":  # 组长由副州长王五担任，副组长由州政府副秘书长李四担任。
        lead, deputy = g.person(), g.person()
        g.truth += [("成员", lead, name, lead_role), ("成员", deputy, name, deputy_role)]
        chairs = [f"{lead_role}由{pl.deputy}{lead}担任，{deputy_role}由{pl.gov_short}副秘书长{deputy}担任。"]
        current[0] = "成员"
        members = []
    else:
        members = [line(lead_role, g.person(), pl.deputy), line(deputy_role, g.person(), f"{pl.gov_short}副秘书长")]
    members.append(line("成员" if layout == "prose" else None, g.person(),
                        f"{lead_bureau}局长" if lead_bureau.endswith("局") else f"{lead_bureau}主任"))
    for _ in range(g.r.randint(8, 25)):
        post = g.bureau(short=True) + g.r.choice(["副局长", "二级调研员", "副主任", "三级调研员"])
        members.append(line(None, g.person(), post))
    units = [g.bureau(short=True) for _ in range(g.r.randint(3, 8))]
    body = [title, num, g.addressees(),
            f"为推进{topic}工作，决定成立{name}。现将有关事项通知如下：",
            "一、主要职责", g.filler(1), "二、组成人员", *chairs, "\n".join(members),
            f"{kind}办公室设在{lead_bureau}，办公室主任由{lead_bureau}主要负责同志兼任。",
            "三、成员单位职责"]
    body += [f"{u}负责{topic}相关工作。" for u in units]
    if g.r.random() < 0.4:
        body.append(f"{kind}下设2个专项工作组。")
        for k, sub in enumerate(("政策保障", "项目推进")):
            body.append(f"（{'一二'[k]}）{sub}专项工作组")
            body.append(f"组长由{g.bureau(short=True)}分管负责人担任，成员包括{g.bureau(short=True)}、{g.bureau(short=True)}等相关部门负责人。")
    body += ["四、工作要求", g.filler(2), f"{pl.government}办公室", date, "（此件公开发布）"]
    return title, "\n\n".join(body)


def _appointments(g: _Gen, num: str, date: str, year: int) -> tuple[str, str]:
    pl = g.place
    first = g.person()
    title = f"{pl.government}关于{first}等职务任免的通知"
    people = [first] + [g.person() for _ in range(g.r.randint(1, 4))]
    gone, gone_org = g.person(), pl.name + g.r.choice(BUREAUS)
    g.truth.append(("免去", gone, gone_org, "副局长"))
    lines = [title, num, g.addressees()]
    named = []
    for p in people:
        prob = "（试用期一年）" if g.r.random() < 0.5 else ""
        org = pl.name + g.r.choice(BUREAUS)
        named.append(f"{p}为{org}副局长{prob}")
        g.truth.append(("任命", p, org, "副局长"))
    if g.r.random() < 0.5:  # 任命：a line each; 免去：a line
        lines.append(f"经{pl.government}{_date(g.r, year)}党组会议研究决定，任命：")
        lines += [f"{n}；" for n in named]
        lines += ["免去：", f"{gone}{gone_org}副局长职务。"]
    else:                   # one sentence each
        lines.append(f"经{pl.government}{_date(g.r, year)}常务会议研究，决定：")
        lines += [f"任命{n}。" for n in named]
        lines.append(f"免去{gone}的{gone_org}副局长职务。")
    lines += ["特此通知。", pl.government, date, "（此件公开发布）"]
    return title, "\n\n".join(lines)


def _plan(g: _Gen, num: str, date: str) -> tuple[str, str]:
    pl = g.place
    topic = g.r.choice(TOPICS)
    title = f"{pl.government}关于印发{pl.name}{topic}实施方案的通知"
    body = [title, num, g.addressees(),
            f"现将《{pl.name}{topic}实施方案》印发给你们，请认真组织实施。", pl.government, date,
            "（此件公开发布）", f"{pl.name}{topic}实施方案"]
    for k, head in enumerate(("一、总体要求", "二、主要任务", "三、保障措施")):
        body += [head, g.filler(g.r.randint(20, 60))]
    return title, "\n\n".join(body)


def generate(index: int, seed: int = 7) -> str:
    """The text of gazette number `index` (deterministic for a seed)."""
    return generate_with_truth(index, seed)[0]


def generate_with_truth(index: int, seed: int = 7) -> tuple[str, list[tuple[str, str, str, str]]]:
    """A gazette and the facts it states (members, 分管/负责, 任命/免去)."""
    r = random.Random(seed * 100003 + index)
    level = r.choices([lv for lv, _ in LEVELS], weights=[w for _, w in LEVELS])[0]
    place = Place(r.choice(CITY_A) + r.choice(CITY_B) + level, level)
    half_width = r.random() < 0.3  # ": , ( ) ;" as web pages and old files write them
    g = _Gen(r, place)
    year = 2020 + index % YEARS
    pre = place.name[:2]
    gov, office = f"{place.gov_short}文件", f"{place.gov_short}办公室文件"
    docs: list[tuple[str, str, str, str]] = []  # section, title, number, text
    # A city recurs across gazettes and govkg takes one number for one document. The
    # gazettes of a year are i, i+5, i+10 …, so each numbers a kind from its own block
    # (i // 5) * 5 + 1 … + 5: unique across a corpus, 4 digits up to 10,000 gazettes.
    counts: dict[str, int] = {}

    def number(kind: str) -> str:
        counts[kind] = counts.get(kind, 0) + 1
        assert counts[kind] <= PER_KIND_MAX
        return f"{pre}{kind}〔{year}〕{index // YEARS * PER_KIND_MAX + counts[kind]}号"

    for _ in range(r.randint(2, 4)):
        num = number("政发")
        docs.append((gov, *_plan(g, num, _date(r, year)), num))
    if r.random() < 0.5:
        num = number("政办发")
        docs.append((office, *_work_division(g, num, _date(r, year)), num))
    for _ in range(r.randint(2, 5)):
        num = number("政办函")
        docs.append((office, *_task_force(g, num, _date(r, year)), num))
    for _ in range(r.randint(1, 2)):
        num = number("政干发")
        docs.append(("人事任免", *_appointments(g, num, _date(r, year), year), num))
    toc = [f"{place.government}公报", f"{year}年第{index % 6 + 1}期", "目 录"]
    section = None
    for sec, title, _text, num in docs:
        if sec != section:
            toc.append(f"【{sec}】")
            section = sec
        toc += [title, f"{num}\t{r.randint(1, 90)}"]
    bodies = [text.translate(HALF_WIDTH) if half_width else text for _s, _t, text, _n in docs]
    text = "\n\n".join(toc) + "\n\n" + "\n\n".join(bodies) + "\n"
    return text, g.truth


def write_corpus(out: Path, gazettes: int, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(gazettes):
        p = out / f"gazette-{i:05d}.txt"
        if not p.exists():
            p.write_text(generate(i, seed), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gazettes", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write_corpus(args.out, args.gazettes, args.seed)
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} gazettes, {size:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
