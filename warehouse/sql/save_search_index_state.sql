-- Remember which state of search_documents the index was built over.
INSERT OR REPLACE INTO search_index_state (id, fingerprint, documents, built_at)
SELECT 1, $1, count(*), now() FROM search_documents;
