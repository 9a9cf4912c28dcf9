-- Has the pipeline built the full-text index yet?
SELECT count(*) > 0 FROM duckdb_schemas() WHERE schema_name = 'fts_main_search_documents';
