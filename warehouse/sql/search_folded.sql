-- Articles holding every syllable of a query typed without diacritics, best BM25 score first.
-- $termids: the index's term ids the syllables fold from; $groups: the syllable each stands
-- for (a syllable counts with its best term); $syllables: how many syllables.
WITH stats AS (SELECT count(*) AS documents, avg(len) AS avgdl FROM search_lengths),
query AS (
    SELECT unnest($termids::BIGINT[]) AS termid, unnest($groups::INTEGER[]) AS grp
),
per_syllable AS (
    SELECT p.post_id, q.grp, max(bm25(p.tf, p.len, t.df, s.documents, s.avgdl)) AS weight
    FROM search_postings p
    JOIN query q USING (termid)
    JOIN search_terms t USING (termid)
    CROSS JOIN stats s
    WHERE p.termid IN (SELECT termid FROM query)
    GROUP BY p.post_id, q.grp
),
scores AS (
    SELECT post_id, sum(weight) AS score, count(*) AS syllables
    FROM per_syllable
    GROUP BY post_id
)
SELECT post_id, score
FROM scores
WHERE syllables = $syllables
  AND post_id IN (SELECT post_id FROM filtered_post_ids($topic, $locality, $since, $until))
ORDER BY score DESC, post_id;
