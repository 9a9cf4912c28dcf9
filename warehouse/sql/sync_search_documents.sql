-- Replace the documents of the staged articles and drop those of articles that are gone. The
-- search index compares the text: a document made again with the same text is not indexed
-- again.
DELETE FROM search_documents
WHERE (site, post_id) IN (SELECT (site, post_id) FROM staged_search_documents)
   OR (site, post_id) NOT IN (SELECT (site, post_id) FROM articles);

INSERT INTO search_documents (site, post_id, content_hash, exact, version)
SELECT site, post_id, content_hash, exact, version FROM staged_search_documents;
