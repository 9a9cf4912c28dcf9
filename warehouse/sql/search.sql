-- Articles holding every syllable of a query, best BM25 score first: each posting of the
-- query's terms ($termids, one per syllable) scored and summed over the articles that hold
-- all of them.
WITH stats AS (SELECT count(*) AS documents, avg(len) AS avgdl FROM search_lengths),
scores AS (
    SELECT p.post_id, sum(bm25(p.tf, p.len, t.df, s.documents, s.avgdl)) AS score,
           count(*) AS terms
    FROM search_postings p
    JOIN search_terms t USING (termid)
    CROSS JOIN stats s
    WHERE p.termid IN (SELECT unnest($termids::BIGINT[]))
    GROUP BY p.post_id
)
SELECT post_id, score
FROM scores
WHERE terms = len($termids::BIGINT[])
  AND post_id IN (SELECT post_id FROM filtered_post_ids($topic, $locality, $since, $until))
ORDER BY score DESC, post_id;
