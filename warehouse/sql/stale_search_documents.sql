-- Articles whose search document is missing or was made from an older version of the article.
SELECT a.post_id
FROM articles a
LEFT JOIN search_documents d USING (post_id)
WHERE d.content_hash IS DISTINCT FROM a.content_hash
ORDER BY a.post_id;
