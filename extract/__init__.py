"""Reading gazettes and extracting assertions from them.

segment -> normalise -> detect document type -> type-specific extractor -> assertions.
Never writes a database: the output is `graph.records.Assertion` records.
"""
