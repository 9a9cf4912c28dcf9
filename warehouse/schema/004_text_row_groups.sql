-- Row groups of 2,048 rows (DuckDB's least) for the two tables that hold whole texts: 2,048
-- articles are about 20 MB of text. The search index reads them a range of post ids at a
-- time: with 16,384-row groups, each range of 2,000 decompressed eight times what it used.
CALL archive.set_option('parquet_row_group_size', 2048, table_name => 'articles');
CALL archive.set_option('parquet_row_group_size', 2048, table_name => 'search_documents');
