-- Replace the related-item rows of the staged posts when they differ.
DELETE FROM related_items r
WHERE r.post_id IN (SELECT post_id FROM staged_articles)
  AND (r.post_id, r.block, r.position, r.related_post_id, r.title, r.url) NOT IN (
      SELECT post_id, block, position, related_post_id, title, url FROM staged_related);
INSERT INTO related_items
SELECT * FROM staged_related
ON CONFLICT (post_id, block, position) DO NOTHING;
