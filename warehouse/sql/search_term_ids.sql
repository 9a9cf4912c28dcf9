-- The index's term ids for each syllable of a query ($1), as written (diacritics kept, $2) or
-- folded: every term that loses its diacritics to the syllable.
SELECT s.position, t.termid
FROM (SELECT unnest($1::VARCHAR[]) AS syllable, generate_subscripts($1::VARCHAR[], 1) AS position) s
JOIN search_terms t ON s.syllable = CASE WHEN $2 THEN t.term ELSE t.folded END
WHERE t.df > 0
ORDER BY s.position, t.termid;
