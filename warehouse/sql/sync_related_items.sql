-- Replace the related-item rows of the staged articles when they differ.
DELETE FROM related_items r
WHERE (r.site, r.post_id) IN (SELECT (site, post_id) FROM staged_articles)
  AND (r.site, r.post_id, r.block, r.position, r.related_post_id, r.title, r.url) NOT IN (
      SELECT (site, post_id, block, position, related_post_id, title, url) FROM staged_related);
MERGE INTO related_items USING staged_related AS s
ON related_items.site = s.site AND related_items.post_id = s.post_id
   AND related_items.block = s.block AND related_items.position = s.position
WHEN NOT MATCHED THEN INSERT BY NAME;
