-- Question: Since the merger, how is the paper's local coverage split between the former Lào Cai and the former Yên Bái provinces?
-- Each article counts once, for its focus unit; former_province is the old province of a
-- commune or ward (NULL for the new province itself).
SELECT coalesce(l.former_province, '(the province as a whole)') AS area,
       count(*) AS articles,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
WHERE x.is_focus AND a.published_at >= TIMESTAMPTZ '2025-07-01 00:00:00+07'
GROUP BY ALL
ORDER BY articles DESC
LIMIT 10;
