-- Replace the documents of the staged articles and drop those of articles that are gone. A
-- document made again with the same text keeps its place in the index: only the version the
-- index records for it moves, so the index takes only documents whose text changed.
UPDATE search_lengths SET version = s.version
FROM staged_search_documents s, search_documents d
WHERE search_lengths.post_id = s.post_id AND d.post_id = s.post_id
  AND d.exact = s.exact AND d.content_hash = s.content_hash
  AND search_lengths.content_hash = d.content_hash
  AND search_lengths.version IS NOT DISTINCT FROM d.version;

DELETE FROM search_documents
WHERE post_id IN (SELECT post_id FROM staged_search_documents)
   OR post_id NOT IN (SELECT post_id FROM articles);

INSERT INTO search_documents (post_id, content_hash, exact, version)
SELECT post_id, content_hash, exact, version FROM staged_search_documents;
