-- Documents the index does not hold as they are now: new, changed since indexed, or gone from
-- search_documents (their postings are dropped).
SELECT coalesce(d.post_id, l.post_id) AS post_id
FROM search_documents d
FULL JOIN search_lengths l USING (post_id)
WHERE l.content_hash IS DISTINCT FROM d.content_hash OR l.version IS DISTINCT FROM d.version
ORDER BY 1;
