-- The terms of the staged documents (staged_index_ids) as they are now, with their counts
-- (tf), split as the fts
-- extension's tokenizer splits with our settings: runs of anything but letters and digits
-- ('[^\p{L}\p{N}]+') are spaces; no stemming, no stop words (the documents are in match form).
-- The extension then splits on '\s+' with string_split_regex; after the replacement words are
-- one space apart, and string_split on ' ' gives the same terms 600 times faster (0.6 s for
-- 5,000 documents against 385 s in DuckDB 1.5.5).
CREATE OR REPLACE TEMP TABLE staged_tokens AS
WITH documents AS (
    SELECT post_id, regexp_replace(exact, '[^\p{L}\p{N}]+', ' ', 'g') AS spaced
    FROM search_documents
    WHERE post_id IN (SELECT post_id FROM staged_index_ids)
)
SELECT post_id, term, count(*)::INTEGER AS tf
FROM (SELECT post_id, unnest(string_split(spaced, ' ')) AS term FROM documents)
WHERE len(term) > 0
GROUP BY post_id, term;
