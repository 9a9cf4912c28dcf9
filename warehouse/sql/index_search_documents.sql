-- Put the staged documents (staged_index_ids, their terms in staged_tokens, every term already
-- in search_terms) into the index. A document without terms is indexed with length 0.
INSERT INTO search_lengths (post_id, content_hash, len, version)
SELECT d.post_id, d.content_hash, coalesce(sum(t.tf), 0), d.version
FROM search_documents d
LEFT JOIN staged_tokens t USING (post_id)
WHERE d.post_id IN (SELECT post_id FROM staged_index_ids)
GROUP BY d.post_id, d.content_hash, d.version;

CREATE OR REPLACE TEMP TABLE staged_postings AS
SELECT st.termid, t.post_id, t.tf, l.len
FROM staged_tokens t
JOIN search_terms st USING (term)
JOIN search_lengths l USING (post_id);

INSERT INTO search_postings SELECT * FROM staged_postings;

UPDATE search_terms t SET df = t.df + added.n
FROM (SELECT termid, count(*) AS n FROM staged_postings GROUP BY termid) added
WHERE t.termid = added.termid;

INSERT INTO search_index_state (id, unsorted_rows)
SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM search_index_state WHERE id = 1);
UPDATE search_index_state SET unsorted_rows = unsorted_rows + (SELECT count(*) FROM staged_postings);
