-- The extension's terms table has one row per occurrence, and its match_bm25 macro scans all of
-- it for every query. Here each (term, article) gets its BM25 weight once, at build time
-- (k1 = 1.2, b = 0.75, the extension's defaults), sorted by term: a query then reads only the
-- row groups of its own terms (DuckDB skips the others by their min/max) and sums.
CREATE OR REPLACE TABLE fts_main_search_documents.weights AS
WITH postings AS (
    SELECT termid, docid, count(*) AS tf
    FROM fts_main_search_documents.terms
    GROUP BY termid, docid
)
SELECT p.termid,
       docs.name AS post_id,
       (ln((s.num_docs - d.df + 0.5) / (d.df + 0.5) + 1)
        * p.tf * (1.2 + 1) / (p.tf + 1.2 * (1 - 0.75 + 0.75 * docs.len / s.avgdl)))::FLOAT AS weight
FROM postings p
JOIN fts_main_search_documents.dict d USING (termid)
JOIN fts_main_search_documents.docs docs USING (docid)
CROSS JOIN fts_main_search_documents.stats s
ORDER BY p.termid, post_id;

DROP TABLE fts_main_search_documents.terms;
