"""The graph widget (st_link_analysis's Cytoscape front end), speaking Chinese and keeping
the positions it is given.

The package's front end is a built bundle with English text ("No selected elements",
"Recenter Veiw", button titles, the node's label in its info panel) and an expand action
that re-runs its own force layout over the whole graph, moving every node. Rather than
fork it, its build folder is copied once into the temporary folder and a few exact
strings are replaced (`PATCHES`); a replacement that no longer finds its text fails
loudly, so a new release of the package cannot silently bring the English back. The
copy is served by Streamlit like any component: nothing is fetched from outside.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import streamlit.components.v1 as components

__all__ = ["PATCHES", "INFO_KEYS", "widget_dir", "graph_component"]

# Keys of a node's or edge's data shown in the widget's info panel, with their Chinese name;
# every other key (id, label, font …) is for drawing only.
INFO_KEYS = {"zh": "类型", "name": "名称", "place": "地方", "caption": "关系", "source_name": "从", "target_name": "到"}

_TITLES = {
    "No selected elements": "单击节点查看；双击展开邻居",
    'title="Remove Nodes"': 'title="移除节点"',
    'title="Expand Node"': 'title="展开邻居"',
    'title="Refresh Layout"': 'title="重新布局"',
    'title="Download as JSON"': 'title="下载图数据"',
    'title="Fullscreen"': 'title="全屏"',
    'title="Zoom In"': 'title="放大"',
    'title="Fit to Screen"': 'title="适应窗口"',
    'title="Recenter Veiw"': 'title="居中"',
    'title="Zoom Out"': 'title="缩小"',
    "<title>Streamlit Link Analysis</title>": "<title>图谱</title>",
    "<html>": '<html lang="zh-CN">',
}
_INFO = "const GOVKG_KEYS=" + repr(INFO_KEYS).replace("'", '"') + ";"
# Hubs (nodes whose label always shows: minfont 0) keep LABEL_PX on screen at any zoom, so
# their names are readable with the whole graph in view and not huge when zoomed in.
_HUB_LABELS = """(function hubLabels(){
  const el = document.getElementById('cy'); const cy = el && el._cyreg && el._cyreg.cy;
  if (!cy) { setTimeout(hubLabels, 200); return; }
  const size = () => cy.batch(() => cy.nodes('[minfont = 0]').forEach(
      n => n.style('font-size', Math.max(%(font)s, %(px)s / cy.zoom()))));
  cy.on('zoom', size);
  cy.on('add', () => { cy.nodes('[minfont > 0]').removeStyle('font-size'); size(); });
  size();
})();"""
_SCRIPT = {
    # the info panel: the Chinese type instead of the schema label, and only the keys above
    'i=a.label||t.group().slice(0,-1).toUpperCase()': 'i=a.zh||a.label||""',
    'Object.entries(e).filter((e=>"label"!=e[0])).map(':
        'Object.entries(e).filter((e=>e[0] in GOVKG_KEYS)).map((([k,v])=>[GOVKG_KEYS[k],v])).map(',
    # new elements: always take the positions given (computed in Python), never re-run a
    # force layout over the whole graph when a node is expanded
    'const e=v.getState("lastExpanded")': "const e=!1",
}
PATCHES: dict[str, dict[str, str]] = {"index.html": _TITLES, "index.js": _SCRIPT}


def _package_build() -> Path:
    import st_link_analysis

    return Path(st_link_analysis.__file__).resolve().parent / "frontend" / "build"


def _patch(text: str, replacements: dict[str, str], name: str) -> str:
    for old, new in replacements.items():
        if text.count(old) != 1:
            raise RuntimeError(f"graph widget: {name} has {text.count(old)} copies of {old!r} (expected 1); "
                               "the st_link_analysis release changed: update app/widget.py PATCHES")
        text = text.replace(old, new)
    return text


def widget_dir() -> Path:
    """The patched copy of the widget's build folder (made once per package build)."""
    source = _package_build()
    index_js = next(source.glob("index.*.bundle.js"))
    stamp = hashlib.sha256((source / "index.html").read_bytes() + index_js.read_bytes()
                           + repr(PATCHES).encode() + _HUB_LABELS.encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"govkg-graph-widget-{stamp}"
    if (target / "index.html").is_file():
        return target
    work = Path(tempfile.mkdtemp(prefix="govkg-graph-widget-"))
    shutil.copytree(source, work, dirs_exist_ok=True)
    html = _patch((source / "index.html").read_text(encoding="utf-8"), PATCHES["index.html"], "index.html")
    from app.graph_view import LABEL_PX, NODE_FONT

    hubs = _HUB_LABELS % {"font": NODE_FONT, "px": LABEL_PX}
    html = html.replace("<head>", f"<head><script>{_INFO}\n{hubs}</script>", 1)
    (work / "index.html").write_text(html, encoding="utf-8")
    script = _patch(index_js.read_text(encoding="utf-8"), PATCHES["index.js"], index_js.name)
    (work / index_js.name).write_text(script, encoding="utf-8")
    try:
        work.rename(target)
    except OSError:  # another process made it first
        shutil.rmtree(work, ignore_errors=True)
    return target


_component: Any = None


def graph_component(**kwargs: Any) -> Any:
    """Call the patched widget with the arguments st_link_analysis passes its front end."""
    global _component
    if _component is None:
        _component = components.declare_component("govkg_graph", path=str(widget_dir()))
    return _component(**kwargs)
