"""govkg's core: the schema, assertions, entity resolution, the graph model, stores, exports.

`graph` imports none of `extract`, `queries` or `app` (dependencies run
extract -> graph <- queries <- app).
"""
