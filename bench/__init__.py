"""Benchmarks and the extraction gold set (``python -m bench.extraction``)."""
