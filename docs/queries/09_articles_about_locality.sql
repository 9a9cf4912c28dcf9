-- Question: What did the paper publish about the commune of Phong Dụ Hạ between July 2025 and June 2026?
-- is_focus marks the one unit an article is about; without it, every article naming it counts.
SELECT timezone('Asia/Ho_Chi_Minh', a.published_at)::DATE AS published,
       a.title, t.name AS topic, t.sponsored
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
LEFT JOIN topics t ON t.site = a.site AND t.topic_id = a.category
WHERE a.site = 'baolaocai' AND l.name = 'Phong Dụ Hạ' AND l.kind = 'xa' AND x.is_focus
  AND a.published_at >= TIMESTAMPTZ '2025-07-01 00:00:00+07'
  AND a.published_at < TIMESTAMPTZ '2026-07-01 00:00:00+07'
ORDER BY a.published_at, a.post_id
LIMIT 10;
