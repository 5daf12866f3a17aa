"""Cypher 查询: a read-only console for analysts, with examples, a table, a graph and CSV."""

from __future__ import annotations

import json

import streamlit as st

from app import data, results, ui
from app.examples import CYPHER_EXAMPLES
from app.graph_view import graph_view, legend_html

st.title("Cypher 查询")
AS_OF = ui.as_of_note()
st.caption("只读：可以 MATCH … RETURN，写入语句（CREATE、MERGE、SET、DELETE …）会被拒绝。"
           "参数写成 `$名称`，值在下方以 JSON 给出；`$as_of` 是侧栏的截至日期（未选为 `''`）。")

example = st.selectbox("示例查询", list(CYPHER_EXAMPLES), key="cypher.example",
                       on_change=lambda: st.session_state.pop("cypher.last", None))  # a new example runs at once
text_default, params_example = CYPHER_EXAMPLES[example]
params_default = data.cypher_example(params_example, ui.place())  # names this store holds, in its place
query = st.text_area("Cypher", value=text_default, height=130, key=f"cypher.text.{example}")
params_text = st.text_input("参数（JSON）", value=json.dumps(params_default, ensure_ascii=False),
                            key=f"cypher.params.{example}")

if st.button("运行", type="primary", key="cypher.run") or st.session_state.get("cypher.last") is None:
    st.session_state["cypher.last"] = (query, params_text)

text, raw_params = st.session_state["cypher.last"]
try:
    params = json.loads(raw_params or "{}")
    if not isinstance(params, dict):
        raise ValueError("参数必须是 JSON 对象，例如 {\"org\": \"市财政局\"}")
except ValueError as exc:
    st.error(f"参数不是合法的 JSON 对象：{exc}")
    st.stop()

try:
    answer = data.run_cypher(text, params, AS_OF)
except data.WriteRefused as exc:
    st.error(str(exc), icon=":material/block:")
    st.stop()
except data.QueryTooSlow as exc:
    st.warning(str(exc), icon=":material/timer_off:")
    st.stop()
except Exception as exc:  # a mistyped query is the user's everyday case: say what the engine said
    st.error(f"查询出错：{exc}")
    st.stop()

st.caption(f"{len(answer.rows)} 行" + (f"（结果更多，只取了前 {len(answer.rows)} 行）" if answer.truncated else ""))
# The graph is drawn only when shown: a graph laid out inside a hidden tab lands off-centre.
view = st.segmented_control("显示为", ["表格", "图"], default="表格", key="cypher.view") or "表格"
if view == "表格":
    st.dataframe(results.frame(answer.columns, answer.rows), hide_index=True, width="stretch")
    st.download_button("下载 CSV", results.to_csv(answer.columns, answer.rows), file_name="govkg-query.csv",
                       mime="text/csv", key="cypher.csv")
else:
    nodes, edges = results.graph_of(answer.rows)
    if nodes:
        st.markdown(legend_html(sorted({n.label for n in nodes}), roles=any(e.role for e in edges)), unsafe_allow_html=True)
        graph_view(nodes, edges, key="cypher.graph", height=520)
    else:
        st.info("结果里没有节点：返回节点或路径（如 `RETURN p, r, o`）即可看到图。")
