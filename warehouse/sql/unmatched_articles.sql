-- Articles the locality matcher has not read in their current version, or read with another
-- matcher ($1: the current matcher's fingerprint).
SELECT a.post_id
FROM articles a
LEFT JOIN locality_matches m USING (post_id)
WHERE m.content_hash IS DISTINCT FROM a.content_hash OR m.matcher IS DISTINCT FROM $1
ORDER BY a.post_id;
