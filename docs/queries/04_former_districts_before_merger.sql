-- Question: Which districts, towns and cities (abolished on 1 July 2025) did articles published before the merger name most?
-- A former unit (id "OLD-...") is also recorded after the merger when an article says "(cũ)".
SELECT l.name, l.kind, l.former_province,
       count(*) AS articles_naming,
       count(*) FILTER (WHERE x.is_focus) AS articles_about,
       sum(x.mentions) AS mentions
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
WHERE l.kind IN ('huyen', 'thi_xa', 'thanh_pho')
  AND a.published_at < TIMESTAMPTZ '2025-07-01 00:00:00+07'
GROUP BY ALL
ORDER BY articles_naming DESC, l.name
LIMIT 10;
