-- Articles (site, post_id) of site $2 the locality matcher has not read in their current
-- version, or read with another matcher ($1: the fingerprint of the matcher of that site's
-- gazetteers: a site whose list changed is matched again).
SELECT a.site, a.post_id
FROM articles a
LEFT JOIN locality_matches m USING (site, post_id)
WHERE a.site = $2
  AND (m.content_hash IS DISTINCT FROM a.content_hash OR m.matcher IS DISTINCT FROM $1)
ORDER BY a.site, a.post_id;
