-- The index's term ids for each syllable of a query ($1), as written (diacritics kept, $2) or
-- folded: every term that loses its diacritics to the syllable.
SELECT s.position, t.termid
FROM (SELECT unnest($1::VARCHAR[]) AS syllable, generate_subscripts($1::VARCHAR[], 1) AS position) s
JOIN (
    SELECT term AS key, termid FROM fts_main_search_documents.dict WHERE $2
    UNION ALL
    SELECT folded, termid FROM fts_main_search_documents.folded_terms WHERE NOT $2
) t ON t.key = s.syllable
ORDER BY s.position, t.termid;
