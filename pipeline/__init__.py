"""Dagster definitions: crawl -> raw pages -> articles -> topic and locality tables.

The pipeline wires stages together; it holds no parsing and no SQL of its own.
"""
