-- Has the pipeline built the full-text index yet?
SELECT count(*) > 0 FROM duckdb_tables()
WHERE schema_name = 'fts_main_search_documents' AND table_name = 'weights';
