"""govkg explorer: the pages, in the order staff use them.

Run with `govkg ui` (or `streamlit run streamlit_app.py`). The store folder comes from
`GOVKG_STORE` (default `.govkg/`); on a first run without one it is built from `data/`.
The sidebar's 截至日期 (`?as_of=` in the URL) is the day every page answers for, and its
地方 (`?place=`, in a store of several places) the place they keep to.
"""

from __future__ import annotations

import streamlit as st

from app import ui

st.set_page_config(page_title="govkg 政务知识图谱", page_icon=ui.favicon(), layout="wide")

pages = [
    st.Page("app/pages/search.py", title="搜索与问答", icon=":material/search:", default=True),
    st.Page("app/pages/profile.py", title="档案", icon=":material/badge:", url_path="profile"),
    st.Page("app/pages/network.py", title="专班网络", icon=":material/hub:", url_path="network"),
    st.Page("app/pages/chain.py", title="责任链", icon=":material/account_tree:", url_path="chain"),
    st.Page("app/pages/division.py", title="分工总览", icon=":material/table_chart:", url_path="division"),
    st.Page("app/pages/changes.py", title="变化", icon=":material/difference:", url_path="changes"),
    st.Page("app/pages/cypher.py", title="Cypher 查询", icon=":material/terminal:", url_path="cypher"),
    st.Page("app/pages/documents.py", title="文档", icon=":material/description:", url_path="documents"),
    st.Page("app/pages/quality.py", title="数据质量", icon=":material/health_and_safety:", url_path="quality"),
]
page = st.navigation(pages)
ui.sidebar_store_info()
ui.sidebar_as_of()
ui.require_store()
ui.sidebar_place()
page.run()
