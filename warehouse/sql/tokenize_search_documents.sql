-- The terms of the staged documents (staged_index_ids) as they are now, split as the fts
-- extension's tokenizer splits with our settings: runs of anything but letters and digits
-- ('[^\p{L}\p{N}]+') are spaces; no stemming, no stop words (the documents are in match form).
CREATE OR REPLACE TEMP TABLE staged_tokens AS
SELECT d.post_id, w.term
FROM search_documents d,
     unnest(string_split_regex(regexp_replace(d.exact, '[^\p{L}\p{N}]+', ' ', 'g'), '\s+')) AS w(term)
WHERE d.post_id IN (SELECT post_id FROM staged_index_ids) AND len(w.term) > 0;
