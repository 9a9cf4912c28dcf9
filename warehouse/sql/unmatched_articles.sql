-- Articles (site, post_id) the locality matcher has not read in their current version, or
-- read with another matcher ($1: the current matcher's fingerprint).
SELECT a.site, a.post_id
FROM articles a
LEFT JOIN locality_matches m USING (site, post_id)
WHERE m.content_hash IS DISTINCT FROM a.content_hash OR m.matcher IS DISTINCT FROM $1
ORDER BY a.site, a.post_id;
