"""The WARC files, the archive of record: writing them (``writer``), reading records back
(``reader``), indexing every record (``index``), and the capture index entry that every reader
and writer of the capture index shares (``entry``, ``capture_index``).

Knows nothing of Scrapy, DuckDB or extraction: bytes and files only.
"""
