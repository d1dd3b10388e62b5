"""Benchmarks of esgraf: extraction, loading, queries, memory and the cooperation network (``esgraf bench``)."""
