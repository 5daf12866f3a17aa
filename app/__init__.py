"""The explorer (Streamlit): pages in `app/pages/`, all reads through `app.data`."""
