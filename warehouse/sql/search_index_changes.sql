-- Search documents whose text differs from what they were at snapshot $built (the one the
-- search index was built from): (post_id, exact now, NULL when gone). Only documents made
-- again since (another content_hash or version) have their text compared.
WITH built AS (
    SELECT post_id, content_hash, version FROM search_documents AT (VERSION => $built)
),
remade AS (
    SELECT coalesce(n.post_id, b.post_id) AS post_id
    FROM search_documents n
    FULL JOIN built b USING (post_id)
    WHERE n.content_hash IS DISTINCT FROM b.content_hash OR n.version IS DISTINCT FROM b.version
)
SELECT r.post_id, n.exact
FROM remade r
LEFT JOIN search_documents n USING (post_id)
LEFT JOIN (
    SELECT post_id, exact FROM search_documents AT (VERSION => $built)
    WHERE post_id IN (SELECT post_id FROM remade)
) b USING (post_id)
WHERE n.exact IS DISTINCT FROM b.exact
ORDER BY r.post_id;
