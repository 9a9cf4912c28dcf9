-- Articles (site, post_id) whose search document is missing, was made from an older version
-- of the article, or by another version of the document maker ($1: the current one).
SELECT a.site, a.post_id
FROM articles a
LEFT JOIN search_documents d USING (site, post_id)
WHERE d.content_hash IS DISTINCT FROM a.content_hash OR d.version IS DISTINCT FROM $1
ORDER BY a.site, a.post_id;
