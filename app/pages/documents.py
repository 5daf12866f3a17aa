"""文档: the documents of the graph with their facts and marked text; upload a gazette to add.

`?doc=` names the document (id or number); `?line=` (from an evidence link) opens its
text at that line, the sentence framed."""

from __future__ import annotations

import streamlit as st

from app import data, doc_view, ui, uploads

st.title("文档")
AS_OF = ui.as_of_note()

docs = data.documents()
by_id = {d.doc_id: d for d in docs}
wanted = st.query_params.get("doc")
if wanted and wanted not in by_id:
    found = data.document(wanted)
    wanted = found.doc_id if found else None

if wanted not in by_id:  # open on the newest document that has facts
    wanted = next((d.doc_id for d in docs if data.document_facts(d.doc_id)), docs[0].doc_id if docs else None)
choice = st.selectbox(
    f"文件（共 {len(docs)} 份）", [d.doc_id for d in docs], key="documents.pick",
    index=[d.doc_id for d in docs].index(wanted) if wanted in by_id else 0,
    format_func=lambda i: f"{by_id[i].date or '日期不详'}  {by_id[i].number or '无文号'}  {by_id[i].title}",
) if docs else None
at_line = st.query_params.get("line") if choice == wanted else None  # the line is the linked document's
if choice and choice != st.query_params.get("doc"):
    st.query_params["doc"] = choice
    if at_line is None:
        st.query_params.pop("line", None)

if choice:
    doc = by_id[choice]
    st.subheader(doc.title or doc.label)
    doc_view.render(doc, key="documents.view", as_of=AS_OF, line=int(at_line) if at_line and at_line.isdigit() else None)

# -- upload ------------------------------------------------------------------------------------
st.divider()
st.subheader("上传公报")
st.caption(f"支持 {'、'.join(s.lstrip('.') for s in uploads.ALLOWED_SUFFIXES)}，单个文件不超过 "
           f"{uploads.MAX_BYTES // (1024 * 1024)} MB。先预览能抽取出什么，确认后再加入图谱；"
           "解析或构建失败时图谱保持不变。")
upload = st.file_uploader("选择文件", type=[s.lstrip(".") for s in uploads.ALLOWED_SUFFIXES],
                          max_upload_size=uploads.MAX_BYTES // (1024 * 1024), key="documents.upload")
if upload is not None:
    token = (upload.name, upload.size, upload.file_id)
    if st.session_state.get("documents.preview.token") != token:
        st.session_state["documents.preview.token"] = token
        st.session_state.pop("documents.preview", None)
        st.session_state.pop("documents.preview.error", None)
        with st.spinner("正在解析 …"):
            try:
                st.session_state["documents.preview"] = data.preview_upload(upload.name, upload.getvalue())
            except uploads.UploadError as exc:
                st.session_state["documents.preview.error"] = str(exc)
    error = st.session_state.get("documents.preview.error")
    preview = st.session_state.get("documents.preview")
    if error:
        st.error(error)
    elif preview is not None:
        st.success(f"将保存为 `{preview.name}`：{len(preview.documents)} 份文件，{len(preview.assertions)} 条事实。")
        st.dataframe([{"关系": rel, "条数": n} for rel, n in preview.by_type.most_common()], hide_index=True)
        st.dataframe(doc_view.fact_table(preview.assertions), hide_index=True, width="stretch")
        problems = preview.report.get("problems") or []
        if problems:
            with st.expander(f"未能理解的内容（{len(problems)}）"):
                for p in problems:
                    st.markdown(f"- `{p.get('source', '')}` {p.get('reason', '')}")
        if st.button("加入图谱", type="primary", key="documents.add", disabled=not preview.assertions):
            with st.spinner("正在重建图谱 …"):
                outcome = data.add_upload(preview)
            if outcome.ok:
                st.session_state["documents.added"] = f"已加入 {preview.name}，图谱已重建。"
                st.session_state.pop("documents.preview.token", None)
                st.session_state.pop("documents.pick", None)  # show the document just added
                st.query_params["doc"] = preview.assertions[0].doc_id
                st.rerun()
            else:
                st.error(outcome.log)
if st.session_state.get("documents.added"):
    st.success(st.session_state.pop("documents.added"))

