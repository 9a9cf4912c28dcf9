-- Every search document with the fields a result shows (publication time in microseconds
-- since the epoch), for an index built whole.
SELECT d.post_id, d.exact, a.title, a.url, a.sapo, a.body, epoch_us(a.published_at)
FROM search_documents d
JOIN articles a USING (post_id)
ORDER BY d.post_id;
