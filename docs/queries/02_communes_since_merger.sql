-- Question: Which communes and wards of the new Lào Cai province has the paper covered most since the merger of 1 July 2025?
SELECT l.name, l.kind, l.former_province,
       count(*) FILTER (WHERE x.is_focus) AS articles_about,
       count(*) AS articles_naming
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
WHERE l.kind IN ('xa', 'phuong')
  AND a.published_at >= TIMESTAMPTZ '2025-07-01 00:00:00+07'
GROUP BY ALL
ORDER BY articles_about DESC, articles_naming DESC, l.name
LIMIT 10;
