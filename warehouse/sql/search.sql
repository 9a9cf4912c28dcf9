-- Ranked search. $terms: every syllable of the query in match form (all required, BM25);
-- $phrases: the quoted phrases, each a substring the document must hold;
-- $field: 'exact' (diacritics kept) or 'folded' (accent-insensitive).
WITH matches AS (
    SELECT post_id, score
    FROM (
        SELECT d.post_id,
               CASE WHEN $field = 'exact' THEN d.exact ELSE d.folded END AS document,
               fts_main_search_documents.match_bm25(
                   d.post_id, $terms, fields := $field, conjunctive := 1) AS score
        FROM search_documents d
    )
    WHERE score IS NOT NULL
      AND (len($phrases::VARCHAR[]) = 0
           OR list_bool_and(list_transform($phrases::VARCHAR[], p -> contains(document, p))))
)
SELECT a.post_id, a.title, a.published_at, a.url, a.sapo, a.body, round(m.score, 4) AS score
FROM matches m
JOIN articles a USING (post_id)
WHERE a.post_id IN (SELECT post_id FROM filtered_post_ids($topic, $locality, $since, $until))
ORDER BY m.score DESC, a.post_id
LIMIT $limit;
