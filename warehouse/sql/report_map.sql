-- The report's map: each of today's communes and wards with its point and the articles
-- passing the filters that name it or a former commune that went into it.
WITH named AS (
    SELECT x.locality_id, count(DISTINCT (x.site, x.post_id)) AS articles
    FROM article_localities_today x
    JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) USING (site, post_id)
    WHERE x.via IN ('self', 'successor')
    GROUP BY ALL
)
SELECT l.locality_id, l.name, l.kind, l.lat, l.lon, coalesce(n.articles, 0) AS articles
FROM localities l
LEFT JOIN named n USING (locality_id)
WHERE l.valid_to IS NULL AND l.kind IN ('xa', 'phuong') AND l.lat IS NOT NULL
ORDER BY articles DESC, l.locality_id;
