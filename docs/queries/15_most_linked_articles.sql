-- Question: Which articles do other articles' related blocks link to most often?
-- related_items are links (block: suggest = "Có thể bạn quan tâm", timeline = "Tin cùng
-- chuyên mục", related = "Tin liên quan"), never text of the article that lists them; a link
-- is to an article of the same paper.
SELECT r.related_post_id AS post_id,
       coalesce(a.title, any_value(r.title)) AS title,
       count(DISTINCT r.post_id) AS linked_from,
       count(*) FILTER (WHERE r.block = 'related') AS as_related,
       count(*) FILTER (WHERE r.block = 'timeline') AS as_timeline,
       count(*) FILTER (WHERE r.block = 'suggest') AS as_suggest
FROM related_items r
LEFT JOIN articles a ON a.site = r.site AND a.post_id = r.related_post_id
WHERE r.related_post_id IS NOT NULL
GROUP BY r.site, r.related_post_id, a.title
ORDER BY linked_from DESC, post_id
LIMIT 10;
