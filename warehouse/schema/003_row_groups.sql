-- Row groups of 16,384 rows in the lake's Parquet files (DuckLake's default is 122,880). A row
-- group is read whole: 122,880 article bodies are about 400 MB, past the 400 MB that DuckDB may
-- use in the benchmarks of researchers' access, and a query of one body column ran out of
-- memory at 300,000 articles. Smaller groups also let a range of post ids skip more of a file.
-- Files written before keep their row groups until maintenance merges them.
CALL archive.set_option('parquet_row_group_size', 16384);
